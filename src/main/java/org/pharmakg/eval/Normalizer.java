package org.pharmakg.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The comparison keys of the reference scorer ({@code score.py}): names that normalise to the
 * same key are the same name.
 *
 * <pre>
 * Normalizer.key("ImmunoGen, Inc.");                           // "immunogen"
 * Normalizer.indicationKey("HER2+ metastatic breast cancer");  // "breastcancer"
 * Normalizer.phaseKey("Phase Ib");                             // "phase-i"
 * </pre>
 *
 * Each function reproduces its Python twin character for character, including Python's idea of
 * white space ({@code str.isspace}, {@code \s}) and its code-point string order, so that both
 * scorers give the same numbers on the same store.
 */
public final class Normalizer {
    /** Python's white space ({@code str.isspace()} and {@code re}'s {@code \s} on str patterns). */
    static final String PY_SPACE =
            "[\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]";

    /** Python's {@code str} order: by code point, not by UTF-16 unit as {@link String#compareTo}. */
    public static final Comparator<String> PY_ORDER = Normalizer::comparePy;

    private static final Pattern COMPANY_SUFFIX = Pattern.compile(
            "(,?" + PY_SPACE + "+(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|gmbh|s\\.?a)\\.?)+\\z");
    private static final Pattern LEADING_THE = Pattern.compile("\\Athe" + PY_SPACE + "+");
    private static final Pattern NOT_KEY_CHAR = Pattern.compile("[^a-z0-9+]");
    private static final Pattern MARKS = Pattern.compile("[\\u00ae\\u2122]");
    private static final Pattern NOT_PHASE_CHAR = Pattern.compile("[^a-z0-9/]");
    private static final Pattern SUB_PHASE = Pattern.compile("(?<=[0-9iv])[ab]\\z");

    /** Disease qualifiers stripped from the front of an indication, as in score.py's _QUALIFIERS. */
    static final List<String> QUALIFIERS = List.of(
            "her2+", "her2 positive", "her2-positive", "cd56-positive", "cd56 positive", "cd56+",
            "folr1-positive", "metastatic", "locally advanced", "advanced", "early stage", "early-stage",
            "early", "relapsed/refractory", "relapsed or refractory", "relapsed and refractory", "relapsed",
            "refractory", "recurrent", "first-line", "second-line", "third-line", "later-line",
            "newly diagnosed", "newly-diagnosed", "platinum-resistant", "platinum resistant",
            "extensive disease", "extensive-disease", "extensive stage", "extensive-stage", "limited stage",
            "unresectable", "previously treated", "previously-treated", "adult", "pediatric", "or", "and",
            "patients with", "treatment of", "the", "triple-negative", "triple negative",
            "low-grade serous", "low grade serous", "high-grade serous", "clear cell", "systemic",
            "cd30-positive", "cd22-positive", "hormone-refractory", "taxane-refractory",
            "castration-resistant", "nras-mutant", "braf-mutant", "kras-mutant", "egfr-mutant");
    // Longest first, ties in list order (Python's sort is stable, and so is List.sort).
    private static final Pattern QUALIFIER_PREFIX = Pattern.compile("\\A(?:(?:" + QUALIFIERS.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote).collect(Collectors.joining("|")) + ")" + PY_SPACE + "+)+");

    private static final Map<String, String> ROMAN = Map.of("1", "i", "2", "ii", "3", "iii", "4", "iv");
    private static final Set<String> ROMAN_PHASES = Set.of("i", "ii", "iii", "iv");
    private static final Map<String, String> PHASE_WORDS = Map.ofEntries(
            Map.entry("approved", "approved"), Map.entry("approval", "approved"),
            Map.entry("marketed", "approved"), Map.entry("launched", "approved"),
            Map.entry("registered", "approved"), Map.entry("market", "approved"),
            Map.entry("preregistration", "pre-registration"), Map.entry("registration", "pre-registration"),
            Map.entry("filed", "pre-registration"), Map.entry("underreview", "pre-registration"),
            Map.entry("nda", "pre-registration"), Map.entry("bla", "pre-registration"),
            Map.entry("maa", "pre-registration"),
            Map.entry("preclinical", "preclinical"), Map.entry("ind", "ind"));

    private Normalizer() {}

    /** Case-, space- and punctuation-free comparison key; drops "the", company suffixes, ® and ™. */
    public static String key(String name) {
        String s = lower(name).replace("\u2019", "'").replace("'s ", " ");
        s = s.replace("leukaemia", "leukemia").replace("tumour", "tumor");
        s = MARKS.matcher(s).replaceAll("");
        s = COMPANY_SUFFIX.matcher(strip(s)).replaceAll("");
        s = LEADING_THE.matcher(s).replaceFirst("");
        return NOT_KEY_CHAR.matcher(s).replaceAll("");
    }

    /** The key of a disease with leading qualifiers removed: "relapsed multiple myeloma" is "multiplemyeloma". */
    public static String indicationKey(String name) {
        String s = strip(lower(name).replace("\u2013", "-").replace("\u2014", "-"));
        String prev = null;
        while (!s.equals(prev)) {
            prev = s;
            s = strip(QUALIFIER_PREFIX.matcher(s + " ").replaceFirst(""));
        }
        return key(s);
    }

    /** The key of a development stage: "Phase Ib" and "phase 1" are "phase-i", "BLA" is "pre-registration". */
    public static String phaseKey(String name) {
        String s = NOT_PHASE_CHAR.matcher(lower(name)).replaceAll("");
        s = s.replace("phase", "");
        List<String> parts = new ArrayList<>();
        for (String q : s.split("/", -1)) {
            String p = SUB_PHASE.matcher(q).replaceFirst("");
            if (!p.isEmpty()) parts.add(ROMAN.getOrDefault(p, p));
        }
        if (!parts.isEmpty() && ROMAN_PHASES.containsAll(parts)) return "phase-" + String.join("-", parts);
        return PHASE_WORDS.getOrDefault(s, s);
    }

    /** The key used for an entity of the given type: indications and phases have their own. */
    public static String nameKey(String type, String name) {
        return switch (type) {
            case "Indication" -> indicationKey(name);
            case "TrialPhase" -> phaseKey(name);
            default -> key(name);
        };
    }

    /** Python's {@code str.strip()}: removes Python white space at both ends. */
    static String strip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isPySpace(s.charAt(b))) b++;
        while (e > b && isPySpace(s.charAt(e - 1))) e--;
        return s.substring(b, e);
    }

    private static boolean isPySpace(char c) {
        return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0
                || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
                || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Compares two strings by code point, as Python orders str. */
    static int comparePy(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
