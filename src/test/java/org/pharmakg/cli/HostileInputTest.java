package org.pharmakg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.RobustnessSupport;
import org.pharmakg.RobustnessSupport.Run;
import org.pharmakg.mapping.Vocab;
import org.pharmakg.store.KgStore;

/**
 * Issue 6, "bad input gets a clear message and changes nothing else": {@code pharmakg build} over
 * a corpus of hostile files made here, through the CLI entry point, with the default 10 MB limit
 * (so the 50 MB file is rejected as too large).
 *
 * Runs as root here: root reads a folder with mode 000, so the test asserts what the OS allows
 * (reported as not readable when it is not readable, built when it is).
 */
class HostileInputTest {
    @TempDir static Path tmp;
    static Path corpus, store, locked;
    static Run first;
    static boolean lockedReadable;

    static final String RELEASE = """
            March 5, 2021

            %s Announces Collaboration with Bayer on %s

            %s--(BUSINESS WIRE)-- %s today announced a collaboration with Bayer AG to develop %s, an antibody \
            targeting HER2, in a Phase II trial for breast cancer. "We are pleased," said the chief executive of %s.
            """;

    static String release(String company, String compound, String city) {
        return RELEASE.formatted(company, compound, city, company, compound, company);
    }

    /** Bad files and the words their reason must contain. */
    static final Map<String, String> BAD = new TreeMap<>(Map.of(
            "empty.txt", "empty",
            "figure.txt", "PNG",
            "archive.txt", "not text",
            "huge.txt", "too large",
            "loop-a.txt", "symbolic link loop",
            "loop-b.txt", "symbolic link loop",
            "pipe.txt", "not a regular file (a named pipe)"));

    /** Issue 16: a company name and a compound hidden behind zero-width and bidirectional controls. */
    static final String BIDI = release("\u202ETrickbio\u200B Therapeutics\u202C", "TB-909\u2060\u200C", "\u2067ATLANTA\u2069")
            .replace("collaboration", "\u2066collaboration\u2069").replace("Bayer AG", "Bayer\u200F AG\u200E\uFEFF");

    @BeforeAll
    static void build() throws IOException {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        store = tmp.resolve("store");
        Files.copy(RobustnessSupport.data().resolve("000_9041f48a740ce000.txt"), corpus.resolve("000_9041f48a740ce000.txt"));
        Files.write(corpus.resolve("empty.txt"), new byte[0]);
        byte[] png = new byte[4096];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(magic, 0, png, 0, magic.length);
        for (int i = magic.length; i < png.length; i++) png[i] = (byte) (i * 31 + 7);
        Files.write(corpus.resolve("figure.txt"), png);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(gz)) {
            o.write(release("Gzip Bio", "GZ-1", "BOSTON").repeat(20).getBytes(StandardCharsets.UTF_8));
        }
        Files.write(corpus.resolve("archive.txt"), gz.toByteArray());
        try (OutputStream o = Files.newOutputStream(corpus.resolve("huge.txt"))) {
            byte[] line = "Acme Pharma announces another quarter of steady progress in its pipeline.\n".getBytes(StandardCharsets.US_ASCII);
            for (long n = 0; n < 50L * 1024 * 1024; n += line.length) o.write(line);
        }
        write("latin1.txt", release("Société Générale Biologique", "SGB-101", "LYON"), StandardCharsets.ISO_8859_1);
        write("utf16.txt", release("Zürcher Antikörper AG", "ZA-202", "ZÜRICH"), StandardCharsets.UTF_16);
        Files.write(corpus.resolve("bom.md"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ("## " + release("Bomtech Therapeutics", "BT-303", "AUSTIN")).getBytes(StandardCharsets.UTF_8)));
        write("scripted.html", "<html><head><style>body { color: red } .trackingStyle { display:none }</style>"
                + "<script>var trackingPixel = 'Phase III approval of EVIL-999 by Hackco';</script></head><body>"
                + "<script type=\"text/javascript\">document.write('injectedByScript');</script>"
                + "<p>" + release("Htmlgen Biosciences", "HG-404", "SEATTLE").replace("\n\n", "</p>\n\n<p>") + "</p>"
                + "<style>p { font-weight: bold }</style><script>analytics('pageview');</script></body></html>", StandardCharsets.UTF_8);
        write("nodate.txt", release("Undated Pharma", "UD-505", "DENVER").replace("March 5, 2021\n", ""), StandardCharsets.UTF_8);
        write("same-lines.txt", "Repetitive Bio announces results.\n".repeat(2000), StandardCharsets.UTF_8);
        write("Pressemitteilung Köln – März 2021.txt", release("Kölner Pharma GmbH", "KP-606", "KÖLN"), StandardCharsets.UTF_8);
        String copy = release("Twinco Therapeutics", "TW-707", "OSLO");
        write("copy-a.txt", copy, StandardCharsets.UTF_8);
        write("copy-b.txt", copy, StandardCharsets.UTF_8);
        Files.createSymbolicLink(corpus.resolve("loop-a.txt"), Path.of("loop-b.txt"));
        Files.createSymbolicLink(corpus.resolve("loop-b.txt"), Path.of("loop-a.txt"));
        write("bidi.txt", BIDI, StandardCharsets.UTF_8);
        org.pharmakg.ingest.DocumentFinderTestAccess.mkfifo(corpus.resolve("pipe.txt"));   // in the folder: reported, never opened
        Files.createDirectories(corpus.resolve("sub"));
        Files.createSymbolicLink(corpus.resolve("sub/back-to-corpus"), Path.of(".."));   // a directory loop
        locked = Files.createDirectories(corpus.resolve("locked"));
        write("locked/hidden.txt", release("Hidden Biotech", "HB-808", "MIAMI"), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        lockedReadable = Files.isReadable(locked);   // true for root

        first = RobustnessSupport.cli("build", "--store", store.toString(), "--threads", "2", corpus.toString());
    }

