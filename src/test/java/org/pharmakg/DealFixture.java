package org.pharmakg;

import java.io.IOException;
import java.io.InputStream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.pharmakg.store.KgStore;

/**
 * Deals for tests until the deal extractor lands: ten made-up releases with deals written in the RDF contract
 * (docs/DESIGN.md, "Deals"), from {@code src/test/resources/serve/deals.trig} (made by {@code make-deals-fixture.py}
 * beside it). Loaded next to a seed build; the next build (nothing to extract) resolves their entities and links
 * the deals of one agreement, as after any build.
 *
 * <pre>TestSupport.build(store, seeds); DealFixture.load(store); TestSupport.build(store, seeds);</pre>
 *
 * The deals: ImmunoGen licenses mirvetuximab soravtansine to Takeda (2014, $20M upfront, $300M milestones, $320M
 * total, royalties, ex-US); Amgen completes its acquisition of Onyx Pharmaceuticals (2015, $10.4B); ImmunoGen and
 * Novartis sign a collaboration (2013, $45M upfront, $15M equity) that Novartis terminates (2016); Biotest takes an
 * option on indatuximab ravtansine (2012, $1M) and exercises it (2013-05-17, $5M); MorphoSys licenses to Bayer
 * (2015, €13M upfront) after an earlier collaboration of theirs ended (2011); ImmunoGen and Genentech expand their
 * licence (2012, $2M) and Roche, Genentech's parent, pays ImmunoGen a $10.5M milestone (2013).
 */
public final class DealFixture {
    public static final String RESOURCE = "serve/deals.trig";
    public static final int DEALS = 10;

    private DealFixture() {}

    /** The fixture's quads. */
    public static DatasetGraph dataset() { return dataset(RESOURCE); }

    /** The quads of a TriG resource on the test class path (this fixture's, or another made the same way). */
    public static DatasetGraph dataset(String resource) {
        try (InputStream in = DealFixture.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not on the test class path");
            return RDFParser.source(in).lang(Lang.TRIG).toDatasetGraph();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Adds the fixture's graphs to the store in one write transaction. */
    public static void load(KgStore store) { load(store, RESOURCE); }

    /** Adds the graphs of a TriG resource on the test class path to the store in one write transaction. */
    public static void load(KgStore store, String resource) {
        DatasetGraph fx = dataset(resource);
        Txn.executeWrite(store.dataset(), () -> fx.find().forEachRemaining(store.dataset()::add));
    }
}
