package org.pharmakg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.TestSupport;
import org.pharmakg.ingest.Fetcher;
import org.pharmakg.ingest.LocalSite;
import org.pharmakg.ingest.PressReleaseReader;
import org.pharmakg.ingest.ReleaseFixtures;
import org.pharmakg.store.KgStore;

/** Atom and RSS feeds served on a free local port: new items built, a re-run fetches only the feed, hostile links reported. */
class FeedBuildTest {
    private static final String P = "PREFIX kg: <https://w3id.org/pharmakg/ontology#> ";

    private LocalSite site;
    private String base;

    @BeforeEach
    void start() throws IOException {
        site = LocalSite.start();
        base = site.base();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private int hits(String path) {
        return site.hits(path);
    }

    private static Fetcher fetcher() {
        return Fetcher.builder().delay(Duration.ofMillis(20)).timeout(Duration.ofSeconds(2)).tries(2)
                .backoff(Duration.ofMillis(50)).maxBytes(1 << 20).build();
    }

    @Test
    void atomFeedIsBuiltAndAReRunFetchesOnlyTheFeed(@TempDir Path dir) throws Exception {
        ReleaseFixtures.Seed s0 = ReleaseFixtures.seed("000_9041f48a740ce000.txt");
        ReleaseFixtures.Seed s2 = ReleaseFixtures.seed("002_e88741968b13db48.txt");
        site.put("/news/offering.html", ReleaseFixtures.page(s0, 0));
        site.put("/news/call.html", ReleaseFixtures.page(s2, 2));
        site.put("/feed.xml", LocalSite.atom(base + "/news/offering.html", "/news/call.html"));
        Path cache = dir.resolve("feeds");
        try (KgStore store = KgStore.open(dir.resolve("store")); Fetcher f = fetcher()) {
            List<String> problems = new ArrayList<>();
            FeedBuild fb = new FeedBuild(store, f, () -> BuildPipeline.builder(store).nlp(TestSupport::nlp).lexicon(TestSupport.lexicon())
                    .threads(2).build(), cache, problems::add);
            FeedBuild.Report first = fb.run(base + "/feed.xml");
            assertTrue(problems.isEmpty(), problems.toString());
            assertEquals(2, first.fetched(), first.summary());
            assertEquals(2, first.build().built(), first.summary());
            assertEquals(List.of(base + "/news/call.html", base + "/news/offering.html"), strings(store,
                    "SELECT ?u WHERE { GRAPH ?g { ?d kg:sourceUrl ?u } } ORDER BY ?u"));
            assertEquals(List.of("2012-01-18", "2012-07-11"), strings(store, "SELECT ?d WHERE { GRAPH ?g { ?x kg:releaseDate ?d } } ORDER BY ?d"));
            assertTrue(site.requests().stream().allMatch(q -> q.userAgent() != null && q.userAgent().startsWith("pharmakg/")),
                    site.requests().toString());

            // nothing new: the feed is asked for (it answers 304), no page is
            FeedBuild.Report second = fb.run(base + "/feed.xml");
            assertEquals(2, hits("/feed.xml"));
            assertEquals(1, hits("/news/offering.html"));
            assertEquals(1, hits("/news/call.html"));
            assertEquals(0, second.fetched(), second.summary());

            // the feed changes (a new item); only the new page is fetched
            ReleaseFixtures.Seed s3 = ReleaseFixtures.seed("003_e56de71c621f04e8.txt");
            site.put("/news/q4.html", ReleaseFixtures.page(s3, 3));
            site.put("/feed.xml", LocalSite.atom(base + "/news/offering.html", "/news/call.html", "/news/q4.html")
                    );
            FeedBuild.Report third = fb.run(base + "/feed.xml");
            assertEquals(1, third.fetched(), third.summary());
            assertEquals(1, hits("/news/offering.html"));
            assertEquals(1, hits("/news/q4.html"));

            // the release read from the feed gives the same entities and facts as its text
            Path fetched = Files.walk(cache).filter(p -> p.toString().contains("offering")).findFirst().orElseThrow();
            PressReleaseReader reader = new PressReleaseReader();
            assertEquals(InputKindsTest.summary(TestSupport.extractor().extract(TestSupport.nlp().annotate(
                            reader.read(TestSupport.data().resolve("000_9041f48a740ce000.txt"))))),
                    InputKindsTest.summary(TestSupport.extractor().extract(TestSupport.nlp().annotate(reader.read(fetched)))));
        }
    }

    @Test
    void hostileLinksAreReportedByNameAndTheStoreKeepsWhatItHad(@TempDir Path dir) throws Exception {
        site.put("/news/call.html", ReleaseFixtures.page(ReleaseFixtures.seed("002_e88741968b13db48.txt"), 1));
        site.put("/file.bin", new byte[] {0x50, 0x4b, 3, 4, 0, 0, 0, 0, 1, 2, 3});
        site.put("/rss.xml", LocalSite.rss(base + "/news/call.html", base + "/file.bin", base + "/never", base + "/loop1", base + "/500"));
        site.endless("/never").redirect("/loop1", "/loop2").redirect("/loop2", "/loop1").status("/500", 500);
        site.put("/binary-feed.bin", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        try (KgStore store = KgStore.open(dir.resolve("store")); Fetcher f = fetcher()) {
            TestSupport.build(store, List.of(TestSupport.data().resolve("000_9041f48a740ce000.txt")));
            List<String> problems = new ArrayList<>();
            FeedBuild fb = new FeedBuild(store, f, () -> BuildPipeline.builder(store).nlp(TestSupport::nlp).lexicon(TestSupport.lexicon())
                    .threads(2).build(), dir.resolve("feeds"), problems::add);
            FeedBuild.Report r = fb.run(base + "/rss.xml");
            assertEquals(1, r.fetched(), r.summary());
            assertEquals(4, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("cannot fetch " + base + "/file.bin: not a web page or PDF"), problems.get(0));
            assertTrue(problems.get(1).startsWith("cannot fetch " + base + "/never: "), problems.get(1));
            assertTrue(problems.get(2).startsWith("cannot fetch " + base + "/loop1: redirect loop"), problems.get(2));
            assertEquals("cannot fetch " + base + "/500: HTTP 500 after 2 tries; try again later", problems.get(3));
            assertEquals(2, hits("/500"), "one retry");
            assertEquals(2, strings(store, "SELECT ?d WHERE { GRAPH ?g { ?d a kg:PressRelease } }").size(),
                    "the seed stored before and the one good page");

            problems.clear();
            FeedBuild.Report bin = fb.run(base + "/binary-feed.bin");
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("cannot fetch " + base + "/binary-feed.bin: not an RSS or Atom feed"), problems.get(0));
            assertNotNull(bin);
            assertEquals(2, strings(store, "SELECT ?d WHERE { GRAPH ?g { ?d a kg:PressRelease } }").size(), "what was stored is kept");
        }
    }

    @Test
    void aReleaseRobotsTxtDisallowsIsReportedAndSkippedAndTheOthersAreBuilt(@TempDir Path dir) throws Exception {
        site.put("/robots.txt", "User-agent: pharmakg\nDisallow: /embargoed/\n");
        site.put("/news/call.html", ReleaseFixtures.page(ReleaseFixtures.seed("002_e88741968b13db48.txt"), 1));
        site.put("/embargoed/offering.html", ReleaseFixtures.page(ReleaseFixtures.seed("000_9041f48a740ce000.txt"), 0));
        site.put("/rss.xml", LocalSite.rss(base + "/embargoed/offering.html", base + "/news/call.html"));
        try (KgStore store = KgStore.open(dir.resolve("store")); Fetcher f = fetcher()) {
            List<String> problems = new ArrayList<>();
            FeedBuild fb = new FeedBuild(store, f, () -> BuildPipeline.builder(store).nlp(TestSupport::nlp).lexicon(TestSupport.lexicon())
                    .threads(2).build(), dir.resolve("feeds"), problems::add);
            FeedBuild.Report r = fb.run(base + "/rss.xml");
            assertEquals(List.of("cannot fetch " + base + "/embargoed/offering.html: " + base + "/robots.txt disallows it "
                    + "(Disallow: /embargoed/); skipped; the site asks crawlers to leave it alone"), problems);
            assertEquals(1, r.fetched(), r.summary());
            assertEquals(List.of(base + "/news/call.html"), strings(store, "SELECT ?u WHERE { GRAPH ?g { ?d kg:sourceUrl ?u } }"));
            assertEquals(0, hits("/embargoed/offering.html"));
            assertEquals(1, hits("/robots.txt"));
        }
    }

    private static List<String> strings(KgStore store, String q) {
        return Txn.calculateRead(store.dataset(), () -> {
            List<String> out = new ArrayList<>();
            QueryExec.dataset(store.dataset()).query(QueryFactory.create(P + q)).select().forEachRemaining(b -> {
                var n = b.get(b.vars().next());
                out.add(n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
            });
            return out;
        });
    }
}