    @AfterAll
    static void unlock() throws IOException {
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }

    static void write(String name, String text, Charset cs) throws IOException {
        Files.write(corpus.resolve(name), text.getBytes(cs));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void exitCodeIsOneWhenAnyFileFailed() {
        assertEquals(Main.FAILED, first.code(), first.err());
    }

    @Test
    void eachBadFileIsReportedOnceWithPathAndReason() {
        for (var e : BAD.entrySet()) {
            String path = corpus.resolve(e.getKey()).toString();
            List<String> lines = first.err().lines().filter(l -> l.contains(path)).toList();
            assertEquals(1, lines.size(), e.getKey() + " should be reported exactly once:\n" + first.err());
            assertTrue(lines.get(0).startsWith("pharmakg: cannot read " + path + ": "), lines.get(0));
            assertTrue(lines.get(0).contains(e.getValue()), "reason for " + e.getKey() + ": " + lines.get(0));
        }
        assertTrue(first.out().contains("7 failed") || (!lockedReadable && first.out().contains("8 failed")), first.out());
        // the directory loop (sub/back-to-corpus -> ..) is no error, and no file is read twice through it
        assertFalse(first.err().contains("back-to-corpus"), first.err());
        assertTrue(first.out().contains(lockedReadable ? "(11 built" : "(10 built"), first.out());
    }

    @Test
    void goodFilesAreNotReportedAsFailures() {
        for (String good : List.of("000_9041f48a740ce000.txt", "latin1.txt", "utf16.txt", "bom.md", "scripted.html",
                "nodate.txt", "same-lines.txt", "Pressemitteilung Köln – März 2021.txt", "copy-a.txt", "copy-b.txt", "bidi.txt")) {
            assertFalse(first.err().lines().anyMatch(l -> l.startsWith("pharmakg: cannot read " + corpus.resolve(good))),
                    good + " reported as failed:\n" + first.err());
        }
    }

    @Test
    void goodFilesAreStoredAndDecodedCorrectly() {
        Map<String, String> texts = texts();
        assertTrue(texts.get("latin1.txt").contains("Société Générale Biologique"), texts.get("latin1.txt"));
        assertTrue(texts.get("utf16.txt").contains("Zürcher Antikörper AG"), texts.get("utf16.txt"));
        assertTrue(texts.get("bom.md").contains("Bomtech Therapeutics") && !texts.get("bom.md").contains("\uFEFF"));
        String html = texts.get("scripted.html");
        assertTrue(html.contains("Htmlgen Biosciences"), html);
        for (String hidden : List.of("trackingPixel", "injectedByScript", "analytics", "color: red", "EVIL-999")) {
            assertFalse(html.contains(hidden), "script/style text kept: " + hidden);
        }
        assertTrue(texts.get("Pressemitteilung Köln – März 2021.txt").contains("Kölner Pharma GmbH"));
        assertTrue(texts.containsKey("000_9041f48a740ce000.txt"));
        assertTrue(texts.containsKey("same-lines.txt"));
        assertTrue(texts.containsKey("nodate.txt"));
        // root reads a mode-000 folder; anyone else gets it reported
        assertEquals(lockedReadable, texts.containsKey("hidden.txt"));
        if (!lockedReadable) assertTrue(first.err().contains(locked.toString()), first.err());
    }

    @Test
    void theUndatedReleaseIsStoredWithoutADate() {
        try (KgStore s = KgStore.open(store)) {
            Node doc = Vocab.document("nodate");
            assertTrue(Txn.calculateRead(s.dataset(), () -> s.dataset().contains(Node.ANY, doc, Vocab.HEADLINE, Node.ANY)));
            assertFalse(Txn.calculateRead(s.dataset(), () -> s.dataset().contains(Node.ANY, doc, Vocab.RELEASE_DATE, Node.ANY)));
        }
    }

    @Test
    void identicalFilesAreStoredOnce() {
        Map<String, String> texts = texts();
        assertTrue(texts.containsKey("copy-a.txt"));
        assertFalse(texts.containsKey("copy-b.txt"), "a copy is stored twice");
        assertTrue(first.err().lines().anyMatch(l -> l.contains("copy-b.txt") && l.contains("same content as")), first.err());
    }

    @Test
    void theStoreStillValidates() {
        Run v = RobustnessSupport.cli("validate", "--store", store.toString());
        assertEquals(Main.OK, v.code(), v.out());
    }

    @Test
    void aSecondBuildReportsTheSameFilesAndChangesNothing() {
        List<String> before = RobustnessSupport.stableQuads(store);
        Run again = RobustnessSupport.cli("build", "--store", store.toString(), corpus.toString());
        assertEquals(Main.FAILED, again.code());
        assertEquals(failureLines(first.err()), failureLines(again.err()));
        assertEquals(before, RobustnessSupport.stableQuads(store));
    }

    /** Issue 16, item 10: FIFOs and devices given by name are reported and skipped; the build ends and keeps the store. */
    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)   // a hang guard (a FIFO used to block the build for ever), not a speed assertion
    void specialFilesGivenByNameAreReportedAndTheStoreKeepsWhatItHad() throws Exception {
        List<String> before = RobustnessSupport.stableQuads(store);
        Path fifo = org.pharmakg.ingest.DocumentFinderTestAccess.mkfifo(tmp.resolve("named-pipe.txt"));
        Run r = RobustnessSupport.cli("build", "--store", store.toString(), "--threads", "2",
                corpus.resolve("000_9041f48a740ce000.txt").toString(), fifo.toString(), "/dev/zero", "/dev/urandom");
        assertEquals(Main.FAILED, r.code(), r.err());
        for (String p : List.of(fifo.toString(), "/dev/zero", "/dev/urandom")) {
            List<String> lines = r.err().lines().filter(l -> l.startsWith("pharmakg: cannot read " + p + ": not a regular file")).toList();
            assertEquals(1, lines.size(), p + ":\n" + r.err());
        }
        assertFalse(r.err().contains("OutOfMemoryError") || r.err().contains("unexpected error"), r.err());
        assertTrue(r.out().contains("3 failed"), r.out());
        assertEquals(before, RobustnessSupport.stableQuads(store));
    }

