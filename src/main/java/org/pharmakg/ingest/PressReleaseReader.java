package org.pharmakg.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one press release file (.txt, .md, .html, .pdf, or an SEC EDGAR submission) into a
 * {@link PressRelease}: decodes it, cleans the markup (in .txt/.md without moving any offset; from a
 * web page, a PDF or a filing it takes the release's text out, see {@link HtmlPage}, {@link PdfText},
 * {@link EdgarFiling}), refuses a release not in English, finds headline, date, issuer and sections.
 *
 * <pre>{@code
 * PressReleaseReader reader = new PressReleaseReader(ReaderOptions.defaults());
 * for (Path file : DocumentFinder.find(List.of(Path.of("data")), problems::add)) {
 *     PressRelease pr = reader.read(file);   // IngestException when the file is not a release
 * }
 * }</pre>
 *
 * The date comes from the text's first lines (a date-only line or the dateline); failing that
 * from a {@code SOURCES.tsv} beside the file ({@code file<TAB>date<TAB>url}), which also gives
 * the URL. Instances are thread-safe; each sidecar is read once per reader.
 */
public final class PressReleaseReader {

    private static final Logger LOG = LoggerFactory.getLogger(PressReleaseReader.class);

    private final ReaderOptions options;
    private final TextDecoder decoder;
    private final SourcesSidecar sidecar = new SourcesSidecar();

    public PressReleaseReader(ReaderOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.decoder = new TextDecoder(options.fallbackCharset());
    }

    /** A reader with {@link ReaderOptions#defaults()}. */
    public PressReleaseReader() {
        this(ReaderOptions.defaults());
    }

    /** A file's document id and content hash, computed from its bytes alone (no decoding, no cleaning). */
    public record Fingerprint(String id, String contentHash) {}

    /**
     * The id and hash {@link #read} would give the file, at the cost of hashing its bytes: enough to
     * tell that a stored document is unchanged without reading it as text.
     *
     * @throws IngestException when the file is missing, unreadable or too large
     */
    public Fingerprint fingerprint(Path file) {
        Objects.requireNonNull(file, "file");
        String hash = "sha256:" + sha256(readBytes(file));
        return new Fingerprint(DocIds.fromFile(file, hash), hash);
    }

    /**
     * Reads {@code file}.
     *
     * @throws IngestException when the file is missing, unreadable, too large, empty, not text,
     *                         or nothing but markup
     */
    public PressRelease read(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes = readBytes(file);
        String hash = "sha256:" + sha256(bytes);
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        SourceText src = null;
        String charset = "binary";
        String text;
        if (PdfText.isPdf(bytes)) {
            src = PdfText.extract(file, bytes);
            text = TextCleaner.clean(src.text(), false);
        } else if (name.endsWith(".pdf")) {
            throw new IngestException(file, "not a PDF (it does not start with %PDF-)", "save the release again as PDF or text");
        } else {
            TextDecoder.Decoded decoded = decoder.decode(file, bytes);
            charset = decoded.charset().name();
            boolean html = name.endsWith(".html") || name.endsWith(".htm") || TextCleaner.looksLikeHtml(decoded.text());
            if (EdgarFiling.looksLikeSubmission(decoded.text())) {
                src = EdgarFiling.extract(file, decoded.text());
            } else if (html) {
                src = HtmlPage.extract(file, decoded.text());
            }
            text = src == null ? TextCleaner.clean(decoded.text(), false) : TextCleaner.clean(src.text(), false);
        }
        if (text.isBlank()) {
            throw new IngestException(file, "no text left after removing markup",
                    "check that it is a press release and not an empty page or a script");
        }
        String language = Language.guess(text);
        if (language != null && !language.equals("English")) {
            throw new IngestException(file, "not in English (it looks like " + language + ")",
                    "pharmakg reads English releases only; leave it out or pass a translation");
        }

        List<Paragraphs.Paragraph> paragraphs = Paragraphs.split(text);
        FrontMatter.Headline headline = FrontMatter.headline(text, paragraphs);
        List<Section> sections = SectionClassifier.classify(text, paragraphs, headline);

        DateFinder.Found found = DateFinder.find(text);
        SourcesSidecar.Entry side = sidecar.lookup(file);
        LocalDate published = src != null && src.published() != null ? src.published()
                : found != null && found.strong() ? found.date()
                : side != null && side.date() != null ? side.date()
                : found != null ? found.date()
                : src != null ? src.filed() : null;
        if (found != null && side != null && side.date() != null && !side.date().equals(found.date())) {
            LOG.debug("{}: date {} in the text, {} in {}; using {}", file, found.date(), side.date(),
                    SourcesSidecar.FILE_NAME, published);
        }
        String url = side != null && side.url() != null ? side.url() : src == null ? null : src.url();
        String title = src != null && src.headline() != null ? src.headline().strip().replaceAll("\\s+", " ") : headline.text();
        if (title.length() > FrontMatter.MAX_HEADLINE) {
            title = title.substring(0, FrontMatter.MAX_HEADLINE);
        }
        PressRelease.Filer filer = src != null && src.cik() != null ? new PressRelease.Filer(src.filer(), src.cik()) : null;
        PressRelease pr = new PressRelease(DocIds.fromFile(file, hash), file, published, title,
                FrontMatter.issuer(text), url, hash, text, sections, filer);
        LOG.debug("read {} as {}: {} chars, {}, date {}, {} sections", file, pr.id(), text.length(),
                charset, published, sections.size());
        return pr;
    }

    private byte[] readBytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new IngestException(file, "not a regular file (a directory)",
                        "pass the files in it, or let DocumentFinder list them");
            }
            if (!Files.isRegularFile(file)) {
                if (!Files.exists(file)) {
                    throw new NoSuchFileException(file.toString());
                }
                // a FIFO blocks on open until a writer comes; /dev/zero and /dev/urandom never end
                throw DocumentFinder.notRegular(file);
            }
            long size = Files.size(file);
            checkSize(file, size);
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = readAtMost(in, options.maxBytes());
                if (bytes.length > options.maxBytes()) {
                    // it grew since size(), or size() was wrong (e.g. a /proc file): never read past the limit
                    throw new IngestException(file, "too large (more than the " + formatSize(options.maxBytes())
                            + " limit)", "split it or pass --max-bytes");
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new IngestException(file, "no such file", "check the path", e);
        } catch (AccessDeniedException e) {
            throw new IngestException(file, "permission denied", "fix its permissions or leave it out", e);
        } catch (IOException e) {
            throw new IngestException(file, "I/O error (" + e + ")", "check the file and the disk", e);
        }
    }

    /**
     * At most {@code limit + 1} bytes of the stream (one more than the limit tells that there is more), in
     * buffers that grow with what was read: memory follows the data, never a size the file claims.
     */
    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        int cap = (int) Math.min(limit + 1, Integer.MAX_VALUE - 16);
        return in.readNBytes(cap);
    }

    private void checkSize(Path file, long size) {
        if (size > options.maxBytes()) {
            throw new IngestException(file, "too large (" + formatSize(size) + " > "
                    + formatSize(options.maxBytes()) + " limit)", "split it or pass --max-bytes");
        }
    }

    /** "52.4 MB", "10 MB", "3.2 KB", "200 bytes" (1 KB = 1024 bytes). */
    static String formatSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        double v = bytes / 1024.0;
        String unit = "KB";
        if (v >= 1024) {
            v /= 1024;
            unit = "MB";
        }
        String s = String.format(Locale.ROOT, "%.1f", v);
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        return s + " " + unit;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
