package org.pharmakg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.RobustnessSupport;
import org.pharmakg.store.KgStore;

/**
 * Issue 6, "serving safely", against a real store and a real server on port 0: loopback only by
 * default, read-only unless an update password is given, 401 and no change for a wrong or
 * missing password, runaway queries stopped at the timeout while others are answered, results
 * capped at --max-rows; and the CLI takes no password on the command line.
 */
class ServerSafetyTest {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    /** Runs the test with a server over the seed store, stopping it and releasing the store in finally. */
    static void withServer(Consumer<KgServer.Builder> settings, ServerTest test) throws Exception {
        withServer(false, settings, test);
    }

    /** The same, with the explorer and its API mounted when {@code explorer}. */
    static void withServer(boolean explorer, Consumer<KgServer.Builder> settings, ServerTest test) throws Exception {
        try (KgStore store = KgStore.open(RobustnessSupport.seedStore())) {
            KgServer.Builder b = KgServer.builder(store.dataset()).port(0);
            if (explorer) b = Explorer.mount(b, store.dataset());
            settings.accept(b);
            KgServer server = b.build().start();
            try {
                test.run(server, "http://127.0.0.1:" + server.port());
            } finally {
                server.stop();
            }
        }
    }

    interface ServerTest { void run(KgServer server, String base) throws Exception; }

