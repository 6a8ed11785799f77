package org.pharmakg.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a release is in English, by its share of very common function words, and which
 * language it looks like when it is not.
 *
 * <pre>{@code
 * String lang = Language.guess(text);   // "English", "German", ... or null when too short to tell
 * }</pre>
 *
 * A text of fewer than 40 words is not judged (null). The guess is the language whose function
 * words are most frequent; a release quoting a foreign sentence stays English.
 */
public final class Language {

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Map<String, Set<String>> STOPWORDS = new LinkedHashMap<>();

    static {
        STOPWORDS.put("English", Set.of("the", "and", "of", "to", "in", "is", "for", "with", "on", "that", "by", "as",
                "will", "this", "are", "from", "its", "be", "an", "has", "which", "at"));
        STOPWORDS.put("German", Set.of("der", "die", "das", "und", "ist", "mit", "von", "den", "für", "auf", "ein",
                "eine", "des", "dem", "nicht", "sich", "wird", "zu", "im", "bei"));
        STOPWORDS.put("French", Set.of("le", "la", "les", "et", "des", "du", "est", "une", "pour", "dans", "que",
                "qui", "sur", "par", "au", "aux", "avec", "sont", "ses"));
        STOPWORDS.put("Spanish", Set.of("el", "los", "las", "y", "del", "es", "una", "para", "con", "que", "por",
                "su", "sus", "se", "al", "como", "está", "en"));
        STOPWORDS.put("Italian", Set.of("il", "di", "che", "della", "delle", "per", "con", "sono", "gli", "nel",
                "dei", "una", "è", "alla", "degli"));
        STOPWORDS.put("Dutch", Set.of("het", "een", "van", "en", "voor", "met", "zijn", "op", "dat", "niet", "wordt",
                "ook", "bij", "naar"));
        STOPWORDS.put("Portuguese", Set.of("o", "os", "da", "do", "das", "dos", "e", "para", "com", "não", "uma",
                "em", "ao", "pelo", "pela"));
    }

    private Language() {
    }

    /** The language the text looks like, or null when it has under 40 words. */
    public static String guess(String text) {
        Map<String, Integer> hits = new LinkedHashMap<>();
        STOPWORDS.keySet().forEach(l -> hits.put(l, 0));
        int words = 0;
        Matcher m = WORD.matcher(text);
        while (m.find() && words < 5000) {
            words++;
            String w = m.group().toLowerCase(java.util.Locale.ROOT);
            for (Map.Entry<String, Set<String>> e : STOPWORDS.entrySet()) {
                if (e.getValue().contains(w)) {
                    hits.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        if (words < 40) {
            return null;
        }
        String best = "English";
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (e.getValue() > hits.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }
}
