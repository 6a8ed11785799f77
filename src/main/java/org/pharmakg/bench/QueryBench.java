package org.pharmakg.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.pharmakg.serve.KgServer;
import org.pharmakg.serve.NamedQueries;
import org.pharmakg.store.KgStore;

/**
 * Latency of every named query over HTTP: the store served by {@link KgServer} on a free loopback port,
 * {@code clients} threads each posting the query to {@code /kg/sparql} back to back for a while, after
 * every query has run unmeasured for a quarter of that (at most 2 s) to warm the server up.
 *
 * <pre>Map&lt;String, QueryBench.Result&gt; r = QueryBench.run(storeDir, QueryBench.PARAMS, 4, 20);</pre>
 */
public final class QueryBench {
    /** Parameters the named queries are run with: real values of the seed releases. */
    public static final Map<String, Map<String, String>> PARAMS = Map.ofEntries(
            Map.entry("partners", Map.of("company", "ImmunoGen")),
            Map.entry("pipeline", Map.of("company", "ImmunoGen")),
            Map.entry("current-pipeline", Map.of("company", "ImmunoGen")),
            Map.entry("compounds-by-target", Map.of("target", "CD19")),
            Map.entry("partner-network", Map.of("company", "ImmunoGen")),
            Map.entry("phase-timeline", Map.of("compound", "trastuzumab emtansine")),
            Map.entry("evidence", Map.of("subject", "trastuzumab emtansine", "predicate", "targets")),
            Map.entry("entity-search", Map.of("q", "her2")),
            Map.entry("deals", Map.of("company", "ImmunoGen")),
            Map.entry("deal-history", Map.of("company", "ImmunoGen", "partner", "Eli Lilly")),
            Map.entry("largest-deals", Map.of("from", "2010", "to", "2016")));

    private QueryBench() {}

    /** Requests made, failed ones, rows of the last answer's size in bytes, latency percentiles in ms. */
    public record Result(int count, int errors, int bytes, double p50, double p99, String params) {}

    public static Map<String, Result> run(Path storeDir, Map<String, Map<String, String>> params, int clients, double seconds) {
        Map<String, Result> out = new LinkedHashMap<>();
        try (KgStore s = KgStore.open(storeDir)) {
            KgServer server = KgServer.builder(s.dataset()).port(0).build().start();
            try {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
                URI uri = URI.create("http://127.0.0.1:" + server.port() + "/kg/sparql");
                Map<String, String> queries = new LinkedHashMap<>();
                for (String name : NamedQueries.NAMES) queries.put(name, NamedQueries.load(name).bind(params.getOrDefault(name, Map.of())).toString());
                // a served store is a long-running process: measure it warm (JIT-compiled, caches and in-memory
                // views filled), so every query first runs for a while with the same clients, unmeasured
                double warmUp = Math.min(2, Math.max(0.2, seconds / 4));
                for (String query : queries.values()) measure(http, uri, query, clients, warmUp, "");
                for (String name : NamedQueries.NAMES) {
                    Map<String, String> p = params.getOrDefault(name, Map.of());
                    out.put(name, measure(http, uri, queries.get(name), clients, seconds, p.isEmpty() ? "-" : p.toString()));
                }
            } finally {
                server.stop();
            }
        }
        return out;
    }

    private static Result measure(HttpClient http, URI uri, String query, int clients, double seconds, String params) {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger bytes = new AtomicInteger();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] mine = {new long[1024]};
            int[] n = {0};
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    int size = send(http, req);
                    long dt = System.nanoTime() - t0;
                    if (size < 0) errors.incrementAndGet();
                    else bytes.set(size);
                    if (n[0] == mine[0].length) mine[0] = Arrays.copyOf(mine[0], n[0] * 2);
                    mine[0][n[0]++] = dt;
                }
                synchronized (perClient) {
                    perClient.add(Arrays.copyOf(mine[0], n[0]));
                }
            }, "bench-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length, errors.get(), bytes.get(), percentile(all, 0.50), percentile(all, 0.99), params);
    }

    /** The response's size in bytes, or -1 when it failed. */
    private static int send(HttpClient http, HttpRequest req) {
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200 ? r.body().length : -1;
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
