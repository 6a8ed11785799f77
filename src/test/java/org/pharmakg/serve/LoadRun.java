package org.pharmakg.serve;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load test for a running pharmakg server (not a unit test; run it with
 * {@code scripts/loadtest.sh}): N clients for S seconds, each sending the named queries of
 * {@code queries/} with typical parameters, bound as the server's users would bind them, picked
 * at random; prints per query the requests, errors, and latency p50/p99/max. With HOSTILE &gt; 0, as many more clients
 * send the expensive queries of issue 16 ({@link #HOSTILE}) over and over; their answers (503, 400, cut) are counted
 * apart, and the named queries' p99 and errors show whether the server kept serving the others.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/classpath.txt) org.pharmakg.serve.LoadRun http://127.0.0.1:3030 8 60 [HOSTILE]</pre>
 */
public final class LoadRun {
    /** Name of a named query and the parameter values it is sent with (empty: unbound). */
    record Call(String label, String query) {}

    /** Queries that cost the server as much as it lets them: catastrophic REGEX, a sorted cartesian product, a huge CONCAT. */
    static final List<String> HOSTILE = List.of(
            "SELECT * WHERE { ?s ?p ?o FILTER(REGEX(\"xxxxxxxxxxxxxxxxxxxxxxxxxx!\", \"((x*)*)*y\")) }",
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f",
            "SELECT (GROUP_CONCAT(CONCAT(STR(?a), STR(?b)); separator=\" \") AS ?x) WHERE { ?s ?p ?a . ?t ?q ?b "
                    + "FILTER(isLiteral(?a) && isLiteral(?b)) }");

    static List<Call> calls() {
        List<Call> out = new ArrayList<>();
        Map<String, List<Map<String, String>>> params = Map.of(
                "partners", List.of(Map.of(), Map.of("company", "ImmunoGen")),
                "pipeline", List.of(Map.of(), Map.of("company", "ImmunoGen")),
                "compounds-by-target", List.of(Map.of(), Map.of("target", "HER2")),
                "partner-network", List.of(Map.of("company", "ImmunoGen"), Map.of("company", "Bayer")),
                "documents", List.of(Map.of()),
                "evidence", List.of(Map.of("subject", "ImmunoGen"), Map.of("predicate", "targets")),
                "phase-timeline", List.of(Map.of(), Map.of("compound", "trastuzumab emtansine")),
                "current-pipeline", List.of(Map.of(), Map.of("company", "ImmunoGen")),
                "entity-search", List.of(Map.of("q", "immuno"), Map.of("q", "her2")));
        for (String name : NamedQueries.NAMES) {
            NamedQueries.Named n = NamedQueries.load(name);
            for (Map<String, String> p : params.getOrDefault(name, List.of(Map.of()))) {
                out.add(new Call(name + (p.isEmpty() ? "" : " " + p), n.bind(p).serialize()));
            }
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:3030";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int hostile = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        List<Call> calls = calls();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, List<Long>> micros = new ConcurrentHashMap<>();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        for (Call c : calls) {
            micros.put(c.label(), Collections.synchronizedList(new ArrayList<>()));
            errors.put(c.label(), new AtomicLong());
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        Call c = calls.get(ThreadLocalRandom.current().nextInt(calls.size()));
                        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query="
                                        + URLEncoder.encode(c.query(), StandardCharsets.UTF_8)))
                                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60)).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                            long us = (System.nanoTime() - t0) / 1000;
                            if (r.statusCode() == 200) {
                                micros.get(c.label()).add(us);
                            } else {
                                errors.get(c.label()).incrementAndGet();
                                if (errorSamples.size() < 5) errorSamples.add(c.label() + ": HTTP " + r.statusCode());
                            }
                        } catch (Exception e) {
                            errors.get(c.label()).incrementAndGet();
                            if (errorSamples.size() < 5) errorSamples.add(c.label() + ": " + e);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + i).start();
        }
        Map<String, AtomicLong> hostileAnswers = new ConcurrentHashMap<>();
        for (int i = 0; i < hostile; i++) {
            int first = i;
            new Thread(() -> {
                for (int k = first; System.nanoTime() < end; k++) {
                    String q = HOSTILE.get(k % HOSTILE.size());
                    HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                            .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(120)).build();
                    String key;
                    try {
                        key = "HTTP " + http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        key = e.getClass().getSimpleName();
                    }
                    hostileAnswers.computeIfAbsent(key, x -> new AtomicLong()).incrementAndGet();
                }
            }, "hostile-" + i).start();
        }
        done.await();
        long total = 0, totalErrors = 0;
        List<Long> all = new ArrayList<>();
        System.out.printf("%d clients, %d hostile clients, %d s, %s%n", clients, hostile, seconds, base);
        System.out.printf("%-62s %7s %6s %9s %9s %9s%n", "query", "ok", "errors", "p50 ms", "p99 ms", "max ms");
        for (var e : new TreeMap<>(micros).entrySet()) {
            List<Long> l = new ArrayList<>(e.getValue());
            Collections.sort(l);
            all.addAll(l);
            total += l.size();
            totalErrors += errors.get(e.getKey()).get();
            System.out.printf("%-62.62s %7d %6d %9.1f %9.1f %9.1f%n", e.getKey(), l.size(), errors.get(e.getKey()).get(),
                    pct(l, 50), pct(l, 99), l.isEmpty() ? 0 : l.get(l.size() - 1) / 1000.0);
        }
        Collections.sort(all);
        System.out.printf("%-62s %7d %6d %9.1f %9.1f %9.1f%n", "all", total, totalErrors, pct(all, 50), pct(all, 99),
                all.isEmpty() ? 0 : all.get(all.size() - 1) / 1000.0);
        System.out.printf("throughput: %.0f queries/s%n", total / (double) seconds);
        errorSamples.forEach(s -> System.out.println("error: " + s));
        if (hostile > 0) System.out.println("hostile answers: " + new TreeMap<>(hostileAnswers));
        System.out.printf("SUMMARY hostile=%d named_p99_ms=%.1f named_p50_ms=%.1f named_errors=%d named_ok=%d%n", hostile,
                pct(all, 99), pct(all, 50), totalErrors, total);
        System.exit(totalErrors == 0 ? 0 : 1);
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1000.0;
    }
}
