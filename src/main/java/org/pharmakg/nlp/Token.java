package org.pharmakg.nlp;

/**
 * One token with its character offsets into {@code PressRelease.text()} and its annotations.
 *
 * <pre>Token t = sentence.tokens().get(0); String s = text.substring(t.begin(), t.end());</pre>
 *
 * @param ner CoreNLP's coarse tag (PERSON, ORGANIZATION, LOCATION or O)
 */
public record Token(String word, int begin, int end, String pos, String lemma, String ner) {
    public boolean isCapitalized() { return !word.isEmpty() && Character.isUpperCase(word.charAt(0)); }
    public boolean isNoun() { return pos.startsWith("NN"); }
}
