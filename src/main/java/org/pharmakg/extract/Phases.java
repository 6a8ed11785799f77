package org.pharmakg.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nine development stages of the guidelines, and the reading of a phase mention into one.
 *
 * <pre>Phases.idOf("Phase 2b") // "phase-ii"; Phases.idOf("marketing application") // "pre-registration"</pre>
 */
public final class Phases {
    /** Stage ids in order, as used in IRIs ({@code …/id/phase/<id>}). */
    public static final List<String> IDS = List.of("preclinical", "ind", "phase-i", "phase-i-ii", "phase-ii",
            "phase-ii-iii", "phase-iii", "pre-registration", "approved");
    /** Labels in the same order. */
    public static final List<String> LABELS = List.of("Preclinical", "IND", "Phase I", "Phase I/II", "Phase II",
            "Phase II/III", "Phase III", "Pre-registration", "Approved");

    private static final Pattern NUMBERED = Pattern.compile(
            "(?i)phase\\s*(iii|ii|iv|i|[1-4])[ab]?(?:\\s*/\\s*(iii|ii|i|[1-4])[ab]?)?");

    private Phases() {}

    /** The stage a mention names, or null when it names none. */
    public static String idOf(String mention) {
        String s = mention.toLowerCase(Locale.ROOT).replace('\u2013', '-');
        Matcher m = NUMBERED.matcher(s);
        if (m.find()) {
            int a = number(m.group(1)), b = m.group(2) == null ? 0 : number(m.group(2));
            if (a == 1 && b == 2) return "phase-i-ii";
            if (a == 2 && b == 3) return "phase-ii-iii";
            return switch (a) {
                case 1 -> "phase-i";
                case 2 -> "phase-ii";
                case 3, 4 -> "phase-iii";
                default -> null;
            };
        }
        if (s.matches("(?s).*\\b(inds?|investigational new drug)\\b.*")) return "ind";
        if (s.contains("preclinical") || s.contains("pre-clinical")) return "preclinical";
        if (s.matches("(?s).*(approv|launch|marketed).*")) return "approved";
        if (s.matches("(?s).*(review|application|submission|filing|filed|submitted|\\bbla\\b|\\bnda\\b|\\bmaa\\b|snda|sbla).*")) {
            return "pre-registration";
        }
        return null;
    }

    private static int number(String r) {
        return switch (r) {
            case "i", "1" -> 1;
            case "ii", "2" -> 2;
            case "iii", "3" -> 3;
            case "iv", "4" -> 4;
            default -> 0;
        };
    }

    public static String label(String id) { return LABELS.get(IDS.indexOf(id)); }

    public static int order(String id) { return IDS.indexOf(id); }
}
