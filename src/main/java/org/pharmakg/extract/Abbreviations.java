package org.pharmakg.extract;

import java.util.Locale;

/**
 * Tells whether a short form abbreviates a long form (Schwartz and Hearst, 2003): every character
 * of the short form appears in order in the long form, the first at the start of a word.
 *
 * <pre>Abbreviations.abbreviates("SCLC", "small-cell lung cancer") // true</pre>
 */
public final class Abbreviations {
    private Abbreviations() {}

    public static boolean abbreviates(String shortForm, String longForm) {
        String s = shortForm.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String l = longForm.toLowerCase(Locale.ROOT);
        if (s.length() < 2 || s.length() > 10 || l.length() <= s.length()) return false;
        if (!Character.isLetter(s.charAt(0))) return false;
        int si = s.length() - 1, li = l.length() - 1;
        while (si >= 0) {
            char c = s.charAt(si);
            while (li >= 0 && (l.charAt(li) != c || (si == 0 && li > 0 && Character.isLetterOrDigit(l.charAt(li - 1))))) li--;
            if (li < 0) return false;
            si--;
            li--;
        }
        return true;
    }

    /** A plausible short form: one token, 2-10 characters, a capital or digit in it, or a clipped word ("Len"). */
    public static boolean looksShort(String s) {
        return s.length() >= 2 && s.length() <= 10 && !s.contains(" ") && Character.isLetter(s.charAt(0))
                && (s.chars().anyMatch(Character::isUpperCase) || s.chars().anyMatch(Character::isDigit));
    }
}
