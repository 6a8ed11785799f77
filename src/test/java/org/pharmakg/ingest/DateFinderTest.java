package org.pharmakg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DateFinderTest {

    private static LocalDate strong(String text) {
        DateFinder.Found f = DateFinder.find(text);
        assertTrue(f != null && f.strong(), "no strong date in: " + text);
        return f.date();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "## July 11, 2012\\n\\n## Headline|2012-07-11",
        "\\n\\nDecember 3, 2012\\n\\nHeadline here|2012-12-03",
        "Headline\\n\\nWALTHAM, Mass.--(BUSINESS WIRE)--Nov. 17, 2009-- ImmunoGen said|2009-11-17",
        "Headline\\n\\nWALTHAM, Mass., Jan. 27, 2012 (GLOBE NEWSWIRE) -- ImmunoGen, Inc. said|2012-01-27",
        "Headline\\n\\nBOULDER, Colo., July 2, 2013 /PRNewswire/ -- Array BioPharma Inc. said|2013-07-02",
        "Headline\\n\\nSOUTH SAN FRANCISCO, Calif. -- February 22, 2013\\n\\nGenentech said|2013-02-22",
        "Headline\\n\\nWALTHAM, MA, March 30, 2012 – ImmunoGen, Inc. today said|2012-03-30",
        "Headline\\n\\nBOSTON, Sept. 5, 2012 -- Acme said|2012-09-05",
        "Headline\\n\\nLONDON, 3 December 2012 -- Acme plc said|2012-12-03",
        "2012-03-30\\nHeadline|2012-03-30",
        "Headline\\n\\nTOKYO--2014-06-01--Takeda said|2014-06-01",
        "Monday, December 3, 2012\\nHeadline|2012-12-03",
    })
    void datelineForms(String text, String expected) {
        // the reader looks for dates in the cleaned text, so clean first as it does
        assertEquals(LocalDate.parse(expected), strong(TextCleaner.clean(text.replace("\\n", "\n"), false)));
    }

    @Test
    void eventDatesInSentencesAreNotTheReleaseDate() {
        String text = "Acme to Host Call\n\nThe Company will host a conference call at 8:00 a.m. ET on Friday, "
                + "January 27, 2012, to discuss results. Data were presented on March 3, 2011 -- and more.";
        assertNull(DateFinder.find(text));
    }

    @Test
    void datelineDateWinsOverEarlierEventDate() {
        String text = "Acme Announces Call on January 27, 2012\n\n"
                + "WALTHAM, Mass.--(BUSINESS WIRE)--Jan. 18, 2012-- Acme will host a call on January 27, 2012.";
        assertEquals(LocalDate.of(2012, 1, 18), strong(text));
    }

    @Test
    void weakDateIsMarkedWeak() {
        DateFinder.Found f = DateFinder.find("Results of the Study: March 5, 2013\n\nBody text.");
        assertEquals(LocalDate.of(2013, 3, 5), f.date());
        assertFalse(f.strong());
    }

    @Test
    void datesPastTheWindowAreIgnored() {
        assertNull(DateFinder.find("x".repeat(DateFinder.WINDOW + 10) + "\nDecember 3, 2012\n"));
    }

    @Test
    void impossibleDatesAreNoDates() {
        assertNull(DateFinder.dateOnly("February 30, 2012"));
        assertEquals(LocalDate.of(2012, 2, 29), DateFinder.dateOnly("Feb. 29, 2012"));
        assertNull(DateFinder.dateOnly("December 3, 2012 was a Monday"));
    }
}