    static HttpResponse<String> query(String base, String q) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static long count(String base) throws Exception {
        HttpResponse<String> r = query(base, COUNT_ALL);
        assertEquals(200, r.statusCode(), r.body());
        var m = java.util.regex.Pattern.compile("\"value\"\\s*:\\s*\"(\\d+)\"").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    static HttpResponse<String> update(String base, String path, String update, String password) throws Exception {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(update));
        if (password != null) {
            rb.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (KgServer.UPDATE_USER + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(rb.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A non-loopback address of this machine, if it has one. */
    static Optional<InetAddress> externalAddress() throws IOException {
        for (NetworkInterface nif : NetworkInterface.networkInterfaces().toList()) {
            if (!nif.isUp() || nif.isLoopback()) continue;
            for (InetAddress a : nif.inetAddresses().toList()) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    static boolean reachable(InetAddress a, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(a, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void bindsLoopbackOnlyByDefault() throws Exception {
        Optional<InetAddress> ext = externalAddress();
        System.err.println("ServerSafetyTest: non-loopback address " + ext);
        withServer(b -> { }, (server, base) -> {
            assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(base + "/$/ping")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertTrue(List.of("127.0.0.1", "localhost").contains(server.host()), server.host());
            ext.ifPresent(a -> assertFalse(reachable(a, server.port()), "reachable on " + a));
        });
        if (ext.isPresent()) {
            // the control: asked for, the same server is reachable from outside, so the check above can fail
            withServer(b -> b.host("0.0.0.0"), (server, base) -> assertTrue(reachable(ext.get(), server.port())));
            withServer(b -> b.host(ext.get().getHostAddress()), (server, base) -> {
                assertEquals(ext.get().getHostAddress(), server.host());
                assertTrue(reachable(ext.get(), server.port()));
                assertFalse(reachable(InetAddress.getLoopbackAddress(), server.port()), "--host ADDR also listens on loopback");
            });
        }
    }

    @Test
    void readOnlyWithoutAnUpdatePassword() throws Exception {
        withServer(b -> { }, (server, base) -> {
            long before = count(base);
            String insert = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"x\" } }";
            assertEquals(404, update(base, "/kg/update", insert, null).statusCode());
            int viaQuery = update(base, "/kg/sparql", insert, null).statusCode();
            assertTrue(viaQuery >= 400 && viaQuery < 500, "update through /kg/sparql: " + viaQuery);
            int viaDataset = update(base, "/kg", insert, null).statusCode();
            assertTrue(viaDataset >= 400 && viaDataset < 500, "update through /kg: " + viaDataset);
            assertEquals(before, count(base));
        });
    }

    @Test
    void updateNeedsThePassword() throws Exception {
        withServer(b -> b.update("correct horse"), (server, base) -> {
            long before = count(base);   // reading needs no password
            String insert = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"x\" } }";
            HttpResponse<String> none = update(base, "/kg/update", insert, null);
            assertEquals(401, none.statusCode());
            assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), none.headers().toString());
            assertEquals(401, update(base, "/kg/update", insert, "wrong horse").statusCode());
            assertEquals(401, update(base, "/kg/update", "DROP ALL", "").statusCode());
            assertEquals(before, count(base), "a refused update changed the store");
            assertTrue(update(base, "/kg/sparql", "DROP ALL", "correct horse").statusCode() >= 400, "update through the query endpoint");
            assertEquals(before, count(base));

            HttpResponse<String> ok = update(base, "/kg/update", insert, "correct horse");
            assertTrue(ok.statusCode() == 200 || ok.statusCode() == 204, ok.statusCode() + " " + ok.body());
            assertEquals(before + 1, count(base));
            assertEquals(200, update(base, "/kg/update", "DROP GRAPH <urn:test:g>", "correct horse").statusCode() / 100 * 100);
            assertEquals(before, count(base));
        });
    }

    @Test
    void aRunawayQueryIsStoppedAndOthersAreAnswered() throws Exception {
        withServer(b -> b.timeoutMillis(2000), (server, base) -> {
            long t0 = System.nanoTime();
            CompletableFuture<HttpResponse<String>> runaway = CompletableFuture.supplyAsync(() -> {
                try {
                    return query(base, RUNAWAY);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(300);
            long t1 = System.nanoTime();
            assertTrue(count(base) > 1000);   // answered while the runaway runs
            double otherSecs = (System.nanoTime() - t1) / 1e9;
            HttpResponse<String> r = runaway.get();
            double secs = (System.nanoTime() - t0) / 1e9;
            System.err.printf("ServerSafetyTest: runaway -> %d after %.1f s (%s); other query %.2f s%n", r.statusCode(), secs,
                    r.body().strip(), otherSecs);
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.body().contains("timed out"), r.body());
            assertTrue(secs < 20, "stopped only after " + secs + " s");
            assertTrue(otherSecs < 2, "the other query waited " + otherSecs + " s");
            assertTrue(count(base) > 1000);   // and still answers afterwards
        });
    }

    @Test
    void resultsAreCappedAtMaxRows() throws Exception {
        withServer(b -> b.maxRows(10), (server, base) -> {
            HttpResponse<String> all = query(base, "SELECT * WHERE { ?s ?p ?o }");
            assertEquals(200, all.statusCode());
            assertEquals(10, rows(all.body()));
            assertEquals(Optional.of("10"), all.headers().firstValue(CappedQuery.TRUNCATED));
            HttpResponse<String> few = query(base, "SELECT * WHERE { ?s ?p ?o } LIMIT 5");
            assertEquals(5, rows(few.body()));
            assertEquals(Optional.empty(), few.headers().firstValue(CappedQuery.TRUNCATED));
            HttpResponse<String> ten = query(base, "SELECT * WHERE { ?s ?p ?o } LIMIT 10");
            assertEquals(10, rows(ten.body()));
            assertEquals(Optional.empty(), ten.headers().firstValue(CappedQuery.TRUNCATED), "exactly max rows is not cut");
        });
    }

    @Test
    void aResultLargerThanTheOutputBufferArrivesWhole() throws Exception {
        // the server buffers 64 kB of a response; a larger one streams, every row intact
        withServer(b -> { }, (server, base) -> {
            long n = count(base);
            HttpResponse<String> all = query(base, "SELECT * WHERE { ?s ?p ?o }");
            assertEquals(200, all.statusCode());
            assertTrue(all.body().length() > 10 * 64 * 1024, "only " + all.body().length() + " bytes");
            assertEquals(n, rows(all.body()));
        });
    }

    static int rows(String json) {
        var rs = org.apache.jena.query.ResultSetFactory.fromJSON(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        int n = 0;
        for (; rs.hasNext(); rs.next()) n++;
        return n;
    }

    @Test
    void theCliTakesNoPasswordOnTheCommandLine(@TempDir Path tmp) throws Exception {
        String store = tmp.resolve("store").toString();
        var onLine = RobustnessSupport.cli("serve", "--store", store, "--port", "0", "--update", "--password", "secret");
        assertEquals(2, onLine.code(), onLine.err());
        Path empty = Files.writeString(tmp.resolve("empty-password"), "\n");
        var emptyFile = RobustnessSupport.cli("serve", "--store", store, "--port", "0", "--update", "--password-file", empty.toString());
        assertEquals(2, emptyFile.code());
        assertTrue(emptyFile.err().contains("empty"), emptyFile.err());
        Path pw = Files.writeString(tmp.resolve("password"), "secret\n");
        var noUpdate = RobustnessSupport.cli("serve", "--store", store, "--port", "0", "--password-file", pw.toString());
        assertEquals(2, noUpdate.code());
        assertTrue(noUpdate.err().contains("--update"), noUpdate.err());
        if (System.getenv("PHARMAKG_PASSWORD") == null) {   // else `serve --update` would start serving
            var noPassword = RobustnessSupport.cli("serve", "--store", store, "--port", "0", "--update");
            assertEquals(2, noPassword.code());
            assertTrue(noPassword.err().contains("PHARMAKG_PASSWORD"), noPassword.err());
        }
    }
}
