package org.pharmakg.ingest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the top of a cleaned press release: which paragraph is the headline, where the dateline
 * ends, and which company the dateline names before its ticker.
 *
 * <pre>{@code
 * FrontMatter.Headline h = FrontMatter.headline(text, Paragraphs.split(text));
 * String issuer = FrontMatter.issuer(text);   // "ImmunoGen, Inc." or null
 * }</pre>
 */
final class FrontMatter {

    /** Longest headline kept. */
    static final int MAX_HEADLINE = 300;

    /**
     * The headline text and the paragraph/line that holds it.
     *
     * @param paragraph index into the paragraphs, or -1 when the release has no headline line
     *                  (the text is then the lead sentence after the dateline)
     * @param firstLine index of the headline's first line inside that paragraph
     * @param lastLine  index of the headline's last line inside that paragraph
     */
    record Headline(String text, int paragraph, int firstLine, int lastLine) {
        boolean present() {
            return paragraph >= 0;
        }
    }

    private static final Pattern NEWSWIRE_LINE = Pattern.compile(
            "(?i)^(?:business\\s*wire|pr\\s*newswire|globe\\s*newswire|marketwired?|accesswire"
                    + "|press\\s+release|news\\s+release|for\\s+immediate\\s+release|embargoed\\b.*"
                    + "|news\\s+provided\\s+by\\b.*|source\\s*:.*)$");
    private static final Pattern CITY = Pattern.compile("^[A-Z][A-Z .'&/-]{1,60}(?:,|--|\\s[–—])");
    private static final Pattern DATELINE_MARK = Pattern.compile(
            "--|[–—]|(?i:business\\s*wire|newswire|/prnewswire/)");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:--|[–—])\\s*");
    private static final Pattern NEWSWIRE_PAREN = Pattern.compile(
            "^\\(\\s*(?i:[a-z .]*wire[a-z .]*)\\)");
    private static final Pattern TICKER = Pattern.compile(
            "\\(\\s*(?i:nasdaq(?:\\s+(?:gs|gm|cm|global\\s+(?:select\\s+)?market))?|nyse(?:\\s+(?:american|mkt|amex|arca))?"
                    + "|amex|tsx(?:-?v)?|tse|lse|aim|six|otcqx|otcqb|otc|euronext(?:\\s+\\w+)?|asx|xetra"
                    + "|fwb|frankfurt|tyo|hkex|sehk|kosdaq|krx|nzx|jse|bse|nse|sse|szse|omx|ose|sgx)"
                    + "\\s*:\\s*[A-Za-z0-9][A-Za-z0-9.-]{0,11}");
    private static final Pattern APPOSITIVE = Pattern.compile(",\\s+(?:a|an|the)\\s");
    private static final Pattern SOURCE_LINE = Pattern.compile(
            "(?m)^[ \\t]*(?:Source:|SOURCE)[ \\t]+([A-Z0-9][^\\n]{0,98}?)[ \\t]*$");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’]?\\s+(?=[A-Z“\"])");
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?:\\b(?:Inc|Corp|Ltd|Co|Mr|Mrs|Ms|Dr|Prof|No|vs|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept"
                    + "|Oct|Nov|Dec|U\\.S|U\\.K|[A-Z])\\.)$");

    private FrontMatter() {
    }

    /** The headline: the first paragraph that is not a date, a newswire name or boilerplate. */
    static Headline headline(String text, List<Paragraphs.Paragraph> paragraphs) {
        for (int pi = 0; pi < paragraphs.size(); pi++) {
            Paragraphs.Paragraph p = paragraphs.get(pi);
            List<Paragraphs.Line> lines = p.lines();
            for (int li = 0; li < lines.size(); li++) {
                String line = collapse(text.substring(lines.get(li).start(), lines.get(li).end()));
                if (skippable(line)) {
                    continue;
                }
                if (isDateline(line)) {
                    return new Headline(leadSentence(text, lines.get(li).start()), -1, -1, -1);
                }
                int last = lines.size() - 1;
                String whole = collapse(text.substring(lines.get(li).start(), lines.get(last).end()));
                if (whole.length() <= MAX_HEADLINE) {
                    return new Headline(whole, pi, li, last);
                }
                return new Headline(capped(line), pi, li, li);
            }
        }
        Paragraphs.Line first = paragraphs.get(0).lines().get(0);
        return new Headline(capped(collapse(text.substring(first.start(), first.end()))), 0, 0, 0);
    }

    /** A line that never is the headline: only a date, a newswire name, a sign-up line. */
    static boolean skippable(String line) {
        return DateFinder.dateOnly(line) != null
                || (line.length() <= 80 && NEWSWIRE_LINE.matcher(line).matches())
                || (line.length() <= 80 && isDateline(line) && endsWithDate(line))
                || SectionClassifier.isBoilerplate(line);
    }

    private static boolean endsWithDate(String line) {
        Matcher m = DateFinder.DATE.matcher(line);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        return end >= 0 && line.substring(end).replaceAll("[\\s\\-–—:]", "").isEmpty();
    }

    /** "WALTHAM, Mass.--(BUSINESS WIRE)--...": a capitalised place, then newswire or dash marks. */
    static boolean isDateline(String line) {
        if (!CITY.matcher(line).find()) {
            return false;
        }
        Matcher m = DATELINE_MARK.matcher(line);
        return m.find() && m.start() < 120;
    }

    /**
     * Offset just after the dateline of the line starting at {@code lineStart} (past "--",
     * "(BUSINESS WIRE)--", "Nov. 17, 2009--"), or {@code lineStart} when it has none.
     */
    static int datelineEnd(String text, int lineStart) {
        int nl = text.indexOf('\n', lineStart);
        String line = text.substring(lineStart, nl < 0 ? text.length() : nl);
        if (!isDateline(line.strip())) {
            return lineStart;
        }
        Matcher sep = SEPARATOR.matcher(line);
        int end = 0;
        while (sep.find() && sep.start() < 160) {
            end = sep.end();
            String rest = line.substring(end);
            Matcher d = DateFinder.DATE.matcher(rest);
            if (!NEWSWIRE_PAREN.matcher(rest).find() && !d.lookingAt()) {
                break;
            }
        }
        return lineStart + end;
    }

    /** The first sentence after the dateline starting at {@code lineStart}, capped. */
    private static String leadSentence(String text, int lineStart) {
        int from = datelineEnd(text, lineStart);
        int nl = text.indexOf("\n\n", from);
        String rest = collapse(text.substring(from, nl < 0 ? text.length() : nl));
        Matcher m = SENTENCE_END.matcher(rest);
        while (m.find()) {
            String before = rest.substring(0, m.start() + 1);
            if (!ABBREVIATION.matcher(before).find()) {
                return capped(before.strip());
            }
        }
        return capped(rest);
    }

    /** The company named before the first ticker parenthetical of the top, else the "Source:" line. */
    static String issuer(String text) {
        String top = text.substring(0, Math.min(text.length(), 2000));
        Matcher t = TICKER.matcher(top);
        while (t.find()) {
            int lineStart = top.lastIndexOf('\n', t.start()) + 1;
            int from = Math.max(lineStart, datelineEnd(text, lineStart));
            if (from > t.start()) {
                continue;
            }
            String candidate = collapse(top.substring(from, t.start())).replace(" ,", ",");
            Matcher a = APPOSITIVE.matcher(candidate);
            if (a.find()) {
                candidate = candidate.substring(0, a.start());
            }
            candidate = candidate.replaceAll("[,;:\\s]+$", "");
            if (plausibleName(candidate)) {
                return candidate;
            }
        }
        Matcher s = SOURCE_LINE.matcher(text);
        if (s.find()) {
            String name = collapse(s.group(1));
            return plausibleName(name) ? name : null;
        }
        return null;
    }

    private static final Pattern SENTENCE_INSIDE = Pattern.compile("[a-z]{2,}[.!?] [A-Z]");

    /** Short, capitalised, at most 8 words and no sentence break inside. */
    private static boolean plausibleName(String s) {
        if (s.length() < 2 || s.length() > 80) {
            return false;
        }
        int c = s.codePointAt(0);
        return (Character.isUpperCase(c) || Character.isDigit(c))
                && s.split(" ").length <= 8
                && !SENTENCE_INSIDE.matcher(s).find();
    }

    static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String capped(String s) {
        return s.length() <= MAX_HEADLINE ? s : s.substring(0, MAX_HEADLINE).strip();
    }
}
