package org.pharmakg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PressReleaseReaderTest {

    @TempDir
    Path dir;

    private final PressReleaseReader reader = new PressReleaseReader(ReaderOptions.defaults());

    static Path seed(String name) {
        try {
            return Path.of(PressReleaseReaderTest.class.getResource("/ingest/seeds/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "000_9041f48a740ce000.txt|2012-07-11|ImmunoGen, Inc. Announces Proposed Public Offering of Common Stock",
        "001_8de427df72a8a915.txt|2012-12-03|ImmunoGen, Inc. Announces Clinical Data Presentations at the 54th ASH Annual Meeting and Exposition",
        "002_e88741968b13db48.txt|2012-01-18|ImmunoGen, Inc. Announces Conference Call to Discuss its Second Quarter Fiscal Year 2012 Financial Results",
        "003_e56de71c621f04e8.txt|2013-07-23|ImmunoGen, Inc. Announces Conference Call to Discuss its Fourth Quarter and Fiscal Year 2013 Financial Results",
        "004_db42ac11690627de.txt|2012-01-27|ImmunoGen, Inc. Reports Second Quarter Fiscal Year 2012 Financial Results and Provides Quarterly Update",
    })
    void seedsReadWithDateHeadlineAndIssuer(String file, String date, String headline) throws Exception {
        Path p = seed(file);
        PressRelease pr = reader.read(p);
        assertEquals(LocalDate.parse(date), pr.published());
        assertEquals(headline, pr.headline());
        assertEquals("ImmunoGen, Inc.", pr.issuerHint());
        assertEquals(file.substring(0, file.length() - 4), pr.id());
        String raw = Files.readString(p, StandardCharsets.UTF_8);
        assertEquals(raw.length(), pr.text().length(), "cleaning must preserve length");
        int at = raw.indexOf("develops");
        assertEquals("develops", pr.text().substring(at, at + 8));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
        assertEquals("sha256:" + HexFormat.of().formatHex(digest), pr.contentHash());
        assertNull(pr.url());
    }

    @Test
    void noDateInTextFallsBackToSourcesTsv() throws IOException {
        write("SOURCES.tsv", "file\tdate\turl\nnodate.txt\t2015-03-23\thttp://example.com/a\n"
                + "dated.txt\t2001-01-01\thttp://example.com/b\n");
        Path nodate = write("nodate.txt", "Takeda Licenses Rights\nCAMBRIDGE, Mass.-- Takeda Pharmaceutical "
                + "Company Limited (TSE:4502) and ImmunoGen, Inc. (Nasdaq: IMGN) today announced a deal.\n");
        PressRelease pr = reader.read(nodate);
        assertEquals(LocalDate.of(2015, 3, 23), pr.published());
        assertEquals("http://example.com/a", pr.url());
        assertEquals("Takeda Pharmaceutical Company Limited", pr.issuerHint());

        Path dated = write("dated.txt", "Headline\n\nBOSTON, Mass.--(BUSINESS WIRE)--Jan. 18, 2012-- Acme said.\n");
        PressRelease d = reader.read(dated);
        assertEquals(LocalDate.of(2012, 1, 18), d.published(), "the text's dateline beats the sidecar");
        assertEquals("http://example.com/b", d.url(), "the sidecar still gives the url");

        Path other = write("unlisted.txt", "Headline only, no date\n\nBody.\n");
        assertNull(reader.read(other).published());
        assertNull(reader.read(other).url());
    }

    @Test
    void sourcesTsvIsReadOncePerDirectory() throws IOException {
        Path tsv = write("SOURCES.tsv", "file\tdate\turl\na.txt\t2015-03-23\thttp://example.com/a\n");
        Path a = write("a.txt", "Headline\n\nBody without a date.\n");
        assertEquals(LocalDate.of(2015, 3, 23), reader.read(a).published());
        Files.writeString(tsv, "file\tdate\turl\na.txt\t1999-09-09\thttp://example.com/changed\n");
        assertEquals(LocalDate.of(2015, 3, 23), reader.read(a).published(), "cached, not re-read");
        assertEquals(LocalDate.of(1999, 9, 9), new PressReleaseReader().read(a).published(),
                "a new reader reads it afresh");
    }

    @Test
    void sourcesTsvColumnsFoundByHeaderAndBadRowsIgnored() throws IOException {
        write("SOURCES.tsv", "url\tfile\tdate\n# comment\nhttp://x/a\ta.txt\tnot-a-date\nhttp://x/b\tb.txt\tJuly 2, 2013\n");
        Path a = write("a.txt", "Headline\n\nBody.\n");
        Path b = write("b.txt", "Headline\n\nBody.\n");
        assertNull(reader.read(a).published());
        assertEquals("http://x/a", reader.read(a).url());
        assertEquals(LocalDate.of(2013, 7, 2), reader.read(b).published());
    }

    @Test
    void idIsASlugOfTheFileName() throws IOException {
        assertEquals("societe-generale-q3-2012", reader.read(write("Société Générale Q3 2012.txt", "Headline\n\nBody.")).id());
        assertEquals("a_b-c-d", reader.read(write("A_b-C (d).md", "Headline\n\nBody.")).id());
        PressRelease pr = reader.read(write("日本.txt", "Headline\n\nBody."));
        assertTrue(pr.id().matches("doc-[0-9a-f]{12}"), pr.id());
        assertEquals(pr.contentHash().substring(7, 19), pr.id().substring(4));
    }

    @Test
    void htmlPageIsCleanedAndScriptsVanish() throws IOException {
        String html = "<!DOCTYPE html>\n<html><head><title>Acme News</title>\n"
                + "<script>var tracker = 'SECRET-SCRIPT-TEXT';</script><style>.x{}</style></head>\n<body>\n"
                + "<h1>Acme Bio Announces Phase 2 Start</h1>\n"
                + "<p>BOSTON, Mass.--(BUSINESS WIRE)--Sept. 5, 2012-- <a href=\"http://acme.com\">Acme Bio, Inc.</a>"
                + " (NASDAQ: ACME) today said AT&amp;T&#8217;s network&nbsp;works.</p>\n"
                + "<p>About Acme Bio, Inc.</p><p>Acme Bio develops drugs.</p>\n</body></html>\n";
        Path p = write("acme.html", html);
        PressRelease pr = reader.read(p);
        // a page's stored text is the release taken out of it; offsets index into that text
        assertFalse(pr.text().contains("SECRET-SCRIPT-TEXT"));
        assertFalse(pr.text().contains("<"));
        assertEquals(LocalDate.of(2012, 9, 5), pr.published());
        assertEquals("Acme Bio, Inc.", pr.issuerHint());
        assertEquals("Acme Bio Announces Phase 2 Start", pr.headline(), "<head> (and its <title>) is not text");
        assertFalse(pr.text().contains("Acme News"));
        int at = pr.text().indexOf("Acme Bio develops");
        assertTrue(at > 0, pr.text());
        assertEquals(SectionKind.ABOUT, pr.sectionAt(at).kind());
        assertTrue(pr.text().contains("AT&T’s network works"), pr.text());
    }

    @Test
    void markdownOffsetsMatchTheSource() throws IOException {
        String md = "## July 11, 2012\n\n## Acme Announces **Big** Deal\n\n"
                + "WALTHAM, Mass.--(BUSINESS WIRE)-- [Acme, Inc.](http://www.acme.com) (Nasdaq: ACME) raised \\$25 million.\n";
        PressRelease pr = reader.read(write("acme.md", md));
        assertEquals(md.length(), pr.text().length());
        for (String w : List.of("Acme, Inc.", "$25 million", "Big", "raised")) {
            int at = md.indexOf(w);
            assertEquals(w, pr.text().substring(at, at + w.length()), w);
        }
        assertEquals("Acme Announces Big Deal", pr.headline());
        assertEquals("Acme, Inc.", pr.issuerHint());
        assertEquals(LocalDate.of(2012, 7, 11), pr.published());
    }

    @Test
    void headlineSkipsDatesAndNewswireAndIsCapped() throws IOException {
        PressRelease pr = reader.read(write("a.txt", "\n\nBusiness Wire\n\nDecember 3, 2012\n\n" + "Word ".repeat(100) + "\n\nBody."));
        assertTrue(pr.headline().length() <= FrontMatter.MAX_HEADLINE && pr.headline().length() > 290,
                pr.headline().length() + " chars");
        assertTrue(pr.headline().startsWith("Word Word"));
        PressRelease onlyDate = reader.read(write("b.txt", "December 3, 2012\n"));
        assertEquals("December 3, 2012", onlyDate.headline());
    }

    @Test
    void releaseWithoutHeadlineUsesItsLeadSentence() throws IOException {
        PressRelease pr = reader.read(write("c.txt", "Business Wire\n\nDecember 21, 2011\n\n"
                + "NEEDHAM, Mass.--(BUSINESS WIRE)--Celldex Therapeutics, Inc. "
                + "(Nasdaq: CLDX) today announced accrual of the EMERGE study. The study is large.\n"));
        assertEquals("Celldex Therapeutics, Inc. (Nasdaq: CLDX) today announced accrual of the EMERGE study.", pr.headline());
        assertEquals("Celldex Therapeutics, Inc.", pr.issuerHint());
        assertTrue(pr.sections().stream().noneMatch(s -> s.kind() == SectionKind.HEADLINE));
        assertEquals(List.of(SectionKind.BOILERPLATE, SectionKind.BODY),
                pr.sections().stream().map(Section::kind).toList());
        assertEquals(LocalDate.of(2011, 12, 21), pr.published());
    }

    @Test
    void issuerFallsBackToSourceLine() throws IOException {
        PressRelease pr = reader.read(write("d.txt", "Headline\n\nNo ticker in this text.\n\nSource: Acme Bio, Inc.\n"));
        assertEquals("Acme Bio, Inc.", pr.issuerHint());
        assertNull(reader.read(write("e.txt", "Headline\n\nNo ticker here.\n")).issuerHint());
    }

    @Test
    void pageWithOnlyMarkupIsRefused() throws IOException {
        Path p = write("script.html", "<html><body><script>var x = 1;</script></body></html>");
        IngestException e = assertThrows(IngestException.class, () -> reader.read(p));
        assertEquals("no text left after removing markup", e.reason());
    }

    @Test
    void oneReaderServesManyThreadsAlike() throws Exception {
        write("SOURCES.tsv", "file\tdate\turl\n" + "n0.txt\t2015-03-23\thttp://x/0\n");
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            files.add(write("n" + i + ".txt", "Headline " + i + "\n\nBody without date.\n"));
        }
        files.add(seed("004_db42ac11690627de.txt"));
        List<PressRelease> serial = files.stream().map(new PressReleaseReader()::read).toList();
        for (int round = 0; round < 5; round++) {
            List<PressRelease> parallel = files.parallelStream().map(reader::read).toList();
            assertEquals(serial, parallel);
        }
        assertEquals(LocalDate.of(2015, 3, 23), serial.get(0).published());
    }

    @Test
    void recordValidatesSections() {
        Path p = Path.of("x.txt");
        List<Section> overlapping = List.of(new Section(SectionKind.BODY, "", 0, 5), new Section(SectionKind.BODY, "", 3, 6));
        assertThrows(IllegalArgumentException.class,
                () -> new PressRelease("x", p, null, "h", null, null, "sha256:00", "0123456789", overlapping));
        List<Section> outside = List.of(new Section(SectionKind.BODY, "", 0, 50));
        assertThrows(IllegalArgumentException.class,
                () -> new PressRelease("x", p, null, "h", null, null, "sha256:00", "0123456789", outside));
        assertThrows(NullPointerException.class,
                () -> new PressRelease(null, p, null, "h", null, null, "sha256:00", "0123456789", List.of()));
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)   // a hang guard, not a speed assertion
    void specialFilesAreRefusedBeforeTheyAreOpened() throws Exception {
        Path fifo = DocumentFinderTest.fifo(dir.resolve("pipe.txt"));
        for (Path p : List.of(fifo, Path.of("/dev/zero"), Path.of("/dev/urandom"))) {
            IngestException e = assertThrows(IngestException.class, () -> reader.read(p));
            assertTrue(e.reason().startsWith("not a regular file"), e.getMessage());
            e = assertThrows(IngestException.class, () -> reader.fingerprint(p));
            assertTrue(e.reason().startsWith("not a regular file"), e.getMessage());
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void theByteLimitHoldsWhileReadingWhateverTheSizeSays() throws Exception {
        // an endless stream: the limit is enforced on what is read, never on a size asked beforehand
        java.io.InputStream endless = new java.io.InputStream() {
            @Override public int read() { return 'x'; }
            @Override public int read(byte[] b, int off, int len) { java.util.Arrays.fill(b, off, off + len, (byte) 'x'); return len; }
        };
        assertEquals(1001, PressReleaseReader.readAtMost(endless, 1000).length);
        assertEquals(3, PressReleaseReader.readAtMost(new java.io.ByteArrayInputStream(new byte[3]), 1000).length);
        // a /proc file says it has 0 bytes and has more: still cut at the limit
        Path proc = Path.of("/proc/self/maps");
        if (Files.isReadable(proc) && Files.size(proc) == 0) {
            PressReleaseReader small = new PressReleaseReader(ReaderOptions.defaults().withMaxBytes(64));
            IngestException e = assertThrows(IngestException.class, () -> small.read(proc));
            assertTrue(e.reason().startsWith("too large"), e.getMessage());
        }
    }
}
