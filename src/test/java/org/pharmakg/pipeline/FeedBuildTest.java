package org.pharmakg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.TestSupport;
import org.pharmakg.ingest.Fetcher;
import org.pharmakg.ingest.PressReleaseReader;
import org.pharmakg.ingest.ReleaseFixtures;
import org.pharmakg.store.KgStore;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Atom and RSS feeds served on a free local port: new items built, a re-run fetches only the feed, hostile links reported. */
class FeedBuildTest {
    private static final String P = "PREFIX kg: <https://w3id.org/pharmakg/ontology#> ";

    private HttpServer server;
    private String base;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
    private final List<String> userAgents = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        synchronized (userAgents) {
            userAgents.add(x.getRequestHeaders().getFirst("User-Agent"));
        }
        try (x) {
            switch (path) {
                case "/loop1" -> redirect(x, "/loop2");
                case "/loop2" -> redirect(x, "/loop1");
                case "/500" -> x.sendResponseHeaders(500, -1);
                case "/never" -> {
                    x.getResponseHeaders().add("Content-Type", "text/html");
                    x.sendResponseHeaders(200, 0);
                    OutputStream o = x.getResponseBody();
                    long end = System.currentTimeMillis() + 10_000;
                    while (System.currentTimeMillis() < end) {
                        o.write("<p>more ".getBytes(StandardCharsets.UTF_8));
                        o.flush();
                        Thread.sleep(100);
                    }
                }
                default -> {
                    byte[] body = pages.get(path);
                    if (body == null) {
                        x.sendResponseHeaders(404, -1);
                        return;
                    }
                    String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
                    if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                        x.sendResponseHeaders(304, -1);
                        return;
                    }
                    x.getResponseHeaders().add("ETag", etag);
                    x.getResponseHeaders().add("Content-Type", path.endsWith(".xml") ? "application/xml"
                            : path.endsWith(".bin") ? "application/octet-stream" : "text/html; charset=utf-8");
                    x.sendResponseHeaders(200, body.length);
                    x.getResponseBody().write(body);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up on a page that never ends
        }
    }

    private static void redirect(HttpExchange x, String to) throws IOException {
        x.getResponseHeaders().add("Location", to);
        x.sendResponseHeaders(302, -1);
    }

    private int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private static Fetcher fetcher() {
        return Fetcher.builder().delay(Duration.ofMillis(20)).timeout(Duration.ofSeconds(2)).tries(2)
                .backoff(Duration.ofMillis(50)).maxBytes(1 << 20).build();
    }

    private static String atom(String base, String... links) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>ImmunoGen news</title><id>urn:x</id><updated>2013-07-23T08:00:00Z</updated>\n");
        String[] dates = {"2012-07-11T08:00:00Z", "2012-01-18T08:00:00Z", "2013-07-23T08:00:00Z"};
        for (int i = 0; i < links.length; i++) {
            b.append("<entry><title>Item ").append(i).append("</title><id>urn:item:").append(i).append("</id><link rel=\"alternate\" href=\"")
                    .append(links[i]).append("\"/><updated>").append(dates[i % 3]).append("</updated></entry>\n");
        }
        return b.append("</feed>\n").toString();
    }

    private static String rss(String... links) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>News</title>\n");
        for (int i = 0; i < links.length; i++) {
            b.append("<item><title>Item ").append(i).append("</title><link>").append(links[i])
                    .append("</link><pubDate>Tue, 23 Jul 2013 08:00:00 GMT</pubDate><guid>g").append(i).append("</guid></item>\n");
        }
        return b.append("</channel></rss>\n").toString();
    }

    @Test
    void atomFeedIsBuiltAndAReRunFetchesOnlyTheFeed(@TempDir Path dir) throws Exception {
        ReleaseFixtures.Seed s0 = ReleaseFixtures.seed("000_9041f48a740ce000.txt");
        ReleaseFixtures.Seed s2 = ReleaseFixtures.seed("002_e88741968b13db48.txt");
        pages.put("/news/offering.html", ReleaseFixtures.page(s0, 0).getBytes(StandardCharsets.UTF_8));
        pages.put("/news/call.html", ReleaseFixtures.page(s2, 2).getBytes(StandardCharsets.UTF_8));
        pages.put("/feed.xml", atom(base, base + "/news/offering.html", "/news/call.html").getBytes(StandardCharsets.UTF_8));
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
            assertTrue(userAgents.stream().allMatch(ua -> ua != null && ua.startsWith("pharmakg/")), userAgents.toString());

            // nothing new: the feed is asked for (it answers 304), no page is
            FeedBuild.Report second = fb.run(base + "/feed.xml");
            assertEquals(2, hits("/feed.xml"));
            assertEquals(1, hits("/news/offering.html"));
            assertEquals(1, hits("/news/call.html"));
            assertEquals(0, second.fetched(), second.summary());

            // the feed changes (a new item); only the new page is fetched
            ReleaseFixtures.Seed s3 = ReleaseFixtures.seed("003_e56de71c621f04e8.txt");
            pages.put("/news/q4.html", ReleaseFixtures.page(s3, 3).getBytes(StandardCharsets.UTF_8));
            pages.put("/feed.xml", atom(base, base + "/news/offering.html", "/news/call.html", "/news/q4.html")
                    .getBytes(StandardCharsets.UTF_8));
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
        pages.put("/news/call.html", ReleaseFixtures.page(ReleaseFixtures.seed("002_e88741968b13db48.txt"), 1).getBytes(StandardCharsets.UTF_8));
        pages.put("/file.bin", new byte[] {0x50, 0x4b, 3, 4, 0, 0, 0, 0, 1, 2, 3});
        pages.put("/rss.xml", rss(base + "/news/call.html", base + "/file.bin", base + "/never", base + "/loop1", base + "/500")
                .getBytes(StandardCharsets.UTF_8));
        pages.put("/binary-feed.bin", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
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