    /** Issue 16, low: zero-width and bidirectional controls never reach a label, and offsets stay offsets. */
    @Test
    void invisibleControlsAreCleanedOutOfTextsAndLabels() {
        String text = texts().get("bidi.txt");
        assertEquals(BIDI.length(), text.length(), "cleaning must keep the length (offsets)");
        assertTrue(text.contains(" Trickbio  Therapeutics "), text);
        try (KgStore s = KgStore.open(store)) {
            List<String> dirty = Txn.calculateRead(s.dataset(), () -> {
                List<String> out = new ArrayList<>();
                s.dataset().find().forEachRemaining(q -> {
                    Node o = q.getObject();
                    String v = o.isLiteral() ? o.getLiteralLexicalForm() : o.isURI() ? o.getURI() : "";
                    if (v.chars().anyMatch(c -> org.pharmakg.ingest.DocumentFinderTestAccess.invisible((char) c))) out.add(q.toString());
                });
                return out;
            });
            assertTrue(dirty.isEmpty(), dirty.toString());
            // the release was read and its company found under the visible name
            boolean found = Txn.calculateRead(s.dataset(), () -> {
                boolean[] hit = {false};
                s.dataset().find(Vocab.ENTITIES_GRAPH, Node.ANY, Vocab.LABEL, Node.ANY)
                        .forEachRemaining(q -> hit[0] |= q.getObject().getLiteralLexicalForm().startsWith("Trickbio"));
                return hit[0];
            });
            assertTrue(found, "no entity label from bidi.txt: " + text);
        }
    }

    static List<String> failureLines(String err) {
        return err.lines().filter(l -> l.startsWith("pharmakg: cannot read")).sorted().toList();
    }

    /** kg:text of every stored press release, by source file name. */
    static Map<String, String> texts() {
        try (KgStore s = KgStore.open(store)) {
            return Txn.calculateRead(s.dataset(), () -> {
                Map<String, String> out = new TreeMap<>();
                List<Node> docs = new ArrayList<>();
                s.dataset().find(Node.ANY, Node.ANY, Vocab.TYPE, Vocab.PRESS_RELEASE).forEachRemaining(q -> docs.add(q.getSubject()));
                for (Node d : docs) {
                    String file = s.dataset().find(Node.ANY, d, Vocab.SOURCE_FILE, Node.ANY).next().getObject().getLiteralLexicalForm();
                    String text = s.dataset().find(Node.ANY, d, Vocab.TEXT, Node.ANY).next().getObject().getLiteralLexicalForm();
                    out.put(Path.of(file).getFileName().toString(), text);
                }
                return out;
            });
        }
    }
}
