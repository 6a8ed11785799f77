package org.pharmakg.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Labels the paragraphs of a cleaned press release with a {@link SectionKind} and merges
 * neighbours of the same kind into {@link Section}s that tile the text in order.
 *
 * <pre>{@code
 * List<Paragraphs.Paragraph> ps = Paragraphs.split(text);
 * List<Section> sections = SectionClassifier.classify(text, ps, FrontMatter.headline(text, ps));
 * }</pre>
 *
 * Some kinds carry on over following paragraphs: an "About X" heading until the next heading,
 * a contact block over its short lines, a financial table over its tabular and upper-case lines,
 * forward-looking statements over paragraphs of legal risk language.
 */
final class SectionClassifier {

    private static final Pattern FLS = Pattern.compile(
            "(?i)forward[- ]looking\\s+(?:statements?|information)|safe\\s+harbou?r"
                    + "|private\\s+securities\\s+litigation\\s+reform\\s+act");
    private static final Pattern FLS_HEADING = Pattern.compile(
            "(?i)forward[- ]looking|safe\\s+harbou?r|cautionary\\s+(?:note|statement)|disclaimer");
    private static final Pattern FLS_VOCABULARY = Pattern.compile(
            "(?i)risks?\\s+and\\s+uncertaint|uncertainties|undertakes?\\s+no\\s+(?:obligation|duty)"
                    + "|actual\\s+results|differ\\s+materially|form\\s+10-[kq]|annual\\s+report\\s+on\\s+form"
                    + "|securities\\s+and\\s+exchange\\s+commission|sec\\s+filings?");
    private static final Pattern CONTACT_START = Pattern.compile(
            "(?i)^(?:(?:for\\s+)?(?:investors?|media|press|analysts?)(?:\\s+(?:and|&)\\s+(?:investors?|media|press|analysts?))?"
                    + "(?:\\s+(?:contacts?|relations|inquiries|enquiries))?\\s*:"
                    + "|(?:media|investor|press|company|corporate)\\s+(?:contacts?|relations|inquiries)\\b"
                    + "|contacts?\\s*:|contact\\s+information\\b|source\\s*:|news\\s+provided\\s+by\\b)"
                    + "|^SOURCE\\s+[A-Z]");
    private static final Pattern PHONE = Pattern.compile(
            "(?<!\\d)(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(\\d{2,4}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern CALL_WORDS = Pattern.compile(
            "(?i)\\b(?:dial|call|webcast|passcode|conference|replay)\\b");
    private static final Pattern TRADEMARK = Pattern.compile(
            "(?i)\\b(?:is|are)\\s+(?:a\\s+|the\\s+)?(?:registered\\s+)?(?:trade\\s*marks?|service\\s*marks?)\\b"
                    + "|^all\\s+(?:other\\s+)?(?:trademarks|brand\\s+names)\\b");
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i)^\\(?(?:logo|photo|video|multimedia|image|graphic)s?\\s*:|sign\\s+up\\s+for|newsletter"
                    + "|staying\\s+up-to-date|click\\s+here|follow\\s+us\\s+on|subscribe\\s+to"
                    + "|^#{3}$|^-\\s*(?:more|end|30)\\s*-$|copyright\\s*(?:©|\\(c\\))|©\\s*\\d{4}"
                    + "|all\\s+rights\\s+reserved|^(?:business\\s*wire|pr\\s*newswire|globe\\s*newswire"
                    + "|marketwired?|press\\s+release|news\\s+release|for\\s+immediate\\s+release)$");
    private static final Pattern FT_HEADING = Pattern.compile(
            "(?i)^-*\\s*financials?\\s+(?:tables?\\s+)?follows?\\s*-*$"
                    + "|^(?:condensed\\s+)?(?:consolidated\\s+)?(?:balance\\s+sheets?|statements?\\s+of\\s+"
                    + "(?:operations|income|cash\\s+flows|comprehensive|financial\\s+position|(?:stockholders|shareholders)))"
                    + "|^selected\\s+(?:consolidated\\s+)?(?:condensed\\s+)?financial\\s+(?:information|data)\\b"
                    + "|^\\(?unaudited\\)?$|^\\(in\\s+(?:thousands|millions)\\b.*\\)$");
    private static final Pattern ABOUT = Pattern.compile("^(?:About|ABOUT)\\s+\\S");
    private static final Pattern ABBREVIATED_END = Pattern.compile("\\b[A-Z][A-Za-z]{0,4}\\.$");

    private enum Sticky { NONE, ABOUT, FLS_HEADED, FLS_TEXT, CONTACT, TABLE }

    private SectionClassifier() {
    }

    static List<Section> classify(String text, List<Paragraphs.Paragraph> paragraphs,
                                  FrontMatter.Headline headline) {
        List<Section> out = new ArrayList<>();
        Sticky sticky = Sticky.NONE;
        String stickyTitle = "";
        for (int pi = 0; pi < paragraphs.size(); pi++) {
            Paragraphs.Paragraph p = paragraphs.get(pi);
            if (headline.present() && pi <= headline.paragraph()) {
                frontParts(text, p, pi, headline, out);
                continue;
            }
            String t = FrontMatter.collapse(text.substring(p.start(), p.end()));
            boolean heading = isHeading(p, t);
            SectionKind kind;
            String title = "";
            boolean fresh = false;
            if (p.lines().size() == 1 && DateFinder.dateOnly(t) != null) {
                kind = SectionKind.BOILERPLATE;   // a date line, wherever it stands
            } else if (heading && FLS_HEADING.matcher(t).find()) {
                kind = SectionKind.FORWARD_LOOKING;
                title = t;
                fresh = true;
                sticky = Sticky.FLS_HEADED;
            } else if (FLS.matcher(t).find()) {
                kind = SectionKind.FORWARD_LOOKING;
                sticky = sticky == Sticky.FLS_HEADED ? sticky : Sticky.FLS_TEXT;
                title = sticky == Sticky.FLS_HEADED ? stickyTitle : "";
            } else if (CONTACT_START.matcher(t).find() || isContactLine(t)) {
                kind = SectionKind.CONTACT;
                sticky = Sticky.CONTACT;
            } else if (t.length() <= 400 && TRADEMARK.matcher(t).find()) {
                kind = SectionKind.TRADEMARK;
                sticky = Sticky.NONE;
            } else if (isBoilerplate(t)) {
                kind = SectionKind.BOILERPLATE;
            } else if ((heading || t.length() <= 120) && FT_HEADING.matcher(t).find() || isTable(text, p)) {
                kind = SectionKind.FINANCIAL_TABLE;
                sticky = Sticky.TABLE;
            } else if (heading && ABOUT.matcher(t).find()) {
                kind = SectionKind.ABOUT;
                title = t;
                fresh = true;
                sticky = Sticky.ABOUT;
            } else if (continuesSticky(sticky, text, p, t, heading)) {
                kind = switch (sticky) {
                    case ABOUT -> SectionKind.ABOUT;
                    case FLS_HEADED, FLS_TEXT -> SectionKind.FORWARD_LOOKING;
                    case CONTACT -> SectionKind.CONTACT;
                    default -> SectionKind.FINANCIAL_TABLE;
                };
                title = kind == SectionKind.CONTACT || kind == SectionKind.FINANCIAL_TABLE ? "" : stickyTitle;
            } else {
                kind = SectionKind.BODY;
                sticky = Sticky.NONE;
                if (heading) {
                    title = t;
                    fresh = true;
                }
            }
            if (fresh) {
                stickyTitle = title;
            }
            add(out, kind, title, fresh, p.start(), p.end());
        }
        return out;
    }

    /** Paragraphs up to the headline's: skipped lines become BOILERPLATE, the headline HEADLINE. */
    private static void frontParts(String text, Paragraphs.Paragraph p, int pi,
                                   FrontMatter.Headline h, List<Section> out) {
        List<Paragraphs.Line> lines = p.lines();
        if (pi < h.paragraph()) {
            add(out, SectionKind.BOILERPLATE, "", false, p.start(), p.end());
            return;
        }
        if (h.firstLine() > 0) {
            add(out, SectionKind.BOILERPLATE, "", false, p.start(), lines.get(h.firstLine() - 1).end());
        }
        add(out, SectionKind.HEADLINE, "", true, lines.get(h.firstLine()).start(), lines.get(h.lastLine()).end());
        if (h.lastLine() < lines.size() - 1) {
            add(out, SectionKind.BODY, "", true, lines.get(h.lastLine() + 1).start(), p.end());
        }
    }

    private static boolean continuesSticky(Sticky sticky, String text, Paragraphs.Paragraph p,
                                           String t, boolean heading) {
        return switch (sticky) {
            case NONE -> false;
            case ABOUT, FLS_HEADED -> !heading;
            case FLS_TEXT -> FLS_VOCABULARY.matcher(t).find();
            case CONTACT -> t.length() <= 150;
            case TABLE -> tableContinuation(text, p);
        };
    }

    private static void add(List<Section> out, SectionKind kind, String title, boolean fresh, int start, int end) {
        if (!out.isEmpty()) {
            Section last = out.get(out.size() - 1);
            if (last.kind() == kind && !fresh && (title.isEmpty() || title.equals(last.title()))) {
                out.set(out.size() - 1, new Section(kind, last.title(), last.start(), end));
                return;
            }
        }
        out.add(new Section(kind, title, start, end));
    }

    /** A short single line that reads like a title: capitalised, no sentence punctuation at the end. */
    static boolean isHeading(Paragraphs.Paragraph p, String t) {
        if (p.lines().size() != 1 || t.length() > 100 || t.indexOf('\t') >= 0
                || Paragraphs.BULLET.matcher(t).find() || FrontMatter.isDateline(t)) {
            return false;
        }
        int c = t.codePointAt(0);
        if (!Character.isUpperCase(c) && !Character.isDigit(c)) {
            return false;
        }
        char lastChar = t.charAt(t.length() - 1);
        if (".!?,;".indexOf(lastChar) >= 0 && !(lastChar == '.' && ABBREVIATED_END.matcher(t).find())) {
            return false;
        }
        return t.split(" ").length <= 14;
    }

    /** Newsletter sign-ups, logo/photo lines, newswire names, copyright lines. */
    static boolean isBoilerplate(String t) {
        return t.length() <= 300 && BOILERPLATE.matcher(t).find();
    }

    private static boolean isContactLine(String t) {
        return t.length() <= 200 && (PHONE.matcher(t).find() || EMAIL.matcher(t).find())
                && !CALL_WORDS.matcher(t).find();
    }

    /** Most lines of the paragraph are rows of a table. */
    private static boolean isTable(String text, Paragraphs.Paragraph p) {
        int rows = 0;
        for (Paragraphs.Line l : p.lines()) {
            if (isTableRow(text, l)) {
                rows++;
            }
        }
        return rows * 10 >= p.lines().size() * 6;
    }

    /** Inside a table: every line is a row, an upper-case caption or a parenthesised note. */
    private static boolean tableContinuation(String text, Paragraphs.Paragraph p) {
        for (Paragraphs.Line l : p.lines()) {
            String t = text.substring(l.start(), l.end());
            boolean caption = t.length() <= 100 && (t.equals(t.toUpperCase(java.util.Locale.ROOT))
                    || (t.startsWith("(") && t.endsWith(")")) || FT_HEADING.matcher(t).find());
            if (!caption && !isTableRow(text, l)) {
                return false;
            }
        }
        return true;
    }

    /** Tab-separated, pipe-separated, space-aligned numbers, or mostly numbers and currency signs. */
    static boolean isTableRow(String text, Paragraphs.Line l) {
        String raw = text.substring(l.rawStart(), l.rawEnd());
        String t = text.substring(l.start(), l.end());
        boolean hasDigit = t.chars().anyMatch(Character::isDigit);
        if (raw.indexOf('\t', l.start() - l.rawStart()) >= 0) {
            return true;   // a tab after the first word: columns
        }
        if (raw.startsWith("\t") && hasDigit) {
            return true;
        }
        if (t.chars().filter(ch -> ch == '|').count() >= 2) {
            return true;
        }
        if (t.length() > 200) {
            return false;
        }
        int numeric = 0;
        int visible = 0;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (!Character.isWhitespace(ch)) {
                visible++;
                if (Character.isDigit(ch) || "$€£¥%,.()-".indexOf(ch) >= 0) {
                    numeric++;
                }
            }
        }
        if (hasDigit && numeric * 2 >= visible) {
            return true;
        }
        return hasDigit && t.split("\\S\\s{3,}\\S", -1).length >= 3 && numeric * 10 >= visible * 3;
    }
}
