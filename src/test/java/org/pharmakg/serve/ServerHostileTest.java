package org.pharmakg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pharmakg.serve.ServerSafetyTest.HTTP;
import static org.pharmakg.serve.ServerSafetyTest.count;
import static org.pharmakg.serve.ServerSafetyTest.query;
import static org.pharmakg.serve.ServerSafetyTest.update;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.RobustnessSupport;

/**
 * Issue 16, the server side: each attack of the issue against a real server on a free loopback port (with the
 * explorer mounted), and what it must get instead. SERVICE never reaches a local listener; bodies and query strings
 * over the limit get 413; REGEX stops at the timeout; the concurrency cap answers 503 and the server recovers; JSONP is
 * refused and every response carries the hardening headers; /kg/update takes no forms, no foreign Origin, no LOAD,
 * SERVICE or DROP ALL, and backs off password guessing; the Graph Store and CONSTRUCT obey --max-rows; foreign Host
 * names get 421.
 */
class ServerHostileTest {
    static final String PW = "correct horse battery";
    static final String CATASTROPHIC = "\"xxxxxxxxxxxxxxxxxxxxxxxxxx!\", \"((x*)*)*y\"";

    static void withServer(Consumer<KgServer.Builder> settings, ServerSafetyTest.ServerTest test) throws Exception {
        ServerSafetyTest.withServer(true, settings, test);
    }

