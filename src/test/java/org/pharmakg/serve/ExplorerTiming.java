package org.pharmakg.serve;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pharmakg.bench.QueryStore;
import org.pharmakg.store.KgStore;

/**
 * Time to interactive of every explorer view on the benchmark's 1M-triple store, measured in headless Chromium: the
 * milliseconds from navigation until the page sets {@code body[data-ready]} (its first data drawn), the first load
 * after the warm-up that {@code serve} runs at start ({@link Explorer#warmUp}), and the second; then the
 * size in bytes of every API answer the views ask for, and the largest.
 *
 * <pre>
 * scripts/explorer-timing [STORE-DIR] [TRIPLES]   # mvn -q -o test-compile exec:java … (see the script)
 * </pre>
 *
 * A store folder that does not exist is made as the benchmark makes its query store: the seed releases built by the
 * real pipeline, copied by {@link QueryStore#generate} to at least TRIPLES (default 1,000,000) quads.
 */
public final class ExplorerTiming {
    private ExplorerTiming() {}

    public static void main(String[] args) throws Exception {
        Path storeDir = Path.of(args.length > 0 ? args[0] : "target/timing-store");
        long triples = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        if (!Files.isDirectory(storeDir)) {
            Path seed = Files.createTempDirectory("pharmakg-timing-seed");
            SeedServer.build(seed, true).close();
            long t0 = System.nanoTime();
            long n = QueryStore.generate(seed, storeDir, triples);
            System.err.printf("generated %,d quads into %s in %.1f s%n", n, storeDir, (System.nanoTime() - t0) / 1e9);
        }
        try (KgStore store = KgStore.open(storeDir)) {
            store.ensureOntology();
            KgServer server = Explorer.mount(KgServer.builder(store.dataset()).port(0), store.dataset()).build().start();
            // as `serve` does: the views kept per store state computed before the first visit
            long w0 = System.nanoTime();
            Explorer.warmUp(store.dataset()).join();
            System.out.printf("warm-up (overviews' communities, pipeline keys, deal summaries, name keys): %d ms%n",
                    (System.nanoTime() - w0) / 1_000_000);
            try (Chromium chromium = Chromium.start(Files.createTempDirectory("pharmakg-timing-chromium"))) {
                run(server, chromium, store);
            } finally {
                server.stop();
            }
        }
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static void run(KgServer server, Chromium chromium, KgStore store) throws Exception {
        String base = "http://127.0.0.1:" + server.port();
        String hub = "https://w3id.org/pharmakg/id/company/immunogen";
        String her2 = firstIri(base, "HER2", "Target");
        String doc = org.apache.jena.system.Txn.calculateRead(store.dataset(), () -> {
            var rows = Sparql.select(store.dataset(), Sparql.query("SELECT ?d WHERE { ?d a kg:PressRelease } LIMIT 1"));
            return rows.get(0).str("d");
        });
        long releases = count(store, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:PressRelease }");
        long companies = count(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kg:Company }");
        long compounds = count(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kg:Compound }");
        System.out.printf("store: %,d releases, %,d companies, %,d compounds%n", releases, companies, compounds);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("search", "/explore/index.html?q=Bayer");
        pages.put("partners overview", "/explore/partners.html");
        pages.put("partners focus (hub, 2 steps)", "/explore/partners.html?focus=" + enc(hub) + "&depth=2");
        pages.put("compounds overview", "/explore/compounds.html");
        pages.put("compounds focus (HER2, 2 steps)", "/explore/compounds.html?focus=" + enc(her2) + "&depth=2");
        pages.put("pipeline", "/explore/pipeline.html");
        pages.put("pipeline (HER2, by phase)", "/explore/pipeline.html?target=" + enc(her2) + "&sort=phase&dir=desc");
        pages.put("landscape (HER2)", "/explore/landscape.html?target=" + enc(her2));
        pages.put("pipeline chart (hub company)", "/explore/landscape.html?company=" + enc(hub));
        pages.put("entity (hub company)", "/explore/entity.html?iri=" + enc(hub));
        pages.put("document", "/explore/document.html?iri=" + enc(doc));
        pages.put("deals", "/explore/deals.html");
        pages.put("sparql", "/explore/sparql.html");
        System.out.printf("%-34s %10s %10s%n", "view", "first ms", "again ms");
        for (var p : pages.entrySet()) {
            long first = chromium.openReady(base + p.getValue());
            long again = chromium.openReady(base + p.getValue());
            System.out.printf("%-34s %10d %10d%n", p.getKey(), first, again);
        }

        List<String> apis = List.of("/api/search?q=a", "/api/overview?view=partners", "/api/overview?view=compounds",
                "/api/neighbourhood?view=partners&depth=2&iri=" + enc(hub), "/api/neighbourhood?view=compounds&depth=2&iri=" + enc(her2),
                "/api/neighbourhood?depth=2&iri=" + enc(hub), "/api/partnerships?company=" + enc(hub), "/api/pipeline",
                "/api/pipeline?limit=500&sort=phase&dir=desc&target=" + enc(her2), "/api/pipeline?limit=500&company=" + enc(hub),
                "/api/entity?iri=" + enc(hub), "/api/document?iri=" + enc(doc), "/api/deals", "/api/deals?limit=100",
                "/api/partner-network", "/api/compound-network", "/api/query?name=partners&company=ImmunoGen");
        HttpClient http = HttpClient.newHttpClient();
        String largest = null;
        long max = 0;
        System.out.printf("%-70s %6s %12s %8s%n", "api", "status", "bytes", "ms");
        for (String a : apis) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(java.net.URI.create(base + a)).build(), HttpResponse.BodyHandlers.ofByteArray());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("%-70s %6d %,12d %8d%n", a.length() > 70 ? a.substring(0, 67) + "..." : a, r.statusCode(), r.body().length, ms);
            if (r.body().length > max) {
                max = r.body().length;
                largest = a;
            }
        }
        System.out.printf("largest API answer: %,d bytes (%s)%n", max, largest);
    }

    private static String firstIri(String base, String q, String type) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                java.net.URI.create(base + "/api/search?limit=1&types=" + type + "&q=" + enc(q))).build(), HttpResponse.BodyHandlers.ofString());
        var hits = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("results");
        if (hits.isEmpty()) throw new IllegalStateException("no " + type + " named " + q + " in the store");
        return hits.get(0).get("iri").asText();
    }

    private static long count(KgStore store, String query) {
        return org.apache.jena.system.Txn.calculateRead(store.dataset(),
                () -> Long.parseLong(Sparql.select(store.dataset(), Sparql.query(query)).get(0).str("n")));
    }
}
