package org.pharmakg.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits cleaned text into paragraphs: blank lines always separate them, and so does a single
 * newline unless the next line continues the previous one (hard-wrapped prose, an indented or
 * lower-case continuation).
 *
 * <pre>{@code
 * for (Paragraphs.Paragraph p : Paragraphs.split(text)) {
 *     String s = text.substring(p.start(), p.end());   // no leading/trailing whitespace
 * }
 * }</pre>
 */
final class Paragraphs {

    /** One non-blank line: {@code [rawStart, rawEnd)} without its newline, {@code [start, end)} trimmed. */
    record Line(int rawStart, int start, int end, int rawEnd) {
        int length() {
            return end - start;
        }
    }

    /** Consecutive lines; {@code start}/{@code end} are the trimmed bounds of the first/last line. */
    record Paragraph(List<Line> lines) {
        Paragraph {
            lines = List.copyOf(lines);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("empty paragraph");
            }
        }

        int start() {
            return lines.get(0).start();
        }

        int end() {
            return lines.get(lines.size() - 1).end();
        }
    }

    static final Pattern BULLET = Pattern.compile("^(?:[-•*·▪‣◦]\\s+|\\d{1,2}[.)]\\s+|\\([a-z0-9]{1,3}\\)\\s+)");

    private Paragraphs() {
    }

    static List<Paragraph> split(String text) {
        List<Line> all = new ArrayList<>();
        List<Boolean> blankBefore = new ArrayList<>();
        boolean sawBlank = true;
        int ls = 0;
        while (ls <= text.length()) {
            int nl = text.indexOf('\n', ls);
            int le = nl < 0 ? text.length() : nl;
            int s = ls;
            int e = le;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (s == e) {
                sawBlank = true;
            } else {
                all.add(new Line(ls, s, e, le));
                blankBefore.add(sawBlank);
                sawBlank = false;
            }
            if (nl < 0) {
                break;
            }
            ls = nl + 1;
        }
        boolean hardWrapped = hardWrapped(all);
        List<Paragraph> out = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Line line = all.get(i);
            if (!current.isEmpty()
                    && (blankBefore.get(i) || !continues(text, current.get(current.size() - 1), line, hardWrapped))) {
                out.add(new Paragraph(current));
                current = new ArrayList<>();
            }
            current.add(line);
        }
        if (!current.isEmpty()) {
            out.add(new Paragraph(current));
        }
        return out;
    }

    /** The paragraph split after {@code line} (an index into its lines): two parts, or itself when at the end. */
    static List<Paragraph> splitAfter(Paragraph p, int line) {
        if (line >= p.lines().size() - 1) {
            return List.of(p);
        }
        return List.of(new Paragraph(p.lines().subList(0, line + 1)),
                new Paragraph(p.lines().subList(line + 1, p.lines().size())));
    }

    /** Prose wrapped at a fixed width: no long lines, many lines of 55..100 characters. */
    private static boolean hardWrapped(List<Line> lines) {
        int longLines = 0;
        int wrapped = 0;
        for (Line l : lines) {
            if (l.length() > 100) {
                longLines++;
            } else if (l.length() >= 55) {
                wrapped++;
            }
        }
        return wrapped >= 3 && longLines * 20 <= lines.size() && wrapped * 3 >= lines.size();
    }

    private static boolean continues(String text, Line prev, Line next, boolean hardWrapped) {
        String nextText = text.substring(next.start(), next.end());
        if (BULLET.matcher(nextText).find()) {
            return false;
        }
        if (hardWrapped && prev.length() >= 45) {
            return true;
        }
        if (next.start() > next.rawStart()) {
            return true;   // indented continuation
        }
        return Character.isLowerCase(nextText.charAt(0));
    }
}
