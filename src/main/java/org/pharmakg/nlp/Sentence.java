package org.pharmakg.nlp;

import java.util.List;
import java.util.Objects;

/**
 * One sentence: its offsets into the document text, its tokens and the rule matches in it.
 *
 * <pre>for (Sentence s : doc.sentences()) for (Token t : s.tokens()) ...</pre>
 */
public record Sentence(int index, int begin, int end, String text, List<Token> tokens, List<RuleMatch> matches) {
    public Sentence {
        Objects.requireNonNull(text);
        tokens = List.copyOf(tokens);
        matches = List.copyOf(matches);
    }

    /** The text of tokens {@code [from, to)} as it stands in the sentence. */
    public String span(int from, int to) {
        return text.substring(tokens.get(from).begin() - begin, tokens.get(to - 1).end() - begin);
    }

}
