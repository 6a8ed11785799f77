package org.pharmakg.extract;

import java.util.List;
import java.util.Objects;
import org.pharmakg.ingest.PressRelease;

/**
 * Everything extracted from one press release: its entities, its facts with evidence, the deals it
 * reports and its issuer.
 *
 * <pre>DocumentExtraction x = extractor.extract(annotated); x.facts().size();</pre>
 *
 * @param issuer index of the issuing company in {@code entities}, or -1 when unknown
 * @param tokens number of tokens the NLP stage read (for throughput reports)
 */
public record DocumentExtraction(PressRelease release, List<LocalEntity> entities, List<Fact> facts, List<Deal> deals,
                                 int issuer, int tokens) {
    public DocumentExtraction {
        Objects.requireNonNull(release);
        entities = List.copyOf(entities);
        facts = List.copyOf(facts);
        deals = List.copyOf(deals);
    }

    /** An extraction without deals. */
    public DocumentExtraction(PressRelease release, List<LocalEntity> entities, List<Fact> facts, int issuer, int tokens) {
        this(release, entities, facts, List.of(), issuer, tokens);
    }
}
