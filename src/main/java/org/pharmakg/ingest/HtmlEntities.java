package org.pharmakg.ingest;

import java.util.Map;

/**
 * Decodes one HTML character reference ({@code &amp;}, {@code &#8217;}, {@code &#x2019;}) to
 * the text it stands for; the common named entities of press releases are known.
 *
 * <pre>{@code
 * HtmlEntities.decode("&rsquo;");   // "\u2019"
 * HtmlEntities.decode("&bogus;");   // null: leave it as it is
 * }</pre>
 */
final class HtmlEntities {

    private static final Map<String, Integer> NAMED = Map.ofEntries(
            Map.entry("amp", (int) '&'), Map.entry("lt", (int) '<'), Map.entry("gt", (int) '>'),
            Map.entry("quot", (int) '"'), Map.entry("apos", (int) '\''),
            Map.entry("nbsp", (int) ' '), Map.entry("ensp", (int) ' '), Map.entry("emsp", (int) ' '),
            Map.entry("thinsp", (int) ' '), Map.entry("zwsp", (int) ' '),
            Map.entry("shy", 0xAD), Map.entry("reg", 0xAE), Map.entry("copy", 0xA9),
            Map.entry("trade", 0x2122), Map.entry("mdash", 0x2014), Map.entry("ndash", 0x2013),
            Map.entry("minus", 0x2212), Map.entry("hyphen", 0x2010),
            Map.entry("lsquo", 0x2018), Map.entry("rsquo", 0x2019), Map.entry("sbquo", 0x201A),
            Map.entry("ldquo", 0x201C), Map.entry("rdquo", 0x201D), Map.entry("bdquo", 0x201E),
            Map.entry("laquo", 0xAB), Map.entry("raquo", 0xBB), Map.entry("hellip", 0x2026),
            Map.entry("bull", 0x2022), Map.entry("middot", 0xB7), Map.entry("deg", 0xB0),
            Map.entry("plusmn", 0xB1), Map.entry("times", 0xD7), Map.entry("divide", 0xF7),
            Map.entry("micro", 0xB5), Map.entry("para", 0xB6), Map.entry("sect", 0xA7),
            Map.entry("euro", 0x20AC), Map.entry("pound", 0xA3), Map.entry("yen", 0xA5),
            Map.entry("cent", 0xA2), Map.entry("le", 0x2264), Map.entry("ge", 0x2265),
            Map.entry("ne", 0x2260), Map.entry("asymp", 0x2248), Map.entry("frac12", 0xBD),
            Map.entry("frac14", 0xBC), Map.entry("frac34", 0xBE), Map.entry("sup1", 0xB9),
            Map.entry("sup2", 0xB2), Map.entry("sup3", 0xB3), Map.entry("dagger", 0x2020),
            Map.entry("Dagger", 0x2021), Map.entry("prime", 0x2032), Map.entry("iexcl", 0xA1),
            Map.entry("iquest", 0xBF), Map.entry("alpha", 0x3B1), Map.entry("beta", 0x3B2),
            Map.entry("gamma", 0x3B3), Map.entry("delta", 0x3B4), Map.entry("epsilon", 0x3B5),
            Map.entry("kappa", 0x3BA), Map.entry("lambda", 0x3BB), Map.entry("mu", 0x3BC),
            Map.entry("sigma", 0x3C3), Map.entry("tau", 0x3C4), Map.entry("omega", 0x3C9),
            Map.entry("Delta", 0x394), Map.entry("Omega", 0x3A9),
            Map.entry("agrave", 0xE0), Map.entry("aacute", 0xE1), Map.entry("acirc", 0xE2),
            Map.entry("auml", 0xE4), Map.entry("aring", 0xE5), Map.entry("ccedil", 0xE7),
            Map.entry("egrave", 0xE8), Map.entry("eacute", 0xE9), Map.entry("ecirc", 0xEA),
            Map.entry("euml", 0xEB), Map.entry("iacute", 0xED), Map.entry("iuml", 0xEF),
            Map.entry("ntilde", 0xF1), Map.entry("oacute", 0xF3), Map.entry("ocirc", 0xF4),
            Map.entry("ouml", 0xF6), Map.entry("oslash", 0xF8), Map.entry("uacute", 0xFA),
            Map.entry("uuml", 0xFC), Map.entry("szlig", 0xDF), Map.entry("Eacute", 0xC9),
            Map.entry("Auml", 0xC4), Map.entry("Ouml", 0xD6), Map.entry("Uuml", 0xDC),
            Map.entry("Aring", 0xC5), Map.entry("Oslash", 0xD8), Map.entry("AElig", 0xC6),
            Map.entry("aelig", 0xE6), Map.entry("Ccedil", 0xC7));

    private HtmlEntities() {
    }

    /**
     * The text for an entity written with its {@code &} and {@code ;}, or null when unknown or
     * invalid. Control characters other than tab and newline come back as a space.
     */
    static String decode(String entity) {
        if (entity.length() < 3 || entity.charAt(0) != '&' || entity.charAt(entity.length() - 1) != ';') {
            return null;
        }
        String body = entity.substring(1, entity.length() - 1);
        int cp;
        try {
            if (body.startsWith("#x") || body.startsWith("#X")) {
                cp = Integer.parseInt(body.substring(2), 16);
            } else if (body.startsWith("#")) {
                cp = Integer.parseInt(body.substring(1));
            } else {
                Integer named = NAMED.get(body);
                if (named == null) {
                    return null;
                }
                cp = named;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (cp >= 0x80 && cp <= 0x9F) {
            // browsers read these as windows-1252 (&#146; is a right single quote)
            String w = new String(new byte[] {(byte) cp}, java.nio.charset.Charset.forName("windows-1252"));
            return w.equals("\uFFFD") ? " " : w;
        }
        if (cp == 0xA0 || (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F) {
            return " ";
        }
        if (!Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return null;
        }
        return new String(Character.toChars(cp));
    }
}
