package org.pharmakg.extract;

import java.util.Objects;

/**
 * One extracted statement with its evidence: subject and object are indexes into the document's
 * entities; a PHASE fact names its stage in {@code phase} instead of an object entity.
 *
 * <pre>new Fact(Relation.DEVELOPS, company.id(), compound.id(), null, evidence)</pre>
 */
public record Fact(Relation relation, int subject, int object, String phase, Evidence evidence) {
    public Fact {
        Objects.requireNonNull(relation);
        Objects.requireNonNull(evidence);
        if (relation == Relation.PHASE && phase == null) throw new IllegalArgumentException("phase fact without a stage");
    }

    /**
     * Where and how a fact was found: the sentence, the character span that states it (offsets
     * into the document text), the rule that fired, a confidence and whether it is only planned.
     */
    public record Evidence(int sentence, int begin, int end, String sentenceText, int sentenceBegin,
                           String rule, double confidence, boolean planned) {
        public Evidence {
            Objects.requireNonNull(sentenceText);
            Objects.requireNonNull(rule);
            if (end < begin) throw new IllegalArgumentException("evidence span ends before it begins");
            confidence = Math.max(0, Math.min(1, Math.round(confidence * 100) / 100.0));
        }
    }

    /** The identity of the statement, ignoring its evidence. */
    public String key() {
        int s = subject, o = object;
        if (relation == Relation.PARTNER_OF && o < s) { int t = s; s = o; o = t; }
        return relation + ":" + s + ":" + o + ":" + phase + ":" + evidence.planned();
    }
}
