package org.pharmakg.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes markup from decoded text without changing its length, so that every offset into the
 * cleaned text is also an offset into the source (see DESIGN.md, "Offsets").
 *
 * <pre>{@code
 * String clean = TextCleaner.clean("See [Acme](http://acme.com) \\$5", false);
 * // "See  Acme                    $5"  -- same length, "Acme" at the same offset
 * }</pre>
 *
 * Markup becomes spaces: HTML tags (block tags such as {@code <p>} become a newline plus
 * spaces), whole {@code script}/{@code style} elements and comments (and in HTML pages the
 * whole {@code <head>}, title included), the {@code [}, {@code ](url)}
 * of markdown links, heading {@code #}s, {@code **}/{@code __} emphasis, the backslash of
 * {@code \$}-style escapes. An entity becomes its character followed by spaces. {@code \r\n}
 * becomes space + newline, a lone {@code \r} a newline; non-breaking and other odd spaces, and
 * zero-width and bidirectional controls ({@link #invisible}), become plain spaces. Existing newlines are
 * never removed.
 */
final class TextCleaner {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?(?:-->|\\z)", Pattern.DOTALL);
    private static final Pattern SCRIPT_STYLE = Pattern.compile(
            "<(script|style|noscript|template)\\b[^>]*>.*?(?:</\\1\\s*>|\\z)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern HEAD = Pattern.compile(
            "<head\\b[^>]*>.*?</head\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile(
            "<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\\s[^<>]*)?/?>|<![A-Za-z][^<>]*>|<\\?[^<>]*\\?>");
    private static final Set<String> KNOWN_TAGS = Set.of(
            "a", "abbr", "address", "article", "aside", "b", "base", "big", "blockquote", "body",
            "br", "button", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del",
            "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer",
            "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i",
            "iframe", "img", "input", "ins", "kbd", "label", "li", "link", "main", "mark", "meta",
            "nav", "ol", "option", "p", "pre", "q", "s", "samp", "section", "select", "small",
            "source", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td",
            "textarea", "tfoot", "th", "thead", "time", "title", "tr", "tt", "u", "ul", "var",
            "wbr", "picture", "video", "audio", "svg", "path", "object", "embed", "param");
    private static final Set<String> BLOCK_TAGS = Set.of(
            "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
            "details", "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "li", "main", "nav", "ol",
            "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "title", "tr",
            "ul");
    private static final Set<String> CELL_TAGS = Set.of("td", "th");

    private static final Pattern ESCAPE = Pattern.compile("\\\\[!-/:-@\\[-`{-~]");
    private static final Pattern MD_LINK = Pattern.compile(
            "(!?)\\[([^\\[\\]\\n]*)\\]\\(\\s*([^()\\s]*(?:\\([^()\\s]*\\)[^()\\s]*)*)"
                    + "(?:\\s+(?:\"[^\"\\n]*\"|'[^'\\n]*'))?\\s*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|ftp|mailto):[^<>\\s]+)>");
    private static final Pattern MD_HEADING = Pattern.compile("(?m)^[ \\t]{0,3}(#{1,6})(?=[ \\t]|$)");
    private static final Pattern MD_CLOSING_HASHES = Pattern.compile(
            "(?m)^[ \\t]{0,3}#{1,6}[ \\t][^\\n]*?\\S[ \\t]+(#{1,6})[ \\t]*$");
    private static final Pattern MD_RULE = Pattern.compile("(?m)^[ \\t]*([-=*_])(?:[ \\t]*\\1){2,}[ \\t]*$");
    private static final Pattern MD_EMPHASIS = Pattern.compile(
            "(?<![\\w*])(\\*\\*|__)(?=[^\\s*_])([^\\n]*?[^\\s*_])\\1(?![\\w*])");
    private static final Pattern ENTITY = Pattern.compile(
            "&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    private static final Pattern HTML_SNIFF = Pattern.compile(
            "\\A\\s*(?:<!DOCTYPE\\s+html|<html\\b|<\\?xml[^>]*>\\s*<html\\b)", Pattern.CASE_INSENSITIVE);

    private TextCleaner() {
    }

    /** Whether the text is an HTML page (then every tag is markup, not only well-known ones). */
    static boolean looksLikeHtml(String text) {
        return HTML_SNIFF.matcher(text.length() > 2048 ? text.substring(0, 2048) : text).find();
    }

    /**
     * The cleaned text, exactly as long as {@code decoded}.
     *
     * @param html true for HTML pages: any tag is removed; otherwise only known HTML tags are
     */
    static String clean(String decoded, boolean html) {
        char[] out = decoded.toCharArray();
        lineBreaks(out);
        blankAll(out, COMMENT);
        blankAll(out, SCRIPT_STYLE);
        if (html) {
            blankAll(out, HEAD);
        }
        tags(out, html);
        markdown(out);
        entities(out);
        spaces(out);
        return new String(out);
    }

    private static void lineBreaks(char[] out) {
        for (int i = 0; i < out.length; i++) {
            if (out[i] == '\r') {
                out[i] = i + 1 < out.length && out[i + 1] == '\n' ? ' ' : '\n';
            }
        }
    }

    private static void blankAll(char[] out, Pattern p) {
        Matcher m = p.matcher(new String(out));
        while (m.find()) {
            blank(out, m.start(), m.end());
        }
    }

    private static void tags(char[] out, boolean html) {
        Matcher m = TAG.matcher(new String(out));
        while (m.find()) {
            String name = m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
            if (name != null && !html && !KNOWN_TAGS.contains(name)) {
                continue;
            }
            blank(out, m.start(), m.end());
            if (name != null && BLOCK_TAGS.contains(name)) {
                out[m.start()] = '\n';
            } else if (name != null && CELL_TAGS.contains(name) && !m.group(1).isEmpty()) {
                out[m.start()] = '\t';
            }
        }
    }

    private static void markdown(char[] out) {
        // A scan copy in which escaped characters are neutral, so "\[" never opens a link.
        char[] scan = out.clone();
        Matcher esc = ESCAPE.matcher(new String(out));
        while (esc.find()) {
            out[esc.start()] = ' ';
            scan[esc.start()] = 'x';
            scan[esc.start() + 1] = 'x';
        }
        String s = new String(scan);
        Matcher link = MD_LINK.matcher(s);
        while (link.find()) {
            int open = link.start(2) - 1;
            blank(out, link.start(), open + 1);
            blank(out, link.end(2), link.end());
        }
        Matcher auto = AUTOLINK.matcher(s);
        while (auto.find()) {
            out[auto.start()] = ' ';
            out[auto.end() - 1] = ' ';
        }
        blankGroup(out, MD_HEADING.matcher(s), 1);
        blankGroup(out, MD_CLOSING_HASHES.matcher(s), 1);
        blankGroup(out, MD_RULE.matcher(s), 0);
        Matcher em = MD_EMPHASIS.matcher(s);
        while (em.find()) {
            blank(out, em.start(1), em.end(1));
            blank(out, em.end(2), em.end());
        }
    }

    private static void blankGroup(char[] out, Matcher m, int group) {
        while (m.find()) {
            blank(out, m.start(group), m.end(group));
        }
    }

    private static void entities(char[] out) {
        Matcher m = ENTITY.matcher(new String(out));
        while (m.find()) {
            String decoded = HtmlEntities.decode(m.group());
            if (decoded == null || decoded.length() > m.end() - m.start()) {
                continue;
            }
            blank(out, m.start(), m.end());
            decoded.getChars(0, decoded.length(), out, m.start());
        }
    }

    private static void spaces(char[] out) {
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u3000'
                    || (c >= '\u2000' && c <= '\u200A') || invisible(c)
                    || (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
                out[i] = ' ';
            } else if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out[i] = '\n';
            }
        }
    }

    /**
     * Zero-width and bidirectional formatting characters: U+200B-U+200F (zero-width space, non-joiner,
     * joiner, left-to-right and right-to-left marks), U+202A-U+202E (embeddings and overrides),
     * U+2060-U+2064 (word joiner, invisible operators), U+2066-U+2069 (isolates), U+061C (Arabic letter
     * mark), U+180E, U+FEFF. They would make a name look like another or reorder what a reader sees in a
     * label; dropping them would move every offset after them, so each becomes a space.
     */
    static boolean invisible(char c) {
        return (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u2064') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u061C' || c == '\u180E' || c == '\uFEFF';
    }

    /** Spaces over {@code [start, end)}, newlines kept so lines stay lines. */
    private static void blank(char[] out, int start, int end) {
        for (int i = start; i < end; i++) {
            if (out[i] != '\n') {
                out[i] = ' ';
            }
        }
    }
}
