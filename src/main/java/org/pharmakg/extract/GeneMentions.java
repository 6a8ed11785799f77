package org.pharmakg.extract;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.pharmakg.nlp.Sentence;
import org.pharmakg.nlp.Token;

/**
 * Targets named by a gene or protein name that no project lexicon knows, found through the human gene
 * vocabulary, but only where the words around the name make it a target: "a TYK2 inhibitor", "an
 * inhibitor of LRRK2", "targeting myostatin", "antibody against X", "binds to X", "X x Y bispecific".
 * A vocabulary name anywhere else ("ACE", "SET", "IU", a cell line) is not a mention.
 *
 * <pre>new GeneMentions(() -> vocabulary).find(sentence, mentionSink);</pre>
 *
 * Only the spans next to a cue word are looked up (one hash probe each), and the vocabulary is asked
 * for only when a sentence has a cue, so documents without one never load it.
 */
final class GeneMentions {
    static final String RULE = "vocabulary/gene";
    /** Cue words after the name: "X inhibitor". */
    private static final Set<String> AFTER = Set.of("inhibitor", "inhibitors", "antagonist", "antagonists", "agonist", "agonists",
            "blocker", "blockers", "degrader", "degraders", "modulator", "modulators", "activator", "activators",
            "antibody", "antibodies", "sirna", "sirnas", "mrna");
    /** Cue nouns before "of": "inhibitor of X". */
    private static final Set<String> OF_NOUNS = Set.of("inhibitor", "inhibitors", "antagonist", "antagonists", "agonist", "agonists",
            "blocker", "blockers", "degrader", "degraders", "modulator", "modulators", "activator", "activators", "inhibition",
            "blockade", "antagonism", "agonism", "degradation", "silencing", "knockdown");
    /** Cue words before the name: "targeting X", "binds to X". */
    private static final Set<String> BEFORE = Set.of("targeting", "targets", "target", "targeted", "inhibiting", "inhibits", "inhibit",
            "blocking", "blocks", "block", "against", "silencing", "silences", "silence", "antagonizing", "antagonises", "antagonizes",
            "binds", "binding", "bind", "degrading", "degrades", "degrade");
    /** Words between a cue before and the name. */
    private static final Set<String> SKIP = Set.of("the", "to", "human", "both", "a", "an");
    /** Words that are never a target on their own, whatever the vocabulary says. */
    private static final Set<String> NOT_NAMES = Set.of("cell", "cells", "tumor", "tumour", "cancer", "protein", "proteins", "gene",
            "genes", "receptor", "receptors", "kinase", "kinases", "enzyme", "antigen", "antibody", "molecule", "drug", "small",
            "novel", "selective", "oral", "potent", "dual", "first", "next", "new", "human", "pathway", "signaling", "growth",
            "factor", "alpha", "beta", "gamma", "type", "mutant", "mutation", "wild", "activity", "function", "control", "placebo",
            "monoclonal", "bispecific", "peptide", "complex", "family", "member", "subunit", "chain", "domain", "ligand");

    private static final Set<String> FUNCTION_TAGS = Set.of("DT", "CC", "TO", "PRP", "PRP$", "MD", "WDT", "WP", "EX", "RB", "VBZ", "VBP", "VBD");

    private final Supplier<GeneVocabulary> vocabulary;

