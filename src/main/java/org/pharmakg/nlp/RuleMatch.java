package org.pharmakg.nlp;

/**
 * A span matched by a TokensRegex rule: the tokens {@code [tokenBegin, tokenEnd)} of a sentence.
 *
 * <pre>RuleMatch m = new RuleMatch("COMPOUND", "compound/code-name", 0.85, 3, 4);</pre>
 *
 * @param type the entity type the rule proposes (COMPANY, COMPOUND, TARGET, INDICATION, TRIAL, PHASE)
 * @param rule the rule's name, kept as provenance of every entity it finds
 * @param confidence the rule's confidence, as its file gives it
 */
public record RuleMatch(String type, String rule, double confidence, int tokenBegin, int tokenEnd) {
    public RuleMatch {
        if (tokenEnd <= tokenBegin) throw new IllegalArgumentException("empty match " + rule);
    }
}
