package org.pharmakg.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.core.Quad;
import org.pharmakg.ingest.PressRelease;

/**
 * The quads a stored release carries besides its extraction: the SEC filer on its issuer, its own
 * source and its MinHash signature (which later copies are found by). {@code build} and
 * {@code spark-build} both write them, so their graphs stay equal.
 *
 * <pre>List&lt;Quad&gt; quads = ReleaseQuads.of(release, new RdfMapper(clock).map(extraction));</pre>
 */
public final class ReleaseQuads {
    private ReleaseQuads() {}

    public static List<Quad> of(PressRelease r, List<Quad> mapped) {
        List<Quad> out = new ArrayList<>(FilerFacts.add(r, mapped));
        out.addAll(Syndication.ownQuads(r));
        return out;
    }
}
