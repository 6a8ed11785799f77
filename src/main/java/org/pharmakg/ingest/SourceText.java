package org.pharmakg.ingest;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The release text taken out of a page, a PDF or a filing, with what the container itself says
 * about the release: the text is what gets stored, and every offset indexes into it.
 *
 * <pre>{@code
 * SourceText s = HtmlPage.extract(path, html);      // furniture dropped, og:title as headline
 * s.text();        // "Acme Announces ...\n\nBOSTON--(BUSINESS WIRE)--..."
 * s.published();   // from article:published_time, or null
 * }</pre>
 *
 * @param text      plain text of the release, paragraphs separated by blank lines
 * @param headline  title from the container's metadata, or null (then the text's first line is used)
 * @param published date from the container's metadata, or null
 * @param filed     date to use only when neither the metadata nor the text gives one (an SEC filing date), or null
 * @param url       canonical URL from the container, or null
 * @param filer     the SEC filer's company name (EDGAR filings only), or null
 * @param cik       the SEC filer's Central Index Key, ten digits (EDGAR filings only), or null
 */
public record SourceText(String text, String headline, LocalDate published, LocalDate filed, String url,
                         String filer, String cik) {

    public SourceText {
        Objects.requireNonNull(text, "text");
    }

    /** Plain text with nothing known about it. */
    public static SourceText of(String text) {
        return new SourceText(text, null, null, null, null, null, null);
    }
}
