package org.pharmakg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.store.KgStore;

/**
 * Issue 16 (low): an entity added through SPARQL Update at {@code /kg/update} has no {@code kg:nameKey};
 * the named query entity-search must find it anyway. A real server on port 0 over a fresh store.
 */
class UpdatedEntitySearchTest {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String PASSWORD = "a long and correct horse battery staple";

    @Test
    void anEntityAddedByUpdateIsFoundBySearch(@TempDir Path tmp) throws Exception {
        try (KgStore store = KgStore.open(tmp.resolve("store"))) {
            store.ensureOntology();
            KgServer server = KgServer.builder(store.dataset()).port(0).update(PASSWORD).build().start();
            try {
                String base = "http://127.0.0.1:" + server.port();
                assertFalse(search(base, "zyxcorp").contains("zyxcorp"));
                String insert = "PREFIX kg: <https://w3id.org/pharmakg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                        + "INSERT DATA { GRAPH <urn:test:manual> { <https://w3id.org/pharmakg/id/company/zyxcorp-bio> "
                        + "a kg:Company, kg:Entity ; rdfs:label \"ZyxCorp Bio\" } }";
                HttpResponse<String> up = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/kg/update"))
                        .header("Content-Type", "application/sparql-update")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (KgServer.UPDATE_USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(insert)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(2, up.statusCode() / 100, up.statusCode() + " " + up.body());
                String found = search(base, "zyxcorp");
                assertTrue(found.contains("https://w3id.org/pharmakg/id/company/zyxcorp-bio") && found.contains("zyxcorp bio"), found);
            } finally {
                server.stop();
            }
        }
    }

    /** The entity-search named query over HTTP, as CSV. */
    private static String search(String base, String q) throws Exception {
        String query = NamedQueries.load("entity-search").bind(Map.of("q", q)).toString();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/kg/sparql?query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Accept", "text/csv").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
