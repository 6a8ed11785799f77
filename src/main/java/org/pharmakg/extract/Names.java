package org.pharmakg.extract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Name normalisation shared by mention matching, in-document grouping and cross-document merging.
 *
 * <pre>Names.key("Bayer HealthCare, Inc.") // "bayerhealthcare"; Names.slug("T-DM1") // "t-dm1"</pre>
 */
public final class Names {
    private static final Pattern COMPANY_SUFFIX = Pattern.compile(
            "(?i)(,?\\s+(&\\s+co\\.?|&\\s+company|inc|incorporated|corp|corporation|co|company|ltd|limited|llc|l\\.l\\.c|plc|gmbh|ag|s\\.?a|n\\.?v|b\\.?v|k\\.?k|s\\.?p\\.?a|se|lp|l\\.p)\\.?)+$");
    private static final Pattern THE_GROUP = Pattern.compile("(?i)^(?:the\\s+)?(.+?)\\s+group$");
    private static final Pattern MARKS = Pattern.compile("[\u00ae\u2122\u2120^*]");

    private Names() {}

    /** Case-, space- and punctuation-free comparison key ("T-DM1" and "TDM1" share one). */
    public static String key(String name) {
        String s = isPlainAscii(name) ? name : fold(name);
        s = s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace("'s ", " ");
        s = s.replace("leukaemia", "leukemia").replace("tumour", "tumor").replace("oesophag", "esophag");
        s = MARKS.matcher(s).replaceAll("");
        s = s.replaceFirst("^the\\s+", "");
        return s.replaceAll("[^a-z0-9+]", "");
    }

    /** The company's name without legal suffixes or "the … Group": "the Roche Group" -> "Roche". */
    public static String companyBase(String name) {
        String s = MARKS.matcher(name).replaceAll("").strip();
        var m = THE_GROUP.matcher(s);
        if (m.matches()) s = m.group(1);
        s = s.replaceFirst("(?i)^the\\s+", "");
        String prev;
        do {
            prev = s;
            s = COMPANY_SUFFIX.matcher(s).replaceAll("").strip();
            s = s.replaceAll("[,.]$", "").replaceAll("(?i)\\s+(and|&)$", "").strip();
        } while (!s.equals(prev) && !s.isEmpty());
        return s.isEmpty() ? name.strip() : s;
    }

    /** The key used to merge two names of the same type. */
    public static String typedKey(EntityType type, String name) {
        return switch (type) {
            case COMPANY -> key(companyBase(name));
            default -> key(name);
        };
    }

    /** IRI slug: lower case ASCII, runs of other characters to '-'. */
    public static String slug(String name) {
        String s = fold(MARKS.matcher(name).replaceAll("")).toLowerCase(Locale.ROOT).replace("+", "plus");
        s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "x" : s;
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) > 127) return false;
        return true;
    }

    /**
     * The key piece of one token: {@link #key} of a span is the concatenation of its tokens' pieces
     * (a possessive "'s" contributes nothing), so lexicon look-ups need no per-span normalisation.
     */
    public static String tokenKey(String token) {
        if (token.equals("'s") || token.equals("’s")) return "";
        return key(token);
    }

    /** Unicode to plain ASCII where possible ("Waldenström" -> "Waldenstrom"). */
    public static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    }

    /** True when the name is an all-capitals abbreviation of at most five characters ("MM", "SCLC"). */
    public static boolean isShortAbbreviation(String s) {
        String t = s.strip();
        return t.length() <= 5 && t.chars().anyMatch(Character::isUpperCase)
                && t.chars().noneMatch(Character::isLowerCase);
    }
}
