package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.pharmakg.nlp.Sentence;
import org.pharmakg.nlp.Token;

/**
 * A sentence as the relation rules see it: its entity arguments in text order (mentions, phase
 * mentions and resolved anaphors such as "this compound", "It", "the Company", "we"), with each
 * compound marked primary or secondary ("in combination with lenalidomide" is secondary).
 *
 * <pre>SentenceView v = ...; for (SentenceView.Arg a : v.args(EntityType.COMPOUND)) ...</pre>
 */
final class SentenceView {
    /** One argument: an entity (or a stage for PHASE) at a token span of the sentence. */
    record Arg(int entity, EntityType type, int tb, int te, int begin, int end, String phase, String rule,
               double confidence, boolean anaphor, boolean secondary) {
        Arg asSecondary() {
            return new Arg(entity, type, tb, te, begin, end, phase, rule, confidence, anaphor, true);
        }
    }

    final Sentence sentence;
    final List<Arg> args;
    final List<String> words;

    SentenceView(Sentence sentence, List<Arg> args) {
        this.sentence = sentence;
        this.args = List.copyOf(args);
        List<String> w = new ArrayList<>();
        for (Token t : sentence.tokens()) w.add(t.word().toLowerCase(Locale.ROOT));
        this.words = List.copyOf(w);
    }

    List<Arg> args(EntityType t) {
        return args.stream().filter(a -> a.type() == t).toList();
    }

    List<Arg> primaryCompounds() {
        return args.stream().filter(a -> a.type() == EntityType.COMPOUND && !a.secondary()).toList();
    }

    String word(int i) { return i >= 0 && i < words.size() ? words.get(i) : ""; }

    int size() { return words.size(); }

    /** Index of the clause (split at ';') a token is in. */
    int clause(int tok) {
        int c = 0;
        for (int i = 0; i < tok && i < words.size(); i++) if (words.get(i).equals(";")) c++;
        return c;
    }

    /** True when any token in [from, to) is a cue of the list. */
    boolean anyCue(Cues cues, String list, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, words.size()); i++) if (cues.is(list, words.get(i))) return true;
        return false;
    }

    boolean companyBetween(int from, int to) {
        return args.stream().anyMatch(a -> a.type() == EntityType.COMPANY && a.tb() >= from && a.te() <= to);
    }

    /** The first of the arguments that starts at a token in [from, to], or null. */
    static Arg firstStarting(List<Arg> cands, int from, int to) {
        for (Arg a : cands) if (a.tb() >= from && a.tb() <= to) return a;
        return null;
    }

    /** The nearest argument of a type to a token span, preferring the left side on ties. */
    Arg nearest(List<Arg> cands, int tb, int te) {
        return cands.stream().min(Comparator.comparingInt((Arg a) -> distance(a, tb, te))
                .thenComparingInt(a -> a.tb() < tb ? 0 : 1)).orElse(null);
    }

    static int distance(Arg a, int tb, int te) {
        if (a.te() <= tb) return tb - a.te();
        if (te <= a.tb()) return a.tb() - te;
        return 0;
    }
}
