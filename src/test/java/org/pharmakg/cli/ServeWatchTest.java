package org.pharmakg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.RobustnessSupport;

/**
 * Issue 6 with the real CLI in a child JVM: {@code pharmakg serve --watch DIR --update} (password
 * from PHARMAKG_PASSWORD) holds the store; a {@code build} against it fails fast with exit 3 and
 * a message saying what to do; a release dropped into DIR, then changed, shows up through SPARQL
 * while serving, and no poll ever sees half a document; deleted, it leaves the graph; a wrong password gets 401; after the
 * server stops the store opens and validates.
 */
class ServeWatchTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String DOC = "https://w3id.org/pharmakg/id/document/001_8de427df72a8a915";

    @Test
    void aServedStoreIsLockedAndWatchedReleasesAppear(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        ProcessBuilder pb = RobustnessSupport.childCli("serve", "--store", store.toString(), "--port", "0",
                "--watch", inbox.toString(), "--update", "--timeout", "10");
        pb.environment().put("PHARMAKG_PASSWORD", "watch-test-password");
        Process child = pb.start();
        List<String> output = output(child);
        try {
            String base = awaitBase(output, child);

            // 3. a second process cannot take the store: fast, exit 3, says what to do
            long t0 = System.nanoTime();
            var build = RobustnessSupport.cli("build", "--store", store.toString(), RobustnessSupport.data().toString());
            double secs = (System.nanoTime() - t0) / 1e9;
            assertEquals(Main.ENVIRONMENT, build.code(), build.err());
            assertTrue(build.err().contains("in use by process " + child.pid()), build.err());
            assertTrue(build.err().contains("serve --watch"), build.err());
            assertTrue(secs < 10, "took " + secs + " s to fail");

            // 5. through the CLI: a wrong password gets 401 and changes nothing
            assertEquals(401, update(base, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "not-the-password").statusCode());
            assertEquals("0", select(base, "SELECT (COUNT(*) AS ?n) WHERE { <urn:a> ?p ?o }"));

            // 9. a release dropped into the folder appears, then a changed version replaces it
            String seed = Files.readString(RobustnessSupport.data().resolve("001_8de427df72a8a915.txt"));
            Files.writeString(inbox.resolve("001_8de427df72a8a915.txt"), seed);
            String headline = "SELECT ?h WHERE { <" + DOC + "> <https://w3id.org/pharmakg/ontology#headline> ?h }";
            String first = awaitValue(base, headline, h -> !h.isEmpty(), 60);
            assertTrue(first.contains("ImmunoGen"), first);
            String entity = select(base, "SELECT ?l WHERE { ?e a <https://w3id.org/pharmakg/ontology#Company> ; "
                    + "<http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(?l = \"ImmunoGen\") }");
            assertEquals("ImmunoGen", entity);

            Files.writeString(inbox.resolve("001_8de427df72a8a915.txt"),
                    seed.replace("Announces Clinical Data Presentations", "Announces Updated Clinical Data"));
            String second = awaitValue(base, headline, h -> h.contains("Updated Clinical Data"), 60);
            assertTrue(second.contains("Updated Clinical Data"), second);

            // and a release deleted from the folder leaves the graph, with the entities only it named
            Files.delete(inbox.resolve("001_8de427df72a8a915.txt"));
            assertEquals("", awaitValue(base, headline, String::isEmpty, 60));
            // the release's graph goes first, then the resolver rewrites the entities graph in its own transaction
            assertEquals("0", awaitValue(base, "SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://w3id.org/pharmakg/ontology#Company> }",
                    "0"::equals, 60));
        } finally {
            child.destroy();   // SIGTERM: the shutdown hook stops the watcher and server and releases the store
            if (!child.waitFor(30, TimeUnit.SECONDS)) child.destroyForcibly().waitFor();
            synchronized (output) {
                System.err.println("serve --watch output:\n  " + String.join("\n  ", output));
            }
        }
        var v = RobustnessSupport.cli("validate", "--store", store.toString());
        assertEquals(Main.OK, v.code(), v.out());
    }

    /** The child's output lines as they come (a daemon thread reads them; wait on the list for more). */
    static List<String> output(Process child) {
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) synchronized (output) { output.add(l); output.notifyAll(); }
            } catch (java.io.IOException e) {
                // child gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    static String awaitBase(List<String> output, Process child) throws InterruptedException {
        Pattern p = Pattern.compile("SPARQL:\\s+(http://[^/]+)/kg/sparql");
        long end = System.currentTimeMillis() + 60_000;
        synchronized (output) {
            for (int i = 0; System.currentTimeMillis() < end && child.isAlive(); ) {
                for (; i < output.size(); i++) {
                    Matcher m = p.matcher(output.get(i));
                    if (m.find()) return m.group(1);
                }
                output.wait(100);
            }
            throw new AssertionError("serve did not start:\n" + String.join("\n", output));
        }
    }

    /** Polls the query until its single value satisfies the test; every poll sees at most one value (never half a document). */
    static String awaitValue(String base, String query, java.util.function.Predicate<String> ok, int seconds) throws Exception {
        long end = System.currentTimeMillis() + seconds * 1000L;
        String last = "";
        while (System.currentTimeMillis() < end) {
            List<String> values = values(base, query);
            assertTrue(values.size() <= 1, "a reader saw " + values.size() + " headlines: " + values);
            last = values.isEmpty() ? "" : values.get(0);
            if (ok.test(last)) return last;
            Thread.sleep(250);
        }
        throw new AssertionError("not seen within " + seconds + " s: " + query + " (last: " + last + ")");
    }

    static String select(String base, String query) throws Exception {
        List<String> v = values(base, query);
        return v.isEmpty() ? "" : v.get(0);
    }

    static List<String> values(String base, String query) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        List<String> lines = new ArrayList<>(r.body().lines().toList());
        lines.remove(0);   // the header
        return lines.stream().map(l -> l.replaceAll("^\"|\"$", "")).toList();
    }

    static HttpResponse<String> update(String base, String update, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/kg/update"))
                .header("Content-Type", "application/sparql-update")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("pharmakg:" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
