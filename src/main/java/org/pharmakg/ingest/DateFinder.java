package org.pharmakg.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a press release's own date near its top: a line that is only a date, or the date of the
 * dateline ("WALTHAM, Mass.--(BUSINESS WIRE)--Nov. 17, 2009--"), never a date inside a sentence.
 *
 * <pre>{@code
 * LocalDate d = DateFinder.find("BOULDER, Colo., July 2, 2013 /PRNewswire/ -- Array ...");
 * // 2013-07-02; null when the top of the text has no such date
 * }</pre>
 *
 * Forms: "July 11, 2012", "Jan. 27, 2012", "Sept. 5, 2012", "3 December 2012", "2012-03-30".
 */
final class DateFinder {

    /** How far into the text the release date is looked for. */
    static final int WINDOW = 1500;

    private static final String MONTH = "(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?"
            + "|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String YEAR = "(?:19|20)\\d{2}";
    static final Pattern DATE = Pattern.compile(
            "\\b(?<m1>" + MONTH + ")\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y1>" + YEAR + ")\\b"
                    + "|\\b(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<m2>" + MONTH + ")\\s*,?\\s+(?<y2>" + YEAR + ")\\b"
                    + "|\\b(?<y3>" + YEAR + ")-(?<m3>\\d{2})-(?<d3>\\d{2})\\b");
    private static final Pattern WEEKDAY = Pattern.compile(
            "(?i)^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+");
    private static final Pattern TIME_SUFFIX = Pattern.compile(
            "(?i)^(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[a-z]{2,4})?)?[\\s.,:;]*$");
    private static final Pattern AFTER_DATELINE_DATE = Pattern.compile("^\\s*(?:--|-\\s|[–—(/|:]|$)");
    private static final Pattern BEFORE_DATELINE_DATE = Pattern.compile("(?:--|[–—:])\\s*$");
    private static final Pattern EVENT_WORD_BEFORE = Pattern.compile(
            "(?i)\\b(?:on|by|until|through|of|since|before|after|from|to|and|in|at|dated)\\s*$");
    private static final Pattern NEWSWIRE = Pattern.compile(
            "(?i)business\\s*wire|pr\\s*newswire|globe\\s*newswire|marketwired?|accesswire|newswire");
    private static final Pattern CITY_PREFIX = Pattern.compile("^\\s*[A-Z][A-Z .'&-]{1,40},");
    private static final List<String> MONTHS = List.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private DateFinder() {
    }

    /**
     * A date found near the top.
     *
     * @param strong true for a date-only line or a dateline date (newswire name, "CITY," before
     *               it, or "--" right before it); false for a date that merely sits in dateline
     *               punctuation, which a sidecar date should overrule
     */
    record Found(LocalDate date, boolean strong) { }

    /** The release date found in the first {@link #WINDOW} characters, or null. */
    static Found find(String text) {
        Found weak = null;
        int lineStart = 0;
        while (lineStart < text.length() && lineStart < WINDOW) {
            int nl = text.indexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.length() : nl;
            String line = text.substring(lineStart, lineEnd);
            LocalDate only = dateOnly(line);
            if (only != null) {
                return new Found(only, true);
            }
            Matcher m = DATE.matcher(line);
            while (m.find()) {
                LocalDate d = toDate(m);
                if (d == null || !datelinePosition(line, m.start(), m.end())) {
                    continue;
                }
                if (NEWSWIRE.matcher(line).find() || CITY_PREFIX.matcher(line).find()
                        || line.substring(0, m.start()).stripTrailing().endsWith("--")) {
                    return new Found(d, true);
                }
                if (weak == null) {
                    weak = new Found(d, false);
                }
            }
            lineStart = lineEnd + 1;
        }
        return weak;
    }

    /** The date when {@code line} is nothing but a date (maybe with weekday and time), else null. */
    static LocalDate dateOnly(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.length() > 60) {
            return null;
        }
        Matcher wd = WEEKDAY.matcher(t);
        if (wd.find()) {
            t = t.substring(wd.end());
        }
        Matcher m = DATE.matcher(t);
        if (!m.lookingAt() || !TIME_SUFFIX.matcher(t.substring(m.end())).matches()) {
            return null;
        }
        return toDate(m);
    }

    /** A date followed or preceded by dateline punctuation, near the start of its line. */
    private static boolean datelinePosition(String line, int start, int end) {
        String prefix = line.substring(0, start);
        if (prefix.strip().length() > 100 || EVENT_WORD_BEFORE.matcher(prefix).find()) {
            return false;
        }
        return AFTER_DATELINE_DATE.matcher(line.substring(end)).find()
                || BEFORE_DATELINE_DATE.matcher(prefix).find();
    }

    /** The date of a {@link #DATE} match, or null when it is no real day (e.g. Feb. 30). */
    static LocalDate toDate(Matcher m) {
        try {
            if (m.group("y1") != null) {
                return LocalDate.of(Integer.parseInt(m.group("y1")), month(m.group("m1")),
                        Integer.parseInt(m.group("d1")));
            }
            if (m.group("y2") != null) {
                return LocalDate.of(Integer.parseInt(m.group("y2")), month(m.group("m2")),
                        Integer.parseInt(m.group("d2")));
            }
            return LocalDate.of(Integer.parseInt(m.group("y3")), Integer.parseInt(m.group("m3")),
                    Integer.parseInt(m.group("d3")));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int month(String name) {
        return MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
    }
}
