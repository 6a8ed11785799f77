package org.pharmakg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.DealFixture;

/**
 * Deals over the seed store plus the deal fixture, served with the explorer: the agreements the store links,
 * partnerships in time, the named queries through the API, the deals API (filters, sorting, paging, evidence of
 * every term), deal edges of the partner network, the scorer's query and SHACL validation.
 */
class DealsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ID = "https://w3id.org/pharmakg/id/";

    @TempDir static Path dir;
    static SeedServer seed;

    @BeforeAll
    static void start() { seed = SeedServer.start(dir, true); }

    @AfterAll
    static void stop() { if (seed != null) seed.close(); }

    /** Deals in the store matching a pattern on ?d: the seeds' own deals (when the extractor finds some) and the fixture's. */
    static long deals(String where) {
        return seed.count("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Deal . " + where + " }");
    }

    /** A deal's year (its date, else its release's): patterns for {@link #deals}. */
    static final String YEAR = "?d kg:announcedIn ?doc . OPTIONAL { ?d kg:dealDate ?dd } OPTIONAL { ?doc kg:releaseDate ?rd } "
            + "BIND(YEAR(COALESCE(?dd, ?rd)) AS ?y) ";
    static final String IN_2015 = YEAR + "FILTER(?y = 2015) ";
    static final String IN_2014_2015 = YEAR + "FILTER(?y >= 2014 && ?y <= 2015) ";

    /** The IRI of the fixture deal announced in a fixture release. */
    static String fixtureDeal(String docId) {
        var q = Sparql.query("SELECT ?d WHERE { ?d a kg:Deal ; kg:announcedIn ?doc }");
        q.setIri("doc", ID + "document/" + docId);
        return Txn.calculateRead(seed.store.dataset(), () -> Sparql.select(seed.store.dataset(), q).get(0).str("d"));
    }

    /** The largest (or smallest) amount of a money term over the deals matching a pattern, as a plain number. */
    static String extreme(String agg, String term, String where) {
        var q = Sparql.query("SELECT (" + agg + "(?a) AS ?x) WHERE { ?d a kg:Deal ; kg:" + term + " ?m . ?m kg:amount ?a . " + where + " }");
        return DealViews.plain(Txn.calculateRead(seed.store.dataset(), () -> Sparql.select(seed.store.dataset(), q).get(0).str("x")));
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(seed.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** Rows of a named query as maps from column to lexical form. */
    static List<Map<String, String>> rows(String name, Map<String, String> params) {
        var q = NamedQueries.load(name).bind(params);
        return Txn.calculateRead(seed.store.dataset(), () -> {
            List<Map<String, String>> out = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(seed.store.dataset()).query(q).build()) {
                var rs = qe.select();
                while (rs.hasNext()) {
                    var b = rs.next();
                    Map<String, String> m = new HashMap<>();
                    b.vars().forEachRemaining(v -> {
                        var n = b.get(v);
                        m.put(v.getVarName(), n.isURI() ? n.getURI() : n.getLiteralLexicalForm());
                    });
                    out.add(m);
                }
            }
            return out;
        });
    }

    @Test
    void everyEvidenceSpanOfTheFixtureIsInItsSentenceAndText() {
        long n = seed.count("""
                SELECT (COUNT(?ev) AS ?n) WHERE {
                  ?ev rdf:subject ?deal ; prov:wasDerivedFrom ?doc ; kg:sentence ?s ; oa:hasSelector ?sel .
                  ?deal a kg:Deal . ?sel oa:start ?a ; oa:end ?b . ?doc kg:text ?t .
                  FILTER(CONTAINS(?s, SUBSTR(?t, ?a + 1, ?b - ?a)) && ?b > ?a)
                }""");
        long all = seed.count("SELECT (COUNT(?ev) AS ?n) WHERE { ?ev rdf:subject ?deal . ?deal a kg:Deal }");
        assertTrue(all > 60, "every term has evidence: " + all);
        assertEquals(all, n, "evidence spans that are not in their sentence");
    }

    @Test
    void aUnitAndItsParentAreOnePartyOfOneAgreement() {
        // Genentech's licence expansion and Roche's milestone: the seeds say Genentech is a member of the Roche Group
        List<Map<String, String>> agreement = rows("deal-history", Map.of("deal", "<" + fixtureDeal("fx-10-roche-milestone") + ">"));
        assertEquals(List.of("expanded", "milestone"), agreement.stream().map(r -> r.get("event")).toList());
        assertEquals(agreement.get(0).get("agreement"), agreement.get(1).get("agreement"));
        assertEquals(6, seed.count("""
                SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/pharmakg/graph/agreements> { ?a kg:sameAgreement ?b }
                  FILTER(CONTAINS(STR(?a), "/deal/fx-") && CONTAINS(STR(?b), "/deal/fx-")) }"""));
    }

    @Test
    void partnershipsHaveASinceAndATerminatedOneAnUntil() {
        Map<String, Map<String, String>> byPartner = new HashMap<>();
        for (var r : rows("partners", Map.of("company", "ImmunoGen"))) byPartner.put(r.get("partnerName"), r);
        assertEquals("2012", byPartner.get("Novartis").get("since"), "the seeds of 2012 name the partnership");
        assertEquals("2016", byPartner.get("Novartis").get("until"), "terminated in 2016, nothing after");
        assertEquals("2014", byPartner.get("Takeda").get("since"));
        assertNull(byPartner.get("Takeda").get("until"));
        assertEquals("5", byPartner.get("Novartis").get("documents"), "3 seed releases and 2 fixture releases");
        Map<String, String> morphosys = rows("partners", Map.of("company", "Bayer")).stream()
                .filter(r -> r.get("partnerName").equals("MorphoSys")).findFirst().orElseThrow();
        assertEquals("2011", morphosys.get("since"));
        assertNull(morphosys.get("until"), "the 2015 licence restarted what ended in 2011");

        var vars = NamedQueries.load("partner-network").bind(Map.of("company", "Novartis")).getResultVars();
        assertEquals(List.of("source", "target", "relation", "sourceIri", "targetIri", "since", "until"), vars);
        var edge = rows("partner-network", Map.of("company", "Novartis")).stream()
                .filter(r -> r.get("target").equals("Novartis")).findFirst().orElseThrow();
        assertEquals("2016", edge.get("until"));
        assertEquals(List.of("companyName", "partnerName", "relation", "documents", "companyIri", "partnerIri", "since", "until"),
                NamedQueries.load("partners").bind(Map.of()).getResultVars());
    }

    @Test
    void namedQueriesRunThroughTheApiWithBoundParameters() throws Exception {
        JsonNode r = json("/api/query?name=deals&company=" + enc("ImmunoGen"));
        assertEquals("date", r.get("vars").get(0).asText());
        assertEquals(deals("?d kg:party <" + ID + "company/immunogen>"), r.get("rows").size());
        assertEquals("2016-09-20", r.get("rows").get(0).get("date").asText(), "newest first");
        assertFalse(r.get("truncated").asBoolean());
        JsonNode history = json("/api/query?name=deal-history&deal=" + enc("<" + fixtureDeal("fx-06-biotest-exercise") + ">"));
        // the option signed, then exercised (and what the seeds' own releases say of the same agreement), in date order
        String signed = fixtureDeal("fx-05-biotest-option"), exercised = fixtureDeal("fx-06-biotest-exercise");
        List<String> order = new ArrayList<>(), dates = new ArrayList<>();
        for (JsonNode row : history.get("rows")) {
            order.add(row.get("deal").asText());
            dates.add(row.get("date").asText());
            assertEquals(history.get("rows").get(0).get("agreement"), row.get("agreement"), "one agreement");
        }
        assertTrue(order.indexOf(signed) >= 0 && order.indexOf(signed) < order.indexOf(exercised), order.toString());
        assertEquals(dates.stream().sorted().toList(), dates, "in date order");
        assertTrue(dates.get(order.indexOf(exercised)).equals("2013-05-17"), "the date the text gives, not the release's");
        JsonNode largest = json("/api/query?name=largest-deals&from=2014&to=2015");
        assertEquals(deals(IN_2014_2015 + " ?d kg:upfront|kg:equity|kg:totalValue ?m . ?m kg:currency \"USD\""), largest.get("rows").size(), largest.toString());
        assertEquals(400, get("/api/query?name=deals&nonsense=1").statusCode());
        assertEquals(400, get("/api/query?name=no-such-query").statusCode());
        JsonNode injected = json("/api/query?name=deals&company=" + enc("x\" ) } UNION { ?deal ?p ?o } #"));
        assertEquals(0, injected.get("rows").size(), "a value is a term, never query text");
    }

    @Test
    void dealsApiFiltersSortsAndPagesOnTheServer() throws Exception {
        JsonNode all = json("/api/deals");
        assertEquals(deals(""), all.get("total").asInt());
        assertTrue(all.get("total").asInt() >= DealFixture.DEALS);
        assertEquals("2016-09-20", all.get("deals").get(0).get("date").asText(), "newest first");
        assertTrue(JSON.convertValue(all.get("years"), List.class).containsAll(List.of(2011, 2012, 2013, 2014, 2015, 2016)));

        JsonNode licences = json("/api/deals?kind=licence");
        assertEquals(deals("?d kg:dealKind kg:Licence"), licences.get("total").asInt());
        licences.get("deals").forEach(d -> assertEquals("licence", d.get("kind").get("value").asText()));

        JsonNode byUpfront = json("/api/deals?sort=upfront");
        JsonNode top = byUpfront.get("deals").get(0).get("upfront");
        assertEquals(extreme("MAX", "upfront", ""), top.get("amount").asText());
        assertEquals(DealViews.format(top.get("amount").asText(), top.get("currency").asText()), top.get("label").asText());
        assertEquals("$45M", DealViews.format("45000000", "USD"));
        JsonNode smallest = json("/api/deals?sort=upfront&dir=asc");
        assertEquals(extreme("MIN", "upfront", ""), smallest.get("deals").get(0).get("upfront").get("amount").asText(),
                "deals without an upfront go last");

        JsonNode min = json("/api/deals?minUpfront=10000000&currency=USD");
        assertEquals(deals("?d kg:upfront ?m . ?m kg:currency \"USD\" ; kg:amount ?a FILTER(?a >= 10000000)"), min.get("total").asInt());
        assertTrue(min.get("total").asInt() >= 2, "Novartis ($45M) and Takeda ($20M)");
        assertEquals(deals("?d kg:upfront ?m . ?m kg:currency \"EUR\" ; kg:amount ?a FILTER(?a >= 10000000)"),
                json("/api/deals?minUpfront=10000000&currency=EUR").get("total").asInt());
        assertEquals(deals(IN_2015), json("/api/deals?from=2015&to=2015").get("total").asInt());

        int total = all.get("total").asInt();
        JsonNode page1 = json("/api/deals?limit=4"), page3 = json("/api/deals?limit=4&offset=" + (total - 2));
        assertTrue(page1.get("more").asBoolean(), "cut: more deals than the page");
        assertEquals(4, page1.get("deals").size());
        assertEquals(2, page3.get("deals").size());
        assertFalse(page3.get("more").asBoolean());
        assertEquals(400, get("/api/deals?limit=1000").statusCode(), "answers are bounded");
        assertEquals(400, get("/api/deals?kind=merger").statusCode());
        assertEquals(400, get("/api/deals?sort=" + enc("?x")).statusCode());
        assertEquals(400, get("/api/deals?minUpfront=lots").statusCode());
        assertEquals(400, get("/api/deals?from=2016&to=2012").statusCode());

        JsonNode compound = json("/api/deals?entity=" + enc(ID + "compound/indatuximab-ravtansine"));
        assertEquals(deals("?d kg:covers <" + ID + "compound/indatuximab-ravtansine>"), compound.get("total").asInt());
        assertEquals("indatuximab ravtansine", compound.get("entityLabel").asText());
        JsonNode exercised = null;
        for (JsonNode d : compound.get("deals")) if (d.get("iri").asText().equals(fixtureDeal("fx-06-biotest-exercise"))) exercised = d;
        assertNotNull(exercised);
        assertTrue(exercised.get("agreementDeals").asInt() >= 2, "the option signed and exercised are one agreement");
    }

    @Test
    void everyTermOfADealLinksToTheWordsThatStateIt() throws Exception {
        JsonNode takeda = null;
        for (JsonNode d : json("/api/deals?entity=" + enc(ID + "company/takeda")).get("deals")) {
            if (d.get("iri").asText().equals(fixtureDeal("fx-01-takeda-licence"))) takeda = d;
        }
        assertNotNull(takeda);
        String doc = takeda.get("release").get("iri").asText();
        String text = json("/api/document?iri=" + enc(doc)).get("text").asText();
        Map<String, JsonNode> terms = Map.of("$20 million", takeda.get("upfront").get("evidence"),
                "up to $300 million", takeda.get("milestones").get("evidence"),
                "$320 million", takeda.get("total").get("evidence"),
                "outside the United States", takeda.get("territory").get("evidence"),
                "exclusive licence", takeda.get("kind").get("evidence"),
                "tiered royalties up to the low double digits", takeda.get("royalties").get("evidence"),
                "mirvetuximab soravtansine", takeda.get("assets").get(0).get("evidence"));
        for (var e : terms.entrySet()) {
            JsonNode ev = e.getValue();
            assertEquals(doc, ev.get("document").asText());
            assertEquals(e.getKey(), text.substring(ev.get("start").asInt(), ev.get("end").asInt()));
            assertTrue(ev.get("sentence").asText().contains(e.getKey()));
        }
        assertEquals("ImmunoGen", takeda.get("licensor").get("label").asText());
        assertEquals("Takeda", takeda.get("licensee").get("label").asText());
        assertEquals("tiered royalties up to the low double digits", takeda.get("royaltyTerms").get("value").asText());
        assertTrue(takeda.get("royalties").get("value").asBoolean());
    }

    @Test
    void thePartnerNetworkDrawsDealsAsLabelledEdges() throws Exception {
        JsonNode edges = json("/api/partner-network").get("elements").get("edges");
        List<String> labels = new ArrayList<>();
        JsonNode takeda = null;
        for (JsonNode e : edges) {
            JsonNode d = e.get("data");
            if (!d.get("relation").asText().equals("deal")) continue;
            labels.add(d.get("label").asText());
            if (d.get("target").asText().endsWith("/takeda")) takeda = d;
        }
        assertTrue(labels.size() >= deals(""), "an edge per deal at least: " + labels);
        assertNotNull(takeda);
        assertEquals(ID + "company/immunogen", takeda.get("source").asText(), "licensor to licensee");
        assertEquals("licence · $20M upfront", takeda.get("label").asText());
        assertTrue(labels.contains("acquisition completed · $10.4B total"), labels.toString());
        assertTrue(labels.contains("licence · €13M upfront"), labels.toString());
        assertTrue(labels.contains("option exercised · $5M upfront"), labels.toString());
        assertTrue(labels.contains("collaboration terminated"), labels.toString());
        assertEquals(2, json("/api/partner-network?from=2015&to=2015").get("elements").get("edges").findValues("relation").stream()
                .filter(r -> r.asText().equals("deal")).count());
        assertEquals(0, json("/api/partner-network?deals=false").get("elements").get("edges").findValues("relation").stream()
                .filter(r -> r.asText().equals("deal")).count());
    }

    @Test
    void theScorersDealQueryAnswersForEveryDeal() throws Exception {
        // the reference scorer's deal query, kept on the class path beside entities.rq and facts.rq (a clone may have no ../shared)
        String q = new String(getClass().getClassLoader().getResourceAsStream("eval/deals.rq").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        Map<String, List<String>> keys = new HashMap<>();
        Txn.executeRead(seed.store.dataset(), () -> {
            try (QueryExec qe = QueryExec.dataset(seed.store.dataset()).query(QueryFactory.create(q)).build()) {
                qe.select().forEachRemaining(b -> keys.computeIfAbsent(b.get("deal").getURI(), k -> new ArrayList<>())
                        .add(b.get("key").getLiteralLexicalForm() + "=" + b.get("value").getLiteralLexicalForm()));
            }
        });
        assertEquals(deals(""), keys.size());
        List<String> takeda = keys.get(fixtureDeal("fx-01-takeda-licence"));
        for (String kv : List.of("kind=" + "https://w3id.org/pharmakg/ontology#Licence", "upfront=20000000", "royalties=true", "territory=ex-US")) {
            assertTrue(takeda.stream().anyMatch(s -> s.equals(kv) || s.startsWith(kv + ".")), kv + " not in " + takeda);
        }
    }

    @Test
    void theSeedStoreWithDealsConformsToTheShapes() throws Exception {
        Shapes shapes;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("ontology/shapes.ttl")) {
            shapes = Shapes.parse(org.apache.jena.riot.RDFParser.source(in).lang(org.apache.jena.riot.Lang.TURTLE).toGraph());
        }
        var report = Txn.calculateRead(seed.store.dataset(), () -> ShaclValidator.get().validate(shapes, seed.store.dataset().getUnionGraph()));
        assertTrue(report.conforms(), () -> report.getEntries().stream().limit(5).map(Object::toString).toList().toString());
    }
}
