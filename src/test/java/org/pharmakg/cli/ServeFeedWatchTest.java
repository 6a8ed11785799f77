package org.pharmakg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.RobustnessSupport;
import org.pharmakg.ingest.LocalSite;
import org.pharmakg.ingest.ReleaseFixtures;

/**
 * {@code pharmakg serve --watch-feed URL} in a child JVM (real TDB2, Fuseki and CoreNLP), reading an Atom feed of a
 * local site every 2 s: after the first cycle the feed's releases answer on the running endpoint; a cycle with
 * nothing new asks for the feed only (no page); a new item in the feed is fetched and built, and only it.
 */
class ServeFeedWatchTest {
    private static final String URLS = "SELECT ?u WHERE { GRAPH ?g { ?d <https://w3id.org/pharmakg/ontology#sourceUrl> ?u } } ORDER BY ?u";

    @Test
    void watchedFeedItemsAppearWhileServingAndNothingNewFetchesNoPage(@TempDir Path tmp) throws Exception {
        try (LocalSite site = LocalSite.start()) {
            String base = site.base();
            site.put("/news/offering.html", ReleaseFixtures.page(ReleaseFixtures.seed("000_9041f48a740ce000.txt"), 0));
            site.put("/news/call.html", ReleaseFixtures.page(ReleaseFixtures.seed("002_e88741968b13db48.txt"), 2));
            site.put("/feed.xml", LocalSite.atom(base + "/news/offering.html", "/news/call.html"));

            Process child = RobustnessSupport.childCli("serve", "--store", tmp.resolve("store").toString(), "--port", "0",
                    "--watch-feed", base + "/feed.xml", "--feed-seconds", "2").start();
            List<String> output = ServeWatchTest.output(child);
            try {
                String endpoint = ServeWatchTest.awaitBase(output, child);
                awaitOutput(output, "feed:     " + base + "/feed.xml (new items built every 2 s)", 10);

                // first cycle: both items fetched, built and queryable on the running endpoint
                awaitCount(endpoint, 2, 180);
                assertEquals(List.of(base + "/news/call.html", base + "/news/offering.html"), ServeWatchTest.values(endpoint, URLS));
                assertEquals("ImmunoGen", ServeWatchTest.select(endpoint, "SELECT ?l WHERE { ?e a <https://w3id.org/pharmakg/ontology#Company> ; "
                        + "<http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(?l = \"ImmunoGen\") }"));

                // a cycle with nothing new: the feed is asked for (304), no page is
                int mark = site.requests().size();
                int feedHits = site.hits("/feed.xml");
                awaitHits(site, "/feed.xml", feedHits + 2, 60);   // the cycle before the last one has finished
                List<String> since = paths(site, mark);
                assertTrue(since.stream().allMatch("/feed.xml"::equals), "requests of cycles with nothing new: " + since);
                assertEquals(1, site.hits("/news/offering.html"));
                assertEquals(1, site.hits("/news/call.html"));

                // a new item: only its page is fetched, and it is added to what was there
                site.put("/news/q4.html", ReleaseFixtures.page(ReleaseFixtures.seed("003_e56de71c621f04e8.txt"), 3));
                mark = site.requests().size();
                site.put("/feed.xml", LocalSite.atom(base + "/news/offering.html", "/news/call.html", "/news/q4.html"));
                awaitCount(endpoint, 3, 120);
                assertEquals(List.of(base + "/news/call.html", base + "/news/offering.html", base + "/news/q4.html"),
                        ServeWatchTest.values(endpoint, URLS));
                assertEquals(1, site.hits("/news/q4.html"));
                assertEquals(1, site.hits("/news/offering.html"));
                assertEquals(1, site.hits("/news/call.html"));
                assertTrue(paths(site, mark).stream().allMatch(p -> p.equals("/feed.xml") || p.equals("/news/q4.html")),
                        paths(site, mark).toString());
                awaitOutput(output, "feed " + base + "/feed.xml: 3 items, 1 fetched, 2 unchanged, 0 failed", 60);
            } finally {
                child.destroy();
                if (!child.waitFor(30, TimeUnit.SECONDS)) child.destroyForcibly().waitFor();
                synchronized (output) {
                    System.err.println("serve --watch-feed output:\n  " + String.join("\n  ", output));
                }
            }
            var v = RobustnessSupport.cli("validate", "--store", tmp.resolve("store").toString());
            assertEquals(Main.OK, v.code(), v.out());
        }
    }

    private static void awaitCount(String endpoint, int n, int seconds) throws Exception {
        ServeWatchTest.awaitValue(endpoint, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g { ?d <https://w3id.org/pharmakg/ontology#sourceUrl> ?u } }",
                String.valueOf(n)::equals, seconds);
    }

    private static void awaitHits(LocalSite site, String path, int n, int seconds) throws InterruptedException {
        long end = System.currentTimeMillis() + seconds * 1000L;
        while (site.hits(path) < n) {
            if (System.currentTimeMillis() > end) throw new AssertionError(path + " asked for " + site.hits(path) + " times, not " + n);
            Thread.sleep(100);
        }
    }

    private static void awaitOutput(List<String> output, String line, int seconds) throws InterruptedException {
        long end = System.currentTimeMillis() + seconds * 1000L;
        synchronized (output) {
            while (output.stream().noneMatch(l -> l.contains(line))) {
                if (System.currentTimeMillis() > end) throw new AssertionError("no line \"" + line + "\" in:\n" + String.join("\n", output));
                output.wait(200);
            }
        }
    }

    private static List<String> paths(LocalSite site, int from) {
        List<LocalSite.Request> all = site.requests();
        return all.subList(from, all.size()).stream().map(LocalSite.Request::path).toList();
    }
}
