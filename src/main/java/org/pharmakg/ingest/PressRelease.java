package org.pharmakg.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One press release as read by {@link PressReleaseReader}: cleaned text whose offsets equal the
 * decoded source's, plus date, headline, issuer hint and classified sections.
 *
 * <pre>{@code
 * PressRelease pr = new PressReleaseReader(ReaderOptions.defaults()).read(Path.of("a.txt"));
 * if (pr.isNlpRelevant(offset)) { ... }
 * }</pre>
 *
 * @param id          slug of the file name, e.g. {@code "004_db42ac11690627de"}
 * @param source      the path as given
 * @param published   release date, or {@code null} when none was found (the caller warns)
 * @param headline    the title, whitespace collapsed, at most 300 characters
 * @param issuerHint  company named in the dateline before its ticker, or on a "Source:" line; nullable
 * @param url         where the release came from (from {@code SOURCES.tsv}); nullable
 * @param contentHash {@code "sha256:<hex>"} of the raw bytes
 * @param text        cleaned text; for .txt/.md the same length as the decoded source (BOM excluded), for pages,
 *                    PDFs and filings the text taken out of them (what is stored; offsets index into it)
 * @param sections    classified spans of {@code text}, in order, not overlapping
 * @param filer       the SEC filer (name and CIK) when the release came from an EDGAR filing; nullable
 */
public record PressRelease(String id, Path source, LocalDate published, String headline,
                           String issuerHint, String url, String contentHash, String text,
                           List<Section> sections, Filer filer) {

    /** The company that filed the release with the SEC: its conformed name and ten-digit Central Index Key. */
    public record Filer(String name, String cik) {
        public Filer {
            Objects.requireNonNull(cik, "cik");
        }
    }

    /** A release that did not come from an SEC filing. */
    public PressRelease(String id, Path source, LocalDate published, String headline, String issuerHint, String url,
                        String contentHash, String text, List<Section> sections) {
        this(id, source, published, headline, issuerHint, url, contentHash, text, sections, null);
    }

    /** The same release under another id. */
    public PressRelease withId(String newId) {
        return new PressRelease(newId, source, published, headline, issuerHint, url, contentHash, text, sections, filer);
    }

    public PressRelease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(text, "text");
        sections = List.copyOf(Objects.requireNonNull(sections, "sections"));
        int previousEnd = 0;
        for (Section s : sections) {
            if (s.start() < previousEnd || s.end() > text.length()) {
                throw new IllegalArgumentException("section " + s + " overlaps its predecessor or"
                        + " lies outside the text (length " + text.length() + ")");
            }
            previousEnd = s.end();
        }
    }

    /** The section containing {@code offset}, or {@code null} for whitespace between sections. */
    public Section sectionAt(int offset) {
        int lo = 0;
        int hi = sections.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Section s = sections.get(mid);
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }

    /**
     * True unless {@code offset} lies in a FORWARD_LOOKING, CONTACT, FINANCIAL_TABLE or
     * BOILERPLATE section.
     */
    public boolean isNlpRelevant(int offset) {
        Section s = sectionAt(offset);
        return s == null || s.kind().isNlpRelevant();
    }
}
