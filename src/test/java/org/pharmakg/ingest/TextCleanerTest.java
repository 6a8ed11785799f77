package org.pharmakg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    /** The cleaned text is as long as the source and {@code word} sits at the same offset in both. */
    private static String cleanKeeping(String raw, boolean html, String... words) {
        String clean = TextCleaner.clean(raw, html);
        assertEquals(raw.length(), clean.length(), "length must not change");
        for (String w : words) {
            int at = raw.indexOf(w);
            assertTrue(at >= 0, "test word missing from raw: " + w);
            assertEquals(w, clean.substring(at, at + w.length()), "offset of '" + w + "' moved");
        }
        return clean;
    }

    @Test
    void markdownLinkKeepsTextAndBlanksUrl() {
        String raw = "WALTHAM--(BUSINESS WIRE)-- [ImmunoGen, Inc.](http://www.immunogen.com) (NASDAQ: IMGN) said";
        String clean = cleanKeeping(raw, false, "ImmunoGen, Inc.", "NASDAQ", "said");
        assertFalse(clean.contains("http"), clean);
        assertFalse(clean.contains("["), clean);
        assertFalse(clean.contains("]("), clean);
    }

    @Test
    void markdownHeadingsEmphasisAndEscapes() {
        String raw = "## About ImmunoGen, Inc. ##\n\nstrengthened by \\$25 million, **strongly** and __fast__.\n---\n";
        String clean = cleanKeeping(raw, false, "About ImmunoGen, Inc.", "$25 million", "strongly", "fast");
        assertEquals("   About ImmunoGen, Inc.   ", clean.substring(0, clean.indexOf('\n')));
        assertFalse(clean.contains("\\"), clean);
        assertFalse(clean.contains("*"), clean);
        assertFalse(clean.contains("__"), clean);
        assertFalse(clean.contains("---"), clean);
    }

    @Test
    void escapedBracketsAreNoLink() {
        String raw = "see \\[note\\](x) here";
        String clean = cleanKeeping(raw, false, "note", "(x)", "here");
        assertEquals("see  [note ](x) here", clean);
    }

    @Test
    void htmlTagsBecomeSpacesAndBlockTagsNewlines() {
        String raw = "<p>WALTHAM -- <a href=\"http://x.com\">ImmunoGen</a>, Inc. <u>today</u> said.</p><p>Second</p>";
        String clean = cleanKeeping(raw, false, "WALTHAM", "ImmunoGen", "today", "Second");
        assertFalse(clean.contains("<"), clean);
        assertFalse(clean.contains("href"), clean);
        assertEquals('\n', clean.charAt(raw.indexOf("</p>")), "a closing </p> ends the paragraph");
    }

    @Test
    void scriptStyleAndCommentsVanishWhole() {
        String raw = "<html><head><style>p { color: red }</style><script type=\"text/javascript\">\n"
                + "var secret = 'trackingCode';\n</script></head><body><!-- hidden comment -->\n<p>Visible news</p></body></html>";
        String clean = cleanKeeping(raw, true, "Visible news");
        assertFalse(clean.contains("trackingCode"), clean);
        assertFalse(clean.contains("color"), clean);
        assertFalse(clean.contains("hidden"), clean);
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '\n') {
                assertEquals('\n', clean.charAt(i), "newline at " + i + " kept");
            }
        }
        assertTrue(clean.substring(0, raw.indexOf("var")).contains("\n"), "newlines inside script are kept");
    }

    @Test
    void entitiesDecodeInPlace() {
        String raw = "AT&amp;T&nbsp;and Genentech&#8217;s drug &ndash; &reg; &#x2019; &bogus;";
        String clean = cleanKeeping(raw, false, "Genentech", "drug", "&bogus;");
        assertEquals("AT&    T      and Genentech’      s drug –       ®     ’        &bogus;", clean);
    }

    @Test
    void unknownAngleBracketsInTextAreKept() {
        String raw = "IC50 <10 nM and x <y and z> w";
        assertEquals(raw, TextCleaner.clean(raw, false));
    }

    @Test
    void carriageReturnsAndOddSpacesNormalised() {
        String raw = "a\r\nb\rc\u00A0d\u2009e\u000Bf";
        String clean = TextCleaner.clean(raw, false);
        assertEquals("a \nb\nc d e f", clean);
    }

    @Test
    void htmlSniffing() {
        assertTrue(TextCleaner.looksLikeHtml("  <!DOCTYPE html><html>"));
        assertTrue(TextCleaner.looksLikeHtml("<HTML lang=en>"));
        assertFalse(TextCleaner.looksLikeHtml("## Heading\n<u>x</u>"));
    }

    @Test
    void unknownTagsRemovedOnlyInHtmlPages() {
        String raw = "<custom-tag>Text</custom-tag>";
        assertEquals(raw, TextCleaner.clean(raw, false));
        assertEquals("            Text             ", TextCleaner.clean(raw, true));
    }

    @Test
    void zeroWidthAndBidiControlsBecomeSpacesWithoutMovingOffsets() {
        // issue 16: "Bayer" with a zero-width space, a right-to-left override, isolates, marks, a BOM inside
        String raw = "Acme\u200B Bio and \u202EreyaB\u202C AG (\u2066NASDAQ\u2069: ACME) \u200Dsaid\u200E\u200F\uFEFF "
                + "Hid\u200Cden\u2060 \u202A\u202B\u202D\u2067\u2068\u061C done";
        String clean = cleanKeeping(raw, false, "Acme", "reyaB", "NASDAQ", "said", "Hid", "den", "done");
        for (char c = '\u200B'; c <= '\u200F'; c++) assertEquals(-1, clean.indexOf(c), Integer.toHexString(c));
        for (char c = '\u202A'; c <= '\u202E'; c++) assertEquals(-1, clean.indexOf(c), Integer.toHexString(c));
        for (char c = '\u2066'; c <= '\u2069'; c++) assertEquals(-1, clean.indexOf(c), Integer.toHexString(c));
        assertEquals(-1, clean.indexOf('\uFEFF'));
        assertEquals(-1, clean.indexOf('\u2060'));
        assertEquals(-1, clean.indexOf('\u061C'));
        assertTrue(clean.startsWith("Acme  Bio and  reyaB  AG ( NASDAQ : ACME)  said    Hid den "), clean);
    }
}
