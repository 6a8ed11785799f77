package org.pharmakg.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.pharmakg.ingest.PressRelease;
import org.pharmakg.mapping.Vocab;
import org.pharmakg.store.KgStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the SEC filer's CIK and conformed name on the issuer company of a release read from an EDGAR
 * filing ({@code kg:cik}, {@code kg:secFilerName}), in the release's own graph.
 *
 * <pre>{@code
 * List<Quad> quads = FilerFacts.add(release, mapper.map(extraction));
 * }</pre>
 *
 * A release without a filer, or whose extraction found no issuer, is returned as it was (the latter
 * logged: the CIK then has no company to sit on).
 */
final class FilerFacts {
    private static final Logger LOG = LoggerFactory.getLogger(FilerFacts.class);

    static final Node CIK = Vocab.kg("cik");
    static final Node FILER_NAME = Vocab.kg("secFilerName");

    private FilerFacts() { }

    static List<Quad> add(PressRelease r, List<Quad> quads) {
        PressRelease.Filer filer = r.filer();
        if (filer == null) return quads;
        Node doc = Vocab.document(r.id());
        for (Quad q : quads) {
            if (q.getSubject().equals(doc) && q.getPredicate().equals(Vocab.ISSUER)) {
                List<Quad> out = new ArrayList<>(quads);
                out.add(new Quad(q.getGraph(), q.getObject(), CIK, KgStore.literal(filer.cik())));
                if (filer.name() != null) out.add(new Quad(q.getGraph(), q.getObject(), FILER_NAME, KgStore.literal(filer.name())));
                return out;
            }
        }
        LOG.warn("{}: filed by {} (CIK {}), but no issuer was found in the text; the CIK is not stored", r.source(),
                filer.name(), filer.cik());
        return quads;
    }
}