    GeneMentions(Supplier<GeneVocabulary> vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** A gene-vocabulary hit: tokens {@code [begin, end)} name the gene. */
    record Hit(int begin, int end, GeneVocabulary.Gene gene) {}

    /** Adds a hit for every name in a target context of the sentence. */
    void find(Sentence s, java.util.function.Consumer<Hit> out) {
        List<Token> toks = s.tokens();
        int n = toks.size();
        GeneVocabulary v = null;
        for (int i = 0; i < n; i++) {
            String w = toks.get(i).word().toLowerCase(Locale.ROOT);
            boolean after = AFTER.contains(w), before = BEFORE.contains(w);
            boolean of = OF_NOUNS.contains(w) && i + 1 < n && toks.get(i + 1).word().equals("of");
            boolean times = (w.equals("x") || w.equals("×")) && i > 0 && i + 1 < n && bispecificNear(toks, i);
            if (!after && !before && !of && !times) continue;
            if (v == null) v = vocabulary.get();
            if (after || times) {
                Hit h = ending(s, v, i);
                if (h != null) out.accept(h);
            }
            if (before || of || times) {
                int start = of ? i + 2 : i + 1;
                while (start < n && SKIP.contains(toks.get(start).word().toLowerCase(Locale.ROOT))) start++;
                // "targeting X and Y", "inhibitors of X, Y and Z"
                for (int k = 0; k < 4 && start < n; k++) {
                    Hit h = starting(s, v, start);
                    if (h == null) break;
                    out.accept(h);
                    int next = h.end();
                    if (next < n && toks.get(next).word().matches(",|and|or|/")) next++;
                    if (next < n && toks.get(next).word().equals("and")) next++;
                    if (next == h.end()) break;
                    start = next;
                }
            }
        }
    }

    private static boolean bispecificNear(List<Token> toks, int i) {
        for (int k = Math.max(0, i - 8); k < Math.min(toks.size(), i + 8); k++) {
            if (toks.get(k).word().toLowerCase(Locale.ROOT).startsWith("bispecific")) return true;
        }
        return false;
    }

    /**
     * The longest name ending just before the cue at token {@code end}; none when the cue belongs to the name
     * ("C1 esterase inhibitor" is a protein, and "C1 esterase inhibitor deficiency" names no target).
     */
    private static Hit ending(Sentence s, GeneVocabulary v, int end) {
        for (int b = Math.max(0, end - v.maxWords()); b < end; b++) {
            if (v.knowsKey(key(s, b, end + 1))) return null;
            Hit h = hit(s, v, b, end);
            if (h != null) return h;
        }
        return null;
    }

    private static String key(Sentence s, int b, int e) {
        StringBuilder k = new StringBuilder();
        for (int i = b; i < e; i++) k.append(Names.tokenKey(s.tokens().get(i).word()));
        return k.toString();
    }

    /** The longest name starting at token {@code begin}. */
    private static Hit starting(Sentence s, GeneVocabulary v, int begin) {
        for (int e = Math.min(s.tokens().size(), begin + v.maxWords()); e > begin; e--) {
            Hit h = hit(s, v, begin, e);
            if (h != null) return h;
        }
        return null;
    }

    private static Hit hit(Sentence s, GeneVocabulary v, int b, int e) {
        List<Token> toks = s.tokens();
        Token first = toks.get(b), last = toks.get(e - 1);
        if (!Character.isLetterOrDigit(first.word().charAt(0)) || !Character.isLetterOrDigit(last.word().charAt(last.word().length() - 1))) return null;
        StringBuilder key = new StringBuilder();
        for (int i = b; i < e; i++) {
            Token t = toks.get(i);
            // "(TM) (C1": a name does not run across brackets or punctuation
            if (t.word().chars().noneMatch(Character::isLetterOrDigit)) return null;
            // "FOR", "TO", "AM" in a headline in capitals are words, not genes
            if (FUNCTION_TAGS.contains(t.pos()) || t.pos().equals("IN") && i == b) return null;
            key.append(Names.tokenKey(t.word()));
        }
        if (e - b == 1) {
            String w = first.word();
            if (NOT_NAMES.contains(w.toLowerCase(Locale.ROOT))) return null;
            // a lower-case word must be a noun ("myostatin"), not an adjective or a verb
            if (w.equals(w.toLowerCase(Locale.ROOT)) && !first.pos().startsWith("NN")) return null;
        } else if (NOT_NAMES.contains(last.word().toLowerCase(Locale.ROOT)) && !last.word().matches("(?i)receptors?|kinase|ligand|antigen")) {
            return null;
        }
        GeneVocabulary.Gene g = v.resolveKey(key.toString(), s.span(b, e));
        return g == null ? null : new Hit(b, e, g);
    }
}
