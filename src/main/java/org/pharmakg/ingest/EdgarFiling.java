package org.pharmakg.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the press release in an SEC EDGAR full submission ({@code .txt} with its {@code <SEC-HEADER>}
 * and {@code <DOCUMENT>} parts): the first exhibit of type {@code EX-99.x}, read as a page when it is
 * HTML, with the filer's conformed name and Central Index Key from the header.
 *
 * <pre>{@code
 * if (EdgarFiling.looksLikeSubmission(text)) {
 *     SourceText s = EdgarFiling.extract(path, text);   // s.filer() "IMMUNOGEN INC", s.cik() "0000855654"
 * }
 * }</pre>
 *
 * The release date is the text's own; failing that the header's {@code FILED AS OF DATE}. A submission
 * without an EX-99 exhibit is refused, naming the document types it has.
 */
public final class EdgarFiling {

    private static final Pattern SUBMISSION = Pattern.compile("\\A\\s*<(?:SEC-DOCUMENT|SEC-HEADER|IMS-DOCUMENT)>|<SEC-HEADER>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOCUMENT = Pattern.compile("<DOCUMENT>(.*?)(?:</DOCUMENT>|\\z)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE = Pattern.compile("<TYPE>\\s*([^\\s<]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXT = Pattern.compile("<TEXT>(.*?)(?:</TEXT>|\\z)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("COMPANY CONFORMED NAME:[ \\t]*([^\\r\\n]+)");
    private static final Pattern CIK = Pattern.compile("CENTRAL INDEX KEY:[ \\t]*(\\d{1,10})");
    private static final Pattern FILED = Pattern.compile("FILED AS OF DATE:[ \\t]*(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern HTML = Pattern.compile("\\A\\s*(?:<!DOCTYPE|<html|<body|<div|<p\\b|<table)", Pattern.CASE_INSENSITIVE);
    /** The "Exhibit 99.1" label at the top of an exhibit: not part of the release. */
    private static final Pattern EXHIBIT_LABEL = Pattern.compile("\\A\\s*(?i:ex(?:hibit|h?\\.)?)\\s*99(?:\\.\\d+)?\\s*(?:\\n|\\z)\\s*");
    private static final Pattern PRE = Pattern.compile("</?(?:pre|page)>", Pattern.CASE_INSENSITIVE);

    private EdgarFiling() {
    }

    /** Whether {@code text} is an EDGAR full submission (it has an SEC header). */
    public static boolean looksLikeSubmission(String text) {
        return SUBMISSION.matcher(text.length() > 4096 ? text.substring(0, 4096) : text).find();
    }

    /**
     * The EX-99.x press release of the submission, with the filer's name and CIK.
     *
     * @throws IngestException when the submission has no EX-99 exhibit
     */
    public static SourceText extract(Path file, String text) {
        int headerEnd = text.toUpperCase(Locale.ROOT).indexOf("</SEC-HEADER>");
        String header = headerEnd < 0 ? text.substring(0, Math.min(text.length(), 8192)) : text.substring(0, headerEnd);
        // the filer (a press release's issuer) comes first; a later FILER or SUBJECT COMPANY block is another party
        String filer = first(NAME, header);
        String cik = first(CIK, header);
        if (cik != null) {
            cik = "0".repeat(10 - cik.length()) + cik;
        }
        Matcher fm = FILED.matcher(header);
        LocalDate filed = fm.find() ? LocalDate.of(Integer.parseInt(fm.group(1)), Integer.parseInt(fm.group(2)),
                Integer.parseInt(fm.group(3))) : null;
        StringBuilder types = new StringBuilder();
        Matcher dm = DOCUMENT.matcher(text);
        while (dm.find()) {
            String doc = dm.group(1);
            String type = first(TYPE, doc);
            types.append(types.length() == 0 ? "" : ", ").append(type == null ? "?" : type);
            if (type == null || !type.toUpperCase(Locale.ROOT).startsWith("EX-99")) {
                continue;
            }
            Matcher tm = TEXT.matcher(doc);
            String body = tm.find() ? tm.group(1) : doc;
            SourceText release = HTML.matcher(body).find() ? HtmlPage.extract(file, body)
                    : SourceText.of(PRE.matcher(body).replaceAll("").strip());
            String exhibitText = EXHIBIT_LABEL.matcher(release.text()).replaceFirst("");
            return new SourceText(exhibitText, release.headline(), release.published(), filed, release.url(), filer, cik);
        }
        throw new IngestException(file, "an SEC filing without a press release exhibit (EX-99.x; it has "
                + (types.length() == 0 ? "no <DOCUMENT> parts" : types) + ")",
                "pass the filing whose exhibit 99 is the release, or the release itself");
    }

    private static String first(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1).strip() : null;
    }
}
