package org.pharmakg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bytes to text: encodings, BOMs, and the files that must be refused with a clear reason. */
class DecodingTest {

    private static final String RELEASE = "Société Générale Signs Deal\n\n"
            + "PARIS--(BUSINESS WIRE)--Nov. 17, 2009-- Société Générale (Euronext: GLE) today said “yes”.\n";

    @TempDir
    Path dir;

    private final PressReleaseReader reader = new PressReleaseReader(ReaderOptions.defaults());

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private IngestException refused(Path p) {
        return assertThrows(IngestException.class, () -> reader.read(p));
    }

    @Test
    void windows1252IsReadAsSuch() throws IOException {
        String text = "Société Générale – “quoted” deal\n\nPARIS, Nov. 17, 2009 -- News.";
        PressRelease pr = reader.read(write("latin.txt", text.getBytes(Charset.forName("windows-1252"))));
        assertTrue(pr.text().startsWith("Société Générale – “quoted”"), pr.text());
        assertEquals("Société Générale – “quoted” deal", pr.headline());
    }

    @Test
    void utf8WithBomLosesTheBom() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        PressRelease pr = reader.read(write("bom.txt", concat(bom, RELEASE.getBytes(StandardCharsets.UTF_8))));
        assertEquals(RELEASE.length(), pr.text().length());
        assertTrue(pr.text().startsWith("Société"), pr.text());
    }

    @Test
    void utf16WithBom() throws IOException {
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, RELEASE.getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, RELEASE.getBytes(StandardCharsets.UTF_16BE));
        for (Path p : new Path[] {write("le.txt", le), write("be.txt", be)}) {
            PressRelease pr = reader.read(p);
            assertTrue(pr.text().startsWith("Société Générale Signs Deal"), p + ": " + pr.text());
            assertEquals("Société Générale", pr.issuerHint());
        }
    }

    @Test
    void utf16WithoutBomIsRecognisedByItsNuls() throws IOException {
        PressRelease le = reader.read(write("le.txt", RELEASE.getBytes(StandardCharsets.UTF_16LE)));
        PressRelease be = reader.read(write("be.txt", RELEASE.getBytes(StandardCharsets.UTF_16BE)));
        assertEquals(RELEASE, le.text());
        assertEquals(RELEASE, be.text());
        assertEquals(java.time.LocalDate.of(2009, 11, 17), le.published());
    }

    @Test
    void emptyAndWhitespaceOnlyAreRefused() throws IOException {
        IngestException e = refused(write("empty.txt", new byte[0]));
        assertTrue(e.reason().startsWith("empty file"), e.getMessage());
        IngestException w = refused(write("blank.txt", " \n\t\r\n ".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(w.reason().startsWith("empty file"), w.getMessage());
        assertTrue(w.getMessage().startsWith("cannot read " + dir.resolve("blank.txt") + ": empty file"), w.getMessage());
    }

    @Test
    void pngIsRefusedByName() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
        Path p = write("x.html", png);
        IngestException e = refused(p);
        assertEquals("not text (PNG image)", e.reason());
        assertEquals("cannot read " + p + ": not text (PNG image); remove it or convert it to .txt", e.getMessage());
        assertEquals(p, e.path());
    }

    @Test
    void gzipZipPdfJpegGifAreRefusedByName() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(RELEASE.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(refused(write("a.txt.gz", buf.toByteArray())).reason().contains("gzip"));
        assertTrue(refused(write("b.txt", new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0})).reason().contains("ZIP"));
        assertTrue(refused(write("c.txt", "%PDF-1.4\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1)))
                .reason().contains("PDF"));
        assertTrue(refused(write("d.txt", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16}))
                .reason().contains("JPEG"));
        assertTrue(refused(write("e.txt", "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1)))
                .reason().contains("GIF"));
    }

    @Test
    void nulsAndControlCharactersMeanBinary() throws IOException {
        byte[] nuls = new byte[200];
        for (int i = 0; i < nuls.length; i++) {
            nuls[i] = (byte) (i % 7 == 0 ? 0 : 'a' + i % 26);
        }
        assertTrue(refused(write("nul.txt", nuls)).reason().startsWith("not text (binary"));
        byte[] ctl = new byte[200];
        for (int i = 0; i < ctl.length; i++) {
            ctl[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        }
        assertTrue(refused(write("ctl.txt", ctl)).reason().contains("control characters"));
    }

    @Test
    void tooLargeSaysBySizeAndWhatToDo() throws IOException {
        PressReleaseReader small = new PressReleaseReader(ReaderOptions.defaults().withMaxBytes(100));
        Path p = write("big.txt", "x".repeat(2000).getBytes(StandardCharsets.US_ASCII));
        IngestException e = assertThrows(IngestException.class, () -> small.read(p));
        assertEquals("too large (2 KB > 100 bytes limit)", e.reason());
        assertTrue(e.getMessage().endsWith("; split it or pass --max-bytes"), e.getMessage());
        assertEquals("52.4 MB", PressReleaseReader.formatSize(54_945_382L));
        assertEquals("10 MB", PressReleaseReader.formatSize(ReaderOptions.DEFAULT_MAX_BYTES));
    }

    @Test
    void missingFileAndDirectoryAreRefused() {
        assertEquals("no such file", refused(dir.resolve("nope.txt")).reason());
        assertTrue(refused(dir).reason().startsWith("not a regular file"));
    }

    @Test
    void brokenUtf8AfterUtf8BomIsReportedWithOffset() throws IOException {
        byte[] b = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', 'b', (byte) 0xC3, 'c'};
        IngestException e = refused(write("bad.txt", b));
        assertTrue(e.reason().contains("UTF-8") && e.reason().contains("offset"), e.reason());
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> ReaderOptions.defaults().withMaxBytes(0));
        assertEquals(10L * 1024 * 1024, ReaderOptions.defaults().maxBytes());
        assertEquals(Charset.forName("windows-1252"), ReaderOptions.defaults().fallbackCharset());
    }
}
