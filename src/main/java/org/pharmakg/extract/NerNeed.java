package org.pharmakg.extract;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.pharmakg.nlp.Token;

/**
 * Decides which sentences need CoreNLP's NER: only those naming something capitalised that the
 * lexicons do not already know. "ImmunoGen's partners include Amgen, Biotest and Sanofi" does not;
 * "Genentech, a member of the Roche Group, …" does when Genentech is in no list. NER is the most
 * expensive annotator, so this is where most of the build's time is saved.
 *
 * <pre>CoreNlpPipeline.builder().nerOnlyWhere(new NerNeed(lexicon)).build();</pre>
 */
public final class NerNeed implements Predicate<List<Token>> {
    /** Capitalised words that name no organisation: calendar words, document words, stages. */
    private static final Pattern COMMON = Pattern.compile(
            "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
            + "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Phase|Inc|Inc\\.|Corp|Corp\\.|Ltd|Ltd\\.|LLC|Co\\.|Company|Group"
            + "|The|A|An|In|For|About|This|These|Our|We|It|Its|US|U\\.S\\.|EU|I|II|III|IV|CEO|CFO|Chief|President|Officer|Vice|Dr\\.|Mr\\.|Ms\\.|MD|PhD|Ph\\.D\\."
            + "|Study|Trial|Trials|Data|Results|Announces|Reports|Presents|Update|Quarter|Fiscal|Year|Financial|Second|First|Third|Fourth)");

    private final Lexicon lexicon;
    private final MentionFinder finder;

    public NerNeed(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.finder = new MentionFinder(lexicon);
    }

    @Override
    public boolean test(List<Token> tokens) {
        boolean[] covered = finder.lexiconCoverage(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (covered[i] || !t.pos().startsWith("NNP")) continue;
            String w = t.word();
            if (w.length() < 2 || !Character.isUpperCase(w.charAt(0)) || COMMON.matcher(w).matches()) continue;
            // all capitals (datelines "WALTHAM", tickers "IMGN", abbreviations "SCLC", trial names) and
            // abbreviations with a period ("Mass.", "Dec.") are not how an unknown company is written
            if (w.chars().noneMatch(Character::isLowerCase) || w.endsWith(".")) continue;
            if (lexicon.isNotCompany(w)) continue;
            return true;
        }
        return false;
    }
}
