package org.pharmakg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.TestSupport;
import org.pharmakg.store.KgStore;

/** The real Fuseki on a real port over a store built from the seed releases. */
class ServerTest {
    @TempDir static Path tmp;
    static KgStore store;
    static KgServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        store = KgStore.open(tmp.resolve("store"));
        TestSupport.build(store, List.of(TestSupport.data()));
        server = KgServer.builder(store.dataset()).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (store != null) store.close();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String sparql(String endpoint, String q) throws Exception {
        return get(endpoint + "?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "text/csv").body();
    }

    @Test
    void answersSparqlAtBothEndpoints() throws Exception {
        String q = "PREFIX kg: <https://w3id.org/pharmakg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                + "SELECT ?b WHERE { ?a rdfs:label \"ImmunoGen\" . ?a kg:partnerOf ?c . ?c rdfs:label ?b } ORDER BY ?b";
        String viaSparql = sparql("/kg/sparql", q);
        assertTrue(viaSparql.contains("Genentech") && viaSparql.contains("Amgen"), viaSparql);
        assertEquals(viaSparql, sparql("/kg/query", q));
    }

    @Test
    void repeatedQueriesGiveTheSameAnswerAndBadOnesA400() throws Exception {
        // parsed queries are kept by their text: a repeat must answer alike, a near-identical text differently
        String q = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?l WHERE { ?a rdfs:label ?l FILTER(?l = \"Amgen\") }";
        String first = sparql("/kg/sparql", q);
        assertTrue(first.contains("Amgen"), first);
        assertEquals(first, sparql("/kg/sparql", q));
        String other = sparql("/kg/sparql", q.replace("Amgen", "Bayer"));
        assertTrue(other.contains("Bayer") && !other.contains("Amgen"), other);
        for (int i = 0; i < 2; i++) {   // twice: a failed parse is not kept
            HttpResponse<String> bad = get("/kg/sparql?query=" + URLEncoder.encode("SELECT ?x WHERE { ?x ", StandardCharsets.UTF_8), "text/csv");
            assertEquals(400, bad.statusCode(), bad.body());
            assertTrue(bad.body().toLowerCase().contains("parse"), bad.body());
        }
    }

    @Test
    void scorerQueriesSeeEveryScoredClass() throws Exception {
        String body = sparql("/kg/sparql", new String(getClass().getClassLoader().getResourceAsStream("eval/entities.rq").readAllBytes(), StandardCharsets.UTF_8));
        for (String t : List.of("Company", "Compound", "Target", "Indication", "ClinicalTrial", "TrialPhase")) {
            assertTrue(body.contains("," + t + ","), "no " + t + " through the scorer's query");
        }
    }

    @Test
    void graphStoreReadAndHomePage() throws Exception {
        HttpResponse<String> g = get("/kg/get?graph=" + URLEncoder.encode("https://w3id.org/pharmakg/graph/entities", StandardCharsets.UTF_8), "text/turtle");
        assertEquals(200, g.statusCode());
        assertTrue(g.body().contains("trastuzumab emtansine"), "entities graph lacks the canonical label");
        HttpResponse<String> home = get("/", "text/html");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("/kg/sparql") && home.body().contains("press releases"), home.body());
    }

    @Test
    void isReadOnly() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/kg/update"))
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString("DROP ALL")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertNotEquals(200, r.statusCode());
        long n = Txn.calculateRead(store.dataset(), () -> {
            try (QueryExec qe = QueryExec.dataset(store.dataset()).query(QueryFactory.create("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")).build()) {
                return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
            }
        });
        assertTrue(n > 100, "the store lost its triples");
    }

    @Test
    void everyNamedQueryParsesAndRuns() {
        Map<String, String> examples = Map.of("company", "ImmunoGen", "q", "her2");
        for (NamedQueries.Named q : NamedQueries.all()) {
            assertTrue(!q.description().isBlank(), q.name() + " has no header comment");
            Map<String, String> params = new java.util.HashMap<>();
            for (String p : q.required()) {
                var e = assertThrows(org.pharmakg.PharmakgException.class, () -> q.bind(Map.of()), q.name());
                assertTrue(e.getMessage().contains("needs parameter '" + p + "'"), e.getMessage());
                params.put(p, examples.get(p));
            }
            int n = rows(q, params);
            if (!q.required().isEmpty()) assertTrue(n > 0, q.name() + " " + params + " finds nothing in the seeds");
        }
    }

    @Test
    void requiredAndSubSelectParameters() {
        assertEquals(List.of("company"), NamedQueries.load("partner-network").required());
        assertEquals(List.of("q"), NamedQueries.load("entity-search").required());
        assertEquals(List.of(), NamedQueries.load("documents").required());
        // the network around ImmunoGen in the seeds holds its partnerships, each edge once
        NamedQueries.Named network = NamedQueries.load("partner-network");
        List<String> edges = Txn.calculateRead(store.dataset(), () -> {
            List<String> out = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(store.dataset()).query(network.bind(Map.of("company", "immunogen"))).build()) {
                qe.select().forEachRemaining(b -> out.add(b.get("source").getLiteralLexicalForm() + " " + b.get("relation").getLiteralLexicalForm()
                        + " " + b.get("target").getLiteralLexicalForm()));
            }
            return out;
        });
        assertTrue(edges.stream().anyMatch(e -> e.contains("ImmunoGen") && e.contains("partnerOf")), edges.toString());
        assertEquals(edges.size(), new java.util.HashSet<>(edges).size(), "each edge once: " + edges);
    }

    @Test
    void parametersReachSubSelects(@TempDir Path dir) throws Exception {
        // a sub-SELECT sees only its own variables: unbound there, ?k would match every name key in the store
        Path rq = dir.resolve("labels.rq");
        java.nio.file.Files.writeString(rq, """
                # Labels of the entity with this name.
                # param: ?company  a name
                PREFIX kg: <https://w3id.org/pharmakg/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?label WHERE { { SELECT ?label WHERE { BIND(LCASE(STR(?company)) AS ?k) ?c kg:nameKey ?k ; rdfs:label ?label } } }
                """);
        assertEquals(1, rows(NamedQueries.load(rq.toString()), Map.of("company", "ImmunoGen")));
    }

    @Test
    void namedQueryParametersAreBoundNotSpliced() {
        NamedQueries.Named partners = NamedQueries.load("partners");
        int bayer = rows(partners, Map.of("company", "Bayer"));
        assertTrue(bayer > 0, "Bayer has partners in the seeds");
        int injected = rows(partners, Map.of("company", "Bayer\" ) } UNION { ?companyIri ?p ?o } #"));
        assertEquals(0, injected, "an injection attempt must match nothing");
        QueryFactory.create(partners.bind(Map.of("company", "x\" . } DROP ALL ; #")).toString()); // still one valid query
    }

    private int rows(NamedQueries.Named q, Map<String, String> params) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExec qe = QueryExec.dataset(store.dataset()).query(q.bind(params)).build()) {
                int n = 0;
                var rs = qe.select();
                while (rs.hasNext()) { rs.next(); n++; }
                return n;
            }
        });
    }
}
