package org.pharmakg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The fetcher against a local site's robots.txt: read once per run, rules and Crawl-delay honoured, 404 and 5xx as RFC 9309 says. */
class RobotsFetchTest {

    private static Fetcher fetcher() {
        return Fetcher.builder().delay(Duration.ofMillis(20)).timeout(Duration.ofSeconds(2)).tries(2)
                .backoff(Duration.ofMillis(50)).build();
    }

    @Test
    void disallowedPagesAreRefusedByNameAndCrawlDelayIsALowerBound() throws Exception {
        try (LocalSite site = LocalSite.start(); Fetcher f = fetcher()) {
            String base = site.base();
            site.put("/robots.txt", "User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\nAllow: /private/press/\nCrawl-delay: 0.6\n");
            site.put("/news/a.html", "<p>a</p>").put("/private/b.html", "<p>b</p>").put("/private/press/c.html", "<p>c</p>");
            site.redirect("/go", "/private/b.html");

            assertEquals(200, f.get(base + "/news/a.html", null, null).status());
            FetchException e = assertThrows(FetchException.class, () -> f.get(base + "/private/b.html", null, null));
            assertEquals("cannot fetch " + base + "/private/b.html: " + base + "/robots.txt disallows it (Disallow: /private/); "
                    + "skipped; the site asks crawlers to leave it alone", e.getMessage());
            FetchException viaRedirect = assertThrows(FetchException.class, () -> f.get(base + "/go", null, null));
            assertTrue(viaRedirect.getMessage().startsWith("cannot fetch " + base + "/go: " + base + "/robots.txt disallows "
                    + base + "/private/b.html (Disallow: /private/)"), viaRedirect.getMessage());
            assertEquals(200, f.get(base + "/private/press/c.html", null, null).status(), "the longer Allow wins");

            assertEquals(1, site.hits("/robots.txt"), "robots.txt is read once per run");
            assertEquals(0, site.hits("/private/b.html"));
            List<LocalSite.Request> reqs = site.requests();
            assertEquals(List.of("/robots.txt", "/news/a.html", "/go", "/private/press/c.html"),
                    reqs.stream().map(LocalSite.Request::path).toList());
            assertTrue(reqs.stream().allMatch(r -> r.userAgent().startsWith("pharmakg/")), reqs.toString());
            // the fetcher's own pause is 20 ms; from robots.txt on, Crawl-delay's 0.6 s (measured as requests arrive, so less the first one's connection set-up)
            for (int i = 1; i < reqs.size(); i++) {
                long gapMillis = (reqs.get(i).nanos() - reqs.get(i - 1).nanos()) / 1_000_000;
                assertTrue(gapMillis >= 450, "only " + gapMillis + " ms between " + reqs.get(i - 1).path() + " and " + reqs.get(i).path());
            }
        }
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() throws Exception {
        try (LocalSite site = LocalSite.start(); Fetcher f = fetcher()) {
            site.put("/private/b.html", "<p>b</p>");
            assertEquals(200, f.get(site.base() + "/private/b.html", null, null).status());
            assertEquals(200, f.get(site.base() + "/private/b.html", null, null).status());
            assertEquals(1, site.hits("/robots.txt"));
            assertEquals(2, site.hits("/private/b.html"));
        }
    }

    @Test
    void aServerErrorOnRobotsTxtMeansNothingOnTheSiteIsFetched() throws Exception {
        try (LocalSite site = LocalSite.start(); Fetcher f = fetcher()) {
            String base = site.base();
            site.status("/robots.txt", 503).put("/news/a.html", "<p>a</p>");
            for (int i = 0; i < 2; i++) {
                FetchException e = assertThrows(FetchException.class, () -> f.get(base + "/news/a.html", null, null));
                assertEquals("cannot fetch " + base + "/news/a.html: " + base + "/robots.txt could not be read (HTTP 503 after 2 tries), "
                        + "which means nothing on the site may be fetched (RFC 9309); skipped; try again later", e.getMessage());
            }
            assertEquals(0, site.hits("/news/a.html"));
            assertEquals(2, site.hits("/robots.txt"), "one retry, then remembered for the run");
        }
    }
}
