package org.pharmakg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SectionsTest {

    private final PressReleaseReader reader = new PressReleaseReader(ReaderOptions.defaults());

    private static Section sectionOf(PressRelease pr, String phrase) {
        int at = pr.text().indexOf(phrase);
        assertTrue(at >= 0, "phrase not in text: " + phrase);
        Section s = pr.sectionAt(at);
        assertNotNull(s, "no section at " + phrase);
        return s;
    }

    /** Sections are in order, do not overlap, and only whitespace lies outside them. */
    static void assertTiles(PressRelease pr) {
        int previousEnd = 0;
        for (Section s : pr.sections()) {
            assertTrue(s.start() >= previousEnd, "overlap at " + s);
            assertTrue(pr.text().substring(previousEnd, s.start()).isBlank(), "uncovered text before " + s);
            assertFalse(Character.isWhitespace(pr.text().charAt(s.start())), "section starts on whitespace " + s);
            previousEnd = s.end();
        }
        assertTrue(pr.text().substring(previousEnd).isBlank(), "uncovered text at the end");
    }

    @Test
    void seed004() {
        PressRelease pr = reader.read(PressReleaseReaderTest.seed("004_db42ac11690627de.txt"));
        assertTiles(pr);
        Section headline = sectionOf(pr, "ImmunoGen, Inc. Reports Second Quarter");
        assertEquals(SectionKind.HEADLINE, headline.kind());
        assertEquals(pr.headline(), pr.text().substring(headline.start(), headline.end()));

        assertEquals(SectionKind.BODY, sectionOf(pr, "today reported financial results").kind());
        Section fls = sectionOf(pr, "This press release includes forward-looking statements");
        assertEquals(SectionKind.FORWARD_LOOKING, fls.kind());
        assertEquals(SectionKind.FORWARD_LOOKING, sectionOf(pr, "Annual Report on Form 10-K").kind());

        for (String cell : List.of("-Financials Follow-", "CONDENSED CONSOLIDATED BALANCE SHEETS", "Total assets",
                "LIABILITIES AND SHAREHOLDERS' EQUITY", "Total revenues", "Weighted average common shares")) {
            assertEquals(SectionKind.FINANCIAL_TABLE, sectionOf(pr, cell).kind(), cell);
        }
        Section about = sectionOf(pr, "About ImmunoGen, Inc.");
        assertEquals(SectionKind.ABOUT, about.kind());
        assertEquals("About ImmunoGen, Inc.", about.title());
        assertEquals(about, sectionOf(pr, "ImmunoGen, Inc. develops targeted anticancer therapeutics"),
                "the paragraph after the heading belongs to it");

        Section tm = sectionOf(pr, "Rituxan® is a registered trademark of Biogen Idec.");
        assertEquals(SectionKind.TRADEMARK, tm.kind());
        assertEquals("Rituxan® is a registered trademark of Biogen Idec.", pr.text().substring(tm.start(), tm.end()));

        assertEquals(SectionKind.CONTACT, sectionOf(pr, "CONTACT: For Investors:").kind());
        assertEquals(SectionKind.CONTACT, sectionOf(pr, "The Yates Network").kind());
        assertEquals(SectionKind.CONTACT, sectionOf(pr, "(781) 258-6153").kind());

        assertTrue(pr.isNlpRelevant(pr.text().indexOf("today reported financial results")));
        assertTrue(pr.isNlpRelevant(pr.text().indexOf("Rituxan®")));
        assertFalse(pr.isNlpRelevant(pr.text().indexOf("Total revenues")));
        assertFalse(pr.isNlpRelevant(fls.start()));
        assertFalse(pr.isNlpRelevant(pr.text().indexOf("info@immunogen.com")));
    }

    @Test
    void contactsSourceAndNewsProvidedBy() {
        PressRelease pr = reader.read(PressReleaseReaderTest.seed("001_8de427df72a8a915.txt"));
        assertTiles(pr);
        assertEquals(SectionKind.BOILERPLATE, sectionOf(pr, "December 3, 2012").kind());
        for (String s : List.of("For Investors:", "Carol Hausner", "For Media:", "Source: ImmunoGen, Inc.",
                "News Provided by Acquire Media")) {
            assertEquals(SectionKind.CONTACT, sectionOf(pr, s).kind(), s);
        }
        assertEquals("About IMGN901", sectionOf(pr, "IMGN901 is wholly owned").title());
        assertEquals(SectionKind.BODY, sectionOf(pr, "IMGN901 Oral Presentation").kind());
        assertEquals("IMGN901 Oral Presentation", sectionOf(pr, "IMGN901 Oral Presentation").title());
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_9041f48a740ce000.txt", "001_8de427df72a8a915.txt", "002_e88741968b13db48.txt",
        "003_e56de71c621f04e8.txt", "004_db42ac11690627de.txt"})
    void everySeedTilesAndEndsInContacts(String file) {
        PressRelease pr = reader.read(PressReleaseReaderTest.seed(file));
        assertTiles(pr);
        assertEquals(SectionKind.HEADLINE, pr.sections().stream()
                .filter(s -> s.kind() != SectionKind.BOILERPLATE).findFirst().orElseThrow().kind());
        assertEquals(SectionKind.CONTACT, pr.sections().get(pr.sections().size() - 1).kind());
        assertTrue(pr.sections().stream().anyMatch(s -> s.kind() == SectionKind.ABOUT));
    }

    @Test
    void trademarkBoilerplateAndForwardLookingHeading(@TempDir Path dir) throws IOException {
        String text = "Array BioPharma Initiates Study\n\n"
                + "Staying up-to-date has never been simpler. Sign up for the free GenePool newsletter today!\n\n"
                + "BOULDER, Colo., July 2, 2013 /PRNewswire/ -- Array BioPharma Inc. (NASDAQ: ARRY) announced a start.\n\n"
                + "(Logo: http://photos.prnewswire.com/prnh/20121029/LA02195LOGO)\n\n"
                + "The study is large.\n\n"
                + "Kadcyla™ is a trademark of Genentech.\n\n"
                + "Forward-Looking Statements\n\n"
                + "This release has statements about the future.\n\n"
                + "They may differ.\n\n"
                + "Media Contact\nJane Doe\n+1 303 381 6600\n\n"
                + "SOURCE Array BioPharma Inc.\n";
        Path p = dir.resolve("array.txt");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        PressRelease pr = reader.read(p);
        assertTiles(pr);
        assertEquals(SectionKind.BOILERPLATE, sectionOf(pr, "Sign up for").kind());
        assertEquals(SectionKind.BOILERPLATE, sectionOf(pr, "(Logo:").kind());
        assertEquals(SectionKind.BODY, sectionOf(pr, "The study is large.").kind());
        assertEquals(SectionKind.TRADEMARK, sectionOf(pr, "Kadcyla™").kind());
        Section fls = sectionOf(pr, "They may differ.");
        assertEquals(SectionKind.FORWARD_LOOKING, fls.kind());
        assertEquals("Forward-Looking Statements", fls.title());
        assertEquals(SectionKind.CONTACT, sectionOf(pr, "Jane Doe").kind());
        assertEquals(SectionKind.CONTACT, sectionOf(pr, "SOURCE Array").kind());
        assertEquals("Array BioPharma Inc.", pr.issuerHint());
    }

    @Test
    void hardWrappedParagraphsStayTogether(@TempDir Path dir) throws IOException {
        String line = "Genentech, a member of the Roche Group (SIX: RO, ROG; OTCQX: RHHBY), today\n";
        String text = "  FDA Approves Genentech's Kadcyla (Ado-Trastuzumab Emtansine), the First\n"
                + "  Antibody-Drug Conjugate for Treating HER2-Positive Metastatic Breast Cancer\n\n"
                + "Business Wire\n\nSOUTH SAN FRANCISCO, Calif. -- February 22, 2013\n\n"
                + line + "announced that the U.S. Food and Drug Administration (FDA) has approved\n"
                + "Kadcyla for the treatment of people with HER2-positive metastatic breast\n"
                + "cancer (mBC) who have received prior treatment with Herceptin and a taxane.\n";
        Path p = dir.resolve("wrapped.txt");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        PressRelease pr = reader.read(p);
        assertTiles(pr);
        assertEquals("FDA Approves Genentech's Kadcyla (Ado-Trastuzumab Emtansine), the First Antibody-Drug "
                + "Conjugate for Treating HER2-Positive Metastatic Breast Cancer", pr.headline());
        assertEquals(SectionKind.HEADLINE, sectionOf(pr, "Antibody-Drug Conjugate for Treating").kind());
        assertEquals(SectionKind.BOILERPLATE, sectionOf(pr, "Business Wire").kind());
        assertEquals(sectionOf(pr, "Genentech, a member"), sectionOf(pr, "who have received"));
        assertEquals("Genentech", pr.issuerHint());
        assertEquals(java.time.LocalDate.of(2013, 2, 22), pr.published());
    }
}
