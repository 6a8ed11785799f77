package org.pharmakg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved pages, PDFs and EDGAR filings of a seed release read as the same release; bad ones refused by name. */
class FormatsTest {
    private static final ReleaseFixtures.Seed SEED = ReleaseFixtures.seed("000_9041f48a740ce000.txt");
    private static final List<String> FURNITURE = List.of("cookies", "Accept all", "Markets", "Related news", "Pfizer",
            "Merck", "Onyx", "Pharmasset", "Privacy Policy", "Tweet", "LinkedIn", "All rights reserved", "Page 1 of",
            "ir-site.example", "Exhibit 99.1", "FORM 8-K");

    @TempDir Path dir;
    private final PressReleaseReader reader = new PressReleaseReader();

    private static String flat(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private void assertSameRelease(PressRelease pr) {
        String text = flat(pr.text());
        for (String p : SEED.paragraphs()) {
            assertTrue(text.contains(flat(p)), pr.source() + " lost the paragraph: " + p + "\n--- text:\n" + pr.text());
        }
        for (String f : FURNITURE) {
            assertFalse(pr.text().contains(f), pr.source() + " kept furniture '" + f + "':\n" + pr.text());
        }
        assertEquals(SEED.headline(), pr.headline());
        assertEquals(SEED.published(), pr.published());
        assertEquals("ImmunoGen, Inc.", pr.issuerHint());
        // offsets index into the stored text
        int at = pr.text().indexOf("Morgan Stanley");
        assertTrue(at > 0);
        assertTrue(pr.isNlpRelevant(at));
    }

    @Test
    void savedPagesKeepTheReleaseAndDropTheFurniture() throws IOException {
        for (int v = 0; v < 5; v++) {
            Path p = dir.resolve("page" + v + ".html");
            Files.writeString(p, ReleaseFixtures.page(SEED, v), StandardCharsets.UTF_8);
            PressRelease pr = reader.read(p);
            assertSameRelease(pr);
            assertTrue(pr.url().startsWith("https://"), pr.url());
        }
    }

    @Test
    void pageMetadataGivesHeadlineAndDate() throws IOException {
        Path p = dir.resolve("meta.htm");
        Files.writeString(p, "<html><head><title>Velora Starts Phase 2 Study of VX-12 | Velora News</title>"
                + "<script type=\"application/ld+json\">{\"datePublished\": \"2014-03-05T07:00:00-05:00\"}</script></head><body>"
                + "<div class=\"nav\"><a href=\"/\">Home</a> <a href=\"/a\">About</a></div><div id=\"content\">"
                + "<p>BOSTON--Velora Therapeutics, Inc. (Nasdaq: VLRA) today said that its VX-12 compound, an antibody, entered a "
                + "Phase 2 study in patients with gastric cancer, with first results expected next year.</p></div></body></html>");
        PressRelease pr = reader.read(p);
        assertEquals("Velora Starts Phase 2 Study of VX-12", pr.headline());
        assertEquals(java.time.LocalDate.of(2014, 3, 5), pr.published());
        assertTrue(pr.text().startsWith("Velora Starts Phase 2 Study of VX-12\n\nBOSTON--Velora"), pr.text());
        assertFalse(pr.text().contains("Home"));
    }

    @Test
    void twoPagePdfReadsInOrderWithoutHeadersAndFooters() throws IOException {
        byte[] pdf = ReleaseFixtures.pdf(SEED);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertEquals(2, doc.getNumberOfPages(), "the fixture is a two-page PDF");
        }
        Path p = Files.write(dir.resolve("release.pdf"), pdf);
        PressRelease pr = reader.read(p);
        assertSameRelease(pr);
        assertTrue(pr.text().indexOf("Morgan Stanley") < pr.text().indexOf("About ImmunoGen"), "reading order");
    }

    @Test
    void encryptedAndImageOnlyPdfsAreRefusedByName() throws IOException {
        Path enc = Files.write(dir.resolve("locked.pdf"), ReleaseFixtures.encryptedPdf(SEED));
        IngestException e = assertThrows(IngestException.class, () -> reader.read(enc));
        assertTrue(e.getMessage().startsWith("cannot read " + enc + ": encrypted PDF"), e.getMessage());

        Path scan = Files.write(dir.resolve("scan.pdf"), ReleaseFixtures.imageOnlyPdf());
        e = assertThrows(IngestException.class, () -> reader.read(scan));
        assertTrue(e.getMessage().startsWith("cannot read " + scan + ": no text layer"), e.getMessage());

        Path fake = Files.writeString(dir.resolve("fake.pdf"), "just text");
        e = assertThrows(IngestException.class, () -> reader.read(fake));
        assertTrue(e.reason().startsWith("not a PDF"), e.getMessage());
    }

    @Test
    void edgarSubmissionGivesTheExhibitAndTheFiler() throws IOException {
        Path p = Files.writeString(dir.resolve("0001193125-12-300001.txt"),
                ReleaseFixtures.edgar(SEED, "IMMUNOGEN INC", "855654"));
        PressRelease pr = reader.read(p);
        assertSameRelease(pr);
        assertEquals(new PressRelease.Filer("IMMUNOGEN INC", "0000855654"), pr.filer());

        Path none = Files.writeString(dir.resolve("10q.txt"), "<SEC-DOCUMENT>x\n<SEC-HEADER>\nCENTRAL INDEX KEY: 1\n</SEC-HEADER>\n"
                + "<DOCUMENT>\n<TYPE>10-Q\n<TEXT>\nQuarterly report.\n</TEXT>\n</DOCUMENT>\n");
        IngestException e = assertThrows(IngestException.class, () -> reader.read(none));
        assertEquals("an SEC filing without a press release exhibit (EX-99.x; it has 10-Q)", e.reason());
    }

    @Test
    void releaseNotInEnglishIsRefusedNamingTheLanguage() throws IOException {
        Path p = Files.writeString(dir.resolve("de.txt"), "Velora gibt Start der Phase-2-Studie bekannt\n\n"
                + "BERLIN -- Die Velora AG hat heute bekannt gegeben, dass die erste Patientin in der Studie mit dem "
                + "Wirkstoff VX-12 behandelt wurde. Die Studie wird in Deutschland und in der Schweiz durchgeführt und ist "
                + "auf zwei Jahre angelegt. Der Vorstand der Gesellschaft erwartet die ersten Ergebnisse im Herbst, sagte ein "
                + "Sprecher des Unternehmens, das sich auf die Entwicklung von Antikörpern für die Behandlung von Krebs "
                + "spezialisiert hat.\n");
        IngestException e = assertThrows(IngestException.class, () -> reader.read(p));
        assertEquals("cannot read " + p + ": not in English (it looks like German); pharmakg reads English releases only;"
                + " leave it out or pass a translation", e.getMessage());
        assertEquals("English", Language.guess(SEED.text()));
        assertNull(Language.guess("Kurz und gut."));
    }
}
