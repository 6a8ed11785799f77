package org.pharmakg.extract;

import java.util.Objects;

/**
 * One place where a document names an entity: its type, sentence, token span and character span.
 *
 * <pre>Mention m = ...; doc.text().substring(m.begin(), m.end()).equals(m.text())</pre>
 *
 * @param rule the lexicon, rule or model that found it, kept as provenance
 * @param entry the lexicon entry when the name is a known one, else null
 * @param phase the phase id ("phase-ii", "approved") for PHASE mentions, else null
 */
public record Mention(EntityType type, int sentence, int tokBegin, int tokEnd, int begin, int end,
                      String text, String rule, double confidence, Lexicon.Entry entry, String phase) {
    public Mention {
        Objects.requireNonNull(type);
        Objects.requireNonNull(text);
        if (tokEnd <= tokBegin) throw new IllegalArgumentException("empty mention " + text);
    }

    public boolean overlaps(Mention o) {
        return sentence == o.sentence && tokBegin < o.tokEnd && o.tokBegin < tokEnd;
    }

    public int length() { return tokEnd - tokBegin; }
}
