package org.pharmakg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** robots.txt as RFC 9309 reads it, for the crawler pharmakg. */
class RobotsTest {

    private static Robots parse(String text) {
        return Robots.parse(text, "pharmakg");
    }

    @Test
    void theLongestMatchWinsAndAllowWinsATie() {
        Robots r = parse("User-agent: *\nDisallow: /news/\nAllow: /news/public/\nAllow: /page\nDisallow: /page\n");
        assertFalse(r.allows("/news/2013/a.html"));
        assertEquals(new Robots.Rule(false, "/news/"), r.decisive("/news/2013/a.html"));
        assertTrue(r.allows("/news/public/a.html"));
        assertEquals(new Robots.Rule(true, "/news/public/"), r.decisive("/news/public/a.html"));
        assertTrue(r.allows("/page.html"), "allow and disallow of the same length: allow");
        assertTrue(r.allows("/about"));
        assertNull(r.decisive("/about"));
        assertTrue(r.allows("/news"), "a prefix of the rule is not matched by it");
    }

    @Test
    void wildcardsAndTheEndAnchor() {
        Robots r = parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*/print\nDisallow: /search?q=\n");
        assertFalse(r.allows("/files/report.pdf"));
        assertTrue(r.allows("/files/report.pdf?download=1"), "$ anchors the end");
        assertTrue(r.allows("/files/report.pdfx"));
        assertFalse(r.allows("/news/2013/print/a.html"));
        assertTrue(r.allows("/print"), "/*/print needs a segment before");
        assertFalse(r.allows("/search?q=cancer"), "the query is part of what is matched");
        assertTrue(r.allows("/search"));
    }

    @Test
    void ourGroupBeatsTheStarGroupAndGroupsNamingUsAreMerged() {
        String text = """
                # comments and other records do not end a group
                User-agent: *
                Disallow: /

                User-Agent: PharmaKG/1.0
                Disallow: /private/
                Sitemap: https://example.com/sitemap.xml
                Disallow: /drafts/

                User-agent: otherbot
                User-agent: pharmakg
                Allow: /private/press/
                Crawl-delay: 2.5

                User-agent: otherbot
                Disallow: /news/
                Crawl-delay: 60
                """;
        Robots r = parse(text);
        assertTrue(r.allows("/news/a.html"), "the * group's Disallow: / does not apply when a group names pharmakg");
        assertFalse(r.allows("/private/x"));
        assertFalse(r.allows("/drafts/x"), "a Sitemap line does not end the group");
        assertTrue(r.allows("/private/press/x"), "a group with several user-agent lines naming pharmakg is ours");
        assertEquals(Duration.ofMillis(2500), r.crawlDelay(), "our Crawl-delay, not otherbot's");
        // another crawler gets the * group
        assertFalse(Robots.parse(text, "somebot").allows("/news/a.html"));
    }

    @Test
    void nothingThatAppliesAllowsEverything() {
        assertTrue(parse("User-agent: otherbot\nDisallow: /\n").allows("/a"));
        assertTrue(parse("User-agent: *\nDisallow:\n").allows("/a"), "an empty Disallow is no rule");
        assertTrue(parse("").allows("/a"));
        assertTrue(parse("<html>not found</html>").allows("/a"));
        assertTrue(parse("User-agent: pharmakg\nUser-agent: otherbot\nDisallow: /x\n\nUser-agent: *\nDisallow: /\n").allows("/a"),
                "a group naming us without a rule for the path allows it, whatever * says");
        assertFalse(parse("User-agent: pharmakg\n\nUser-agent: *\nDisallow: /\n").allows("/a"),
                "consecutive user-agent lines are one group, blank line between or not (RFC 9309 2.1)");
        assertEquals(Duration.ZERO, parse("User-agent: *\nCrawl-delay: soon\n").crawlDelay());
        assertFalse(Robots.DISALLOW_ALL.allows("/a"));
        assertTrue(Robots.DISALLOW_ALL.allows("/robots.txt"), "robots.txt itself is always allowed");
    }

    @Test
    void pathsAndPatternsCompareByTheirPercentEncoding() {
        Robots r = parse("User-agent: *\r\nDisallow: /médicaments/\r\nDisallow: /a%2fb\r\n");
        assertFalse(r.allows("/m%C3%A9dicaments/x"), "a UTF-8 pattern matches the encoded path");
        assertFalse(r.allows("/a%2Fb"), "escapes compare without regard to case");
        assertTrue(r.allows("/medicaments/x"));
    }

    @Test
    void aHostilePatternDoesNotTakeLong() {
        Robots r = parse("User-agent: *\nDisallow: /" + "*a".repeat(40) + "b\n");
        String path = "/" + "a".repeat(5000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertTrue(r.allows(path)));
    }
}