    /** A local HTTP server that counts requests and answers with a secret body. */
    static HttpServer listener(AtomicInteger hits) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] b = "SECRET-REMOTE-BODY".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(500, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        s.start();
        return s;
    }

    static HttpResponse<String> send(HttpRequest.Builder rb) throws Exception {
        return HTTP.send(rb.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    static HttpResponse<String> post(String url, String type, String body, String password) throws Exception {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (password != null) rb.header("Authorization", auth(password));
        return send(rb);
    }

    static String auth(String password) {
        return "Basic " + Base64.getEncoder().encodeToString((KgServer.UPDATE_USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    @Test
    void serviceNeverFetchesAnything() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer l = listener(hits);
        String url = "http://127.0.0.1:" + l.getAddress().getPort() + "/sparql";
        try {
            withServer(b -> b.update(PW), (server, base) -> {
                for (String q : List.of("SELECT * WHERE { SERVICE <" + url + "> { ?s ?p ?o } }",
                        "SELECT * WHERE { VALUES ?x { <" + url + "> } SERVICE ?x { ?s ?p ?o } }",
                        "SELECT * WHERE { BIND(<" + url + "> AS ?x) SERVICE ?x { ?s ?p ?o } }",
                        "SELECT * WHERE { SERVICE SILENT <" + url + "> { ?s ?p ?o } }",
                        "ASK { FILTER EXISTS { SERVICE <" + url + "> { ?s ?p ?o } } }")) {
                    HttpResponse<String> r = query(base, q);
                    System.err.println("ServerHostileTest: SERVICE -> " + r.statusCode() + " " + r.body().strip());
                    assertTrue(r.statusCode() == 400 || r.statusCode() == 200, q + " -> " + r.statusCode() + " " + r.body());
                    assertFalse(r.body().contains("SECRET"), r.body());
                }
                HttpResponse<String> u = update(base, "/kg/update",
                        "INSERT { GRAPH <urn:test:g> { ?s ?p ?o } } WHERE { SERVICE <" + url + "> { ?s ?p ?o } }", PW);
                assertEquals(400, u.statusCode(), u.body());
                assertTrue(u.body().contains("SERVICE"), u.body());
            });
            assertEquals(0, hits.get(), "the listener was called");
            // the control: with the listener allowed, the same query reaches it, and its answer is not passed on
            withServer(b -> b.allowService("http://127.0.0.1:" + l.getAddress().getPort() + "/"), (server, base) -> {
                HttpResponse<String> r = query(base, "SELECT * WHERE { SERVICE <" + url + "> { ?s ?p ?o } }");
                assertEquals(502, r.statusCode(), r.body());
                assertFalse(r.body().contains("SECRET"), r.body());
                assertTrue(hits.get() > 0, "an allowed SERVICE did not reach the listener");
                int before = hits.get();
                HttpResponse<String> other = query(base, "SELECT * WHERE { SERVICE <http://localhost:" + l.getAddress().getPort()
                        + "/x> { ?s ?p ?o } }");
                assertEquals(400, other.statusCode(), other.body());
                assertEquals(before, hits.get());
            });
        } finally {
            l.stop(0);
        }
        assertThrows(IllegalArgumentException.class, () -> KgServer.builder(null).allowService("file:///"));
    }

    @Test
    void requestsOverTheSizeLimitGet413() throws Exception {
        String big = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #" + "x".repeat(1 << 20) + "\n";
        String justBelow = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #" + "x".repeat(200 * 1024) + "\n";
        withServer(b -> b.update(PW), (server, base) -> {
            long t0 = System.nanoTime();
            int port = server.port();
            // the headers announce the body (Expect: 100-continue); the answer comes before any of it is read
            for (String path : List.of("/kg/sparql", "/kg/query", "/kg")) {
                assertEquals(413, rawPost(port, path, "application/sparql-query", big.length(), null), path);
            }
            assertEquals(413, rawPost(port, "/kg/sparql", "application/x-www-form-urlencoded", 3 * big.length(), null));
            assertEquals(413, rawPost(port, "/kg/update", "application/sparql-update", big.length(), PW));
            assertEquals(411, rawPost(port, "/kg/sparql", "application/sparql-query", -1, null), "chunked");
            String mid = "SELECT * WHERE { ?s ?p ?o } #" + "x".repeat(300 * 1024);
            assertEquals(413, get(base + "/kg/sparql?query=" + enc(mid)).statusCode());
            assertEquals(413, get(base + "/api/search?q=" + "x".repeat(300 * 1024)).statusCode());
            double secs = (System.nanoTime() - t0) / 1e9;
            System.err.printf("ServerHostileTest: 8 oversized requests refused in %.2f s%n", secs);
            assertEquals(200, post(base + "/kg/sparql", "application/sparql-query", justBelow, null).statusCode(), "the limit is too low");
        });
        withServer(b -> b.maxQueryBytes(2 << 20), (server, base) ->
                assertEquals(200, post(base + "/kg/sparql", "application/sparql-query", big, null).statusCode(), "--max-query-bytes"));
    }

    @Test
    void regexStopsAtTheTimeout() throws Exception {
        withServer(b -> b.timeoutMillis(2000), (server, base) -> {
            for (String q : List.of("SELECT (REGEX(" + CATASTROPHIC + ") AS ?m) WHERE { }",
                    "SELECT * WHERE { ?s ?p ?o FILTER(REGEX(" + CATASTROPHIC + ")) } LIMIT 1",
                    "ASK { FILTER EXISTS { ?s ?p ?o FILTER(REGEX(" + CATASTROPHIC + ")) } }",
                    "SELECT (REPLACE(\"xxxxxxxxxxxxxxxxxxxxxxxxxx!\", \"((x*)*)*y\", \"z\") AS ?m) WHERE { }")) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = query(base, q);
                double secs = (System.nanoTime() - t0) / 1e9;
                System.err.printf("ServerHostileTest: catastrophic regex -> %d after %.1f s%n", r.statusCode(), secs);
                assertEquals(503, r.statusCode(), q + " " + r.body());
                assertTrue(r.body().contains("timed out"), r.body());
                assertTrue(secs < 6, q + " answered only after " + secs + " s (timeout 2 s)");
            }
            HttpResponse<String> longPattern = query(base, "ASK { FILTER(REGEX(\"a\", \"" + "a?".repeat(600) + "\")) }");
            assertEquals(400, longPattern.statusCode(), longPattern.body());
            HttpResponse<String> ok = query(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l "
                    + "FILTER(REGEX(?l, \"^[a-m]\", \"i\")) BIND(REPLACE(?l, \"[aeiou]\", \"\") AS ?r) }");
            assertEquals(200, ok.statusCode(), ok.body());
        });
    }

    @Test
    void theConcurrencyCapAnswers503AndTheServerRecovers() throws Exception {
        withServer(b -> b.timeoutMillis(3000).maxConcurrentQueries(2).queueWaitMillis(200), (server, base) -> {
            List<CompletableFuture<HttpResponse<String>>> slow = List.of(runaway(base), runaway(base));
            long until = System.nanoTime() + 20_000_000_000L;
            while (server.queriesRunning() < 2 && System.nanoTime() < until) Thread.sleep(10);
            assertEquals(2, server.queriesRunning());
            HttpResponse<String> full = query(base, "ASK { ?s ?p ?o }");
            assertEquals(503, full.statusCode(), full.body());
            assertTrue(full.body().contains("busy"), full.body());
            assertTrue(full.headers().firstValue("Retry-After").isPresent());
            for (var f : slow) assertEquals(503, f.get().statusCode());   // stopped at the timeout, not by OOM
            until = System.nanoTime() + 20_000_000_000L;
            while (server.queriesRunning() > 0 && System.nanoTime() < until) Thread.sleep(10);
            HttpResponse<String> ask = query(base, "ASK { ?s ?p ?o }");
            assertEquals(200, ask.statusCode(), ask.body());
            assertTrue(ask.body().contains("true"), ask.body());
        });
    }

    static CompletableFuture<HttpResponse<String>> runaway(String base) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return query(base, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    @Test
    void aByteBudgetCutsLargeAnswers() throws Exception {
        withServer(b -> b.maxResultBytes(50_000), (server, base) -> {
            long all = count(base);
            HttpResponse<String> r = query(base, "SELECT * WHERE { ?s ?p ?o }");
            assertEquals(200, r.statusCode());
            int rows = ServerSafetyTest.rows(r.body());
            assertTrue(rows > 0 && rows < all, rows + " of " + all);
            assertEquals(Integer.toString(rows), r.headers().firstValue(CappedQuery.TRUNCATED).orElse("none"));
        });
    }

    @Test
    void jsonpIsRefusedAndEveryResponseIsHardened() throws Exception {
        withServer(b -> b.update(PW), (server, base) -> {
            HttpResponse<String> jsonp = get(base + "/kg/sparql?query=" + enc("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
                    + "&output=json&callback=steal");
            assertEquals(400, jsonp.statusCode(), jsonp.body());
            assertFalse(jsonp.body().contains("steal("), jsonp.body());
            List<HttpResponse<String>> all = List.of(get(base + "/"), get(base + "/kg/sparql?query=" + enc("ASK {}")),
                    get(base + "/no/such/page"), get(base + "/explore/"), get(base + "/api/search?q=bayer"), get(base + "/$/ping"),
                    post(base + "/kg/update", "application/sparql-update", "CLEAR GRAPH <urn:x>", null), jsonp,
                    get(base + "/kg/sparql?query=" + "x".repeat(300 * 1024)));
            for (HttpResponse<String> r : all) {
                String what = r.uri().getPath() + " " + r.statusCode();
                assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
                assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), what);
                assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), what);
                assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), what);
            }
        });
    }

    @Test
    void updateTakesNoFormsAndNoForeignOrigin() throws Exception {
        withServer(b -> b.update(PW), (server, base) -> {
            long before = count(base);
            String insert = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"x\" } }";
            HttpResponse<String> form = post(base + "/kg/update", "application/x-www-form-urlencoded", "update=" + enc(insert), PW);
            assertEquals(415, form.statusCode(), form.body());
            // its body was never read: the answer says the connection closes, so the client does not reuse it
            assertEquals("close", form.headers().firstValue("Connection").orElse(""), form.headers().toString());
            for (String origin : List.of("http://evil.example", "null", "http://127.0.0.1:1")) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/kg/update"))
                        .header("Content-Type", "application/sparql-update").header("Authorization", auth(PW))
                        .header("Origin", origin).POST(HttpRequest.BodyPublishers.ofString(insert)));
                assertEquals(403, r.statusCode(), origin + " " + r.body());
            }
            assertEquals(before, count(base));
            HttpResponse<String> same = send(HttpRequest.newBuilder(URI.create(base + "/kg/update"))
                    .header("Content-Type", "application/sparql-update").header("Authorization", auth(PW))
                    .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(insert)));
            assertEquals(2, same.statusCode() / 100, same.body());
            assertEquals(before + 1, count(base));
            assertEquals(2, update(base, "/kg/update", "DROP GRAPH <urn:test:g>", PW).statusCode() / 100);
        });
    }

    @Test
    void passwordGuessingIsLoggedAndBackedOff(@TempDir Path tmp) throws Exception {
        withServer(b -> b.update(PW), (server, base) -> {
            long before = count(base);
            String insert = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"x\" } }";
            for (int i = 0; i < LoginThrottle.FREE; i++) {
                assertEquals(401, update(base, "/kg/update", insert, "guess number " + i).statusCode());
            }
            HttpResponse<String> blocked = update(base, "/kg/update", insert, PW);   // even the right password waits
            assertEquals(429, blocked.statusCode(), blocked.body());
            assertTrue(Long.parseLong(blocked.headers().firstValue("Retry-After").orElse("0")) >= 1);
            assertEquals(before, count(base));
        });
        assertThrows(IllegalArgumentException.class, () -> KgServer.builder(null).update("short"));
        Path pw = Files.writeString(tmp.resolve("password"), "eleven-char\n");
        var r = RobustnessSupport.cli("serve", "--store", tmp.resolve("store").toString(), "--port", "0", "--update",
                "--password-file", pw.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("at least 12"), r.err());
    }

    @Test
    void updatesRefuseLoadServiceAndDropAll() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer l = listener(hits);
        String url = "http://127.0.0.1:" + l.getAddress().getPort() + "/data.ttl";
        try {
            withServer(b -> b.update(PW), (server, base) -> {
                long before = count(base);
                for (String u : List.of("LOAD <file:///etc/passwd> INTO GRAPH <urn:test:passwd>", "LOAD <" + url + ">",
                        "LOAD SILENT <" + url + "> INTO GRAPH <urn:test:x>",
                        "INSERT { GRAPH <urn:test:g> { ?s ?p ?o } } WHERE { SERVICE <" + url + "> { ?s ?p ?o } }",
                        "DROP ALL", "CLEAR DEFAULT", "DROP NAMED")) {
                    HttpResponse<String> r = update(base, "/kg/update", u, PW);
                    assertEquals(400, r.statusCode(), u + " " + r.body());
                    assertTrue(r.body().contains("refused"), r.body());
                }
                assertEquals(before, count(base));
            });
        } finally {
            l.stop(0);
        }
        assertEquals(0, hits.get());
    }

    @Test
    void graphStoreConstructAndDescribeObeyMaxRows() throws Exception {
        withServer(b -> b.maxRows(10), (server, base) -> {
            HttpResponse<String> dump = send(HttpRequest.newBuilder(URI.create(base + "/kg")).header("Accept", "application/n-quads"));
            assertEquals(200, dump.statusCode(), dump.body());
            assertEquals(10, dump.body().lines().filter(s -> !s.isBlank()).count());
            assertEquals("10", dump.headers().firstValue(CappedQuery.TRUNCATED).orElse(null));
            HttpResponse<String> g = query(base, "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g HAVING (COUNT(*) > 10) LIMIT 1");
            String graph = g.body().replaceAll("(?s).*\"value\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            HttpResponse<String> one = send(HttpRequest.newBuilder(URI.create(base + "/kg/get?graph=" + enc(graph)))
                    .header("Accept", "application/n-triples"));
            assertEquals(200, one.statusCode(), graph + " " + one.body());
            assertEquals(10, one.body().lines().filter(s -> !s.isBlank()).count());
            assertEquals("10", one.headers().firstValue(CappedQuery.TRUNCATED).orElse(null));
            HttpResponse<String> c = send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query="
                    + enc("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"))).header("Accept", "application/n-triples"));
            assertEquals(200, c.statusCode());
            assertEquals(10, c.body().lines().filter(s -> !s.isBlank()).count());
            assertEquals("10", c.headers().firstValue(CappedQuery.TRUNCATED).orElse(null));
            HttpResponse<String> d = send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query="
                    // press releases: each has more triples than the cap, so describing them must be cut
                    + enc("DESCRIBE ?s WHERE { GRAPH ?g { ?s a <https://w3id.org/pharmakg/ontology#PressRelease> } }")))
                    .header("Accept", "application/n-triples"));
            assertEquals(200, d.statusCode());
            assertTrue(d.body().lines().filter(s -> !s.isBlank()).count() <= 10, d.body());
            assertTrue(d.headers().firstValue(CappedQuery.TRUNCATED).isPresent(), d.headers().toString());
            HttpResponse<String> few = send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query="
                    + enc("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 3"))).header("Accept", "application/n-triples"));
            assertTrue(few.headers().firstValue(CappedQuery.TRUNCATED).isEmpty(), "a short answer is not cut");
        });
    }

    @Test
    void foreignHostNamesGet421() throws Exception {
        withServer(b -> b.allowHost("kg.example.org"), (server, base) -> {
            int port = server.port();
            assertEquals(421, rawStatus(port, "evil.example:" + port));
            assertEquals(421, rawStatus(port, "127.0.0.1.evil.example"));
            for (String ok : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "kg.example.org")) {
                assertEquals(200, rawStatus(port, ok), ok);
            }
        });
    }

    /** The status of a POST that announces a body of this length (-1: chunked) and waits for the answer before sending it. */
    static int rawPost(int port, String path, String type, long length, String password) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + type + "\r\n"
                    + (length >= 0 ? "Content-Length: " + length : "Transfer-Encoding: chunked") + "\r\nExpect: 100-continue\r\n"
                    + (password == null ? "" : "Authorization: " + auth(password) + "\r\n") + "\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    /** The status of a GET with this Host header, over a raw socket (the HTTP client does not let one set Host). */
    static int rawStatus(int port, String host) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /kg/sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
