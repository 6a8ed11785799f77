package org.pharmakg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.export.NetworkWriter;
import org.w3c.dom.Document;

/** The explorer's JSON API (and static files, and the network exports) over HTTP, on the seed store. */
class ExplorerApiTest {
    private static final String TDM1 = "https://w3id.org/pharmakg/id/compound/trastuzumab-emtansine";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir static Path dir;
    static SeedServer seed;

    @BeforeAll
    static void start() { seed = SeedServer.start(dir); }

    @AfterAll
    static void stop() { if (seed != null) seed.close(); }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(seed.url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + " -> " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    @Test
    void searchFindsEntitiesByAnyAliasInAnyCase() throws Exception {
        for (String q : List.of("Kadcyla", "t-dm1", "KADC")) {
            JsonNode hits = json("/api/search?q=" + enc(q)).get("results");
            assertEquals(TDM1, hits.get(0).get("iri").asText(), q);
            assertEquals("Compound", hits.get(0).get("type").asText());
            assertEquals("trastuzumab emtansine", hits.get(0).get("label").asText());
        }
        JsonNode sclc = json("/api/search?q=sclc").get("results");
        assertEquals("Indication", sclc.get(0).get("type").asText());
        assertEquals("SCLC", sclc.get(0).get("matched").asText());
        JsonNode bayer = json("/api/search?q=Bayer").get("results");
        assertEquals("https://w3id.org/pharmakg/id/company/bayer", bayer.get(0).get("iri").asText());
    }

    @Test
    void searchTextIsBoundNotSpliced() throws Exception {
        // would break out of a string literal if spliced into the query text
        JsonNode r = json("/api/search?q=" + enc("\") } SELECT * WHERE { ?s ?p ?o } #"));
        assertEquals(0, r.get("results").size());
        assertEquals(0, json("/api/search?q=").get("results").size());
    }

    @Test
    void entityHasLabelAliasesAndFactsWithEvidence() throws Exception {
        JsonNode e = json("/api/entity?iri=" + enc(TDM1));
        assertEquals("trastuzumab emtansine", e.get("label").asText());
        assertEquals("Compound", e.get("type").asText());
        Set<String> aliases = new HashSet<>();
        e.get("aliases").forEach(a -> aliases.add(a.asText()));
        assertTrue(aliases.containsAll(Set.of("Kadcyla", "T-DM1")), aliases.toString());

        JsonNode targets = group(e.get("out"), "targets");
        assertNotNull(targets, "no targets group in " + e.get("out"));
        JsonNode her2 = targets.get("facts").get(0);
        assertEquals("HER2", her2.get("label").asText());
        assertFalse(her2.get("evidence").isEmpty());
        assertNotNull(group(e.get("in"), "develops"), "developers come in as 'develops' facts");

        // every evidence span, cut from the release text at its offsets, is part of its sentence
        int checked = 0;
        for (JsonNode g : iterable(e.get("out"), e.get("in"))) {
            for (JsonNode f : g.get("facts")) {
                for (JsonNode ev : f.get("evidence")) {
                    JsonNode doc = json("/api/document?iri=" + enc(ev.get("document").asText()));
                    String span = doc.get("text").asText().substring(ev.get("start").asInt(), ev.get("end").asInt());
                    assertTrue(squash(ev.get("sentence").asText()).contains(squash(span)), span + " / " + ev.get("sentence"));
                    assertTrue(ev.get("date").asText().matches("\\d{4}-\\d\\d-\\d\\d"));
                    assertTrue(Set.of("Achieved", "Planned").contains(ev.get("status").asText()));
                    checked++;
                }
            }
        }
        assertTrue(checked >= 5, "only " + checked + " evidence items");
    }

    @Test
    void partnerOfIsShownFromBothSidesAndIdentifiersHaveLinks() throws Exception {
        JsonNode roche = json("/api/entity?iri=" + enc("https://w3id.org/pharmakg/id/company/roche"));
        JsonNode partners = group(roche.get("out"), "partnerOf");
        assertNotNull(partners);
        List<String> names = new ArrayList<>();
        partners.get("facts").forEach(f -> names.add(f.get("label").asText()));
        assertTrue(names.contains("ImmunoGen"), names.toString());
        assertNotNull(group(roche.get("in"), "subsidiaryOf"), "Roche owns Genentech and Chugai");

        boolean linked = false;
        for (String q : List.of("HER2", "trastuzumab emtansine", "breast cancer")) {
            String iri = json("/api/search?q=" + enc(q)).get("results").get(0).get("iri").asText();
            for (JsonNode id : json("/api/entity?iri=" + enc(iri)).get("identifiers")) {
                if (id.hasNonNull("url")) {
                    assertTrue(id.get("url").asText().startsWith("https://"), id.toString());
                    linked = true;
                }
            }
        }
        assertTrue(linked, "no identifier with a link among HER2, T-DM1, breast cancer");
    }

    @Test
    void aTargetLinksToHgncAndUniProt() throws Exception {
        String iri = json("/api/search?q=" + enc("HER2")).get("results").get(0).get("iri").asText();
        Map<String, String> links = new java.util.HashMap<>();
        for (JsonNode id : json("/api/entity?iri=" + enc(iri)).get("identifiers")) {
            if (id.hasNonNull("url")) links.put(id.get("scheme").asText() + " " + id.get("value").asText(), id.get("url").asText());
        }
        assertEquals("https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/HGNC:3430", links.get("HGNC HGNC:3430"), links.toString());
        assertEquals("https://www.uniprot.org/uniprotkb/P04626", links.get("UniProt P04626"), links.toString());
        assertTrue(links.containsKey("HGNC symbol ERBB2"), links.toString());
    }

    @Test
    void identifierLinksAreBuiltOnlyFromValidIdentifiers() {
        assertEquals("https://meshb.nlm.nih.gov/record/ui?ui=D000544", Identifiers.describe("meshId", "D000544").get("url"));
        assertEquals("https://meshb.nlm.nih.gov/record/ui?ui=D000544",
                Identifiers.describe("exactMatch", "http://id.nlm.nih.gov/mesh/D000544").get("url"));
        assertEquals(Identifiers.describe("uniprotId", "P04626"), Identifiers.describe("exactMatch", "http://purl.uniprot.org/uniprot/P04626"));
        assertEquals(Identifiers.describe("hgncId", "HGNC:3430"), Identifiers.describe("exactMatch", "https://identifiers.org/hgnc:3430"));
        // what a release or a hostile store could hold is shown as text, never linked
        for (String[] bad : new String[][] {{"meshId", "D000544\"><script>"}, {"uniprotId", "javascript:alert(1)"},
                {"hgncId", "HGNC:1 onmouseover=x"}, {"exactMatch", "javascript:alert(1)"}, {"exactMatch", "https://evil.example/x"},
                {"hgncSymbol", "<b>ERBB2</b>"}, {"chemblId", "CHEMBL1\"/>"}}) {
            assertNull(Identifiers.describe(bad[0], bad[1]).get("url"), bad[0] + " " + bad[1]);
        }
    }

    @Test
    void unknownOrMalformedIrisAreClientErrors() throws Exception {
        assertEquals(404, get("/api/entity?iri=" + enc("https://w3id.org/pharmakg/id/company/no-such")).statusCode());
        HttpResponse<String> bad = get("/api/entity?iri=" + enc("x> } ; DROP"));
        assertEquals(400, bad.statusCode());
        assertTrue(JSON.readTree(bad.body()).get("error").asText().contains("IRI"));
        assertEquals(404, get("/api/document?iri=" + enc(TDM1)).statusCode());
        assertEquals(404, get("/api/nothing").statusCode());
    }

    @Test
    void documentHasHeadlineDateSourceAndText() throws Exception {
        JsonNode d = json("/api/document?iri=" + enc("https://w3id.org/pharmakg/id/document/004_db42ac11690627de"));
        assertTrue(d.get("headline").asText().startsWith("ImmunoGen"));
        assertEquals("2012-01-27", d.get("date").asText());
        assertTrue(d.get("source").asText().endsWith("004_db42ac11690627de.txt"));
        assertTrue(d.get("text").asText().length() > 1000);
    }

    @Test
    void partnerNetworkHasEveryCompanyAndFiltersByYear() throws Exception {
        JsonNode all = json("/api/partner-network").get("elements");
        assertEquals(seed.companies(), all.get("nodes").size());
        Set<String> ids = new HashSet<>();
        all.get("nodes").forEach(n -> ids.add(n.get("data").get("id").asText()));
        boolean immunogenRoche = false;
        for (JsonNode e : all.get("edges")) {
            JsonNode d = e.get("data");
            assertTrue(ids.contains(d.get("source").asText()) && ids.contains(d.get("target").asText()));
            assertTrue(Set.of("partnerOf", "subsidiaryOf", "deal").contains(d.get("relation").asText()));
            immunogenRoche |= d.get("relation").asText().equals("partnerOf")
                    && d.get("source").asText().endsWith("/immunogen") && d.get("target").asText().endsWith("/roche");
        }
        assertTrue(immunogenRoche, "ImmunoGen-Roche partnership, listed once with the smaller IRI first");
        for (JsonNode n : all.get("nodes")) {
            if (n.get("data").get("label").asText().equals("ImmunoGen")) assertTrue(n.get("data").get("compounds").asInt() >= 5);
        }

        JsonNode y2013 = json("/api/partner-network?from=2013&to=2013");
        assertTrue(y2013.get("elements").get("nodes").size() < all.get("nodes").size());
        assertTrue(y2013.get("elements").get("edges").size() < all.get("edges").size());
        assertEquals(List.of(2012, 2013), JSON.convertValue(y2013.get("years"), List.class));
        assertEquals(0, json("/api/partner-network?from=1990&to=1991").get("elements").get("nodes").size());
        assertEquals(400, get("/api/partner-network?from=2014&to=2012").statusCode());
        assertEquals(400, get("/api/partner-network?from=20x3").statusCode());
    }

    @Test
    void compoundNetworkLinksCompaniesCompoundsTargetsAndIndications() throws Exception {
        JsonNode el = json("/api/compound-network").get("elements");
        Set<String> types = new HashSet<>();
        Set<String> ids = new HashSet<>();
        String tdm1Phase = null;
        for (JsonNode n : el.get("nodes")) {
            JsonNode d = n.get("data");
            types.add(d.get("type").asText());
            ids.add(d.get("id").asText());
            if (d.get("id").asText().equals(TDM1)) tdm1Phase = d.path("phase").asText(null);
        }
        assertEquals(Set.of("Company", "Compound", "Target", "Indication"), types);
        assertEquals("Approved", tdm1Phase);
        for (JsonNode e : el.get("edges")) {
            assertTrue(ids.contains(e.get("data").get("source").asText()));
            assertTrue(ids.contains(e.get("data").get("target").asText()));
        }
    }

    @Test
    void pipelineHasPhasesAndATimelinePerCompound() throws Exception {
        JsonNode p = json("/api/pipeline?limit=500");
        assertEquals(9, p.get("phases").size());
        assertEquals(seed.count("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a kg:Compound }"), p.get("compounds").size());
        assertEquals(p.get("compounds").size(), p.get("total").asInt());
        assertFalse(p.get("more").asBoolean());
        JsonNode tdm1 = null;
        for (JsonNode c : p.get("compounds")) if (c.get("iri").asText().equals(TDM1)) tdm1 = c;
        assertNotNull(tdm1);
        assertEquals("Approved", tdm1.get("highestPhase").get("label").asText());
        assertEquals("HER2", tdm1.get("targets").get(0).get("label").asText());
        Set<String> statuses = new HashSet<>();
        String previous = "";
        for (JsonNode s : tdm1.get("timeline")) {
            statuses.add(s.get("status").asText());
            assertTrue(s.get("date").asText().compareTo(previous) >= 0, "timeline in date order");
            previous = s.get("date").asText();
        }
        assertEquals(Set.of("Achieved", "Planned"), statuses);
    }

    @Test
    void pipelinePagesSortsAndFiltersOnTheServer() throws Exception {
        long all = seed.count("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a kg:Compound }");
        JsonNode first = json("/api/pipeline?limit=5");
        assertEquals(5, first.get("compounds").size());
        assertEquals(all, first.get("total").asLong());
        assertTrue(first.get("more").asBoolean() && first.get("truncated").asBoolean());
        JsonNode second = json("/api/pipeline?limit=5&offset=5");
        assertNotEquals(first.get("compounds").get(0).get("iri"), second.get("compounds").get(0).get("iri"));
        assertEquals("Approved", json("/api/pipeline?sort=phase&dir=desc&limit=1").get("compounds").get(0).get("highestPhase").get("label").asText());
        String her2 = json("/api/search?q=HER2&types=Target").get("results").get(0).get("iri").asText();
        JsonNode byTarget = json("/api/pipeline?target=" + enc(her2));
        assertTrue(byTarget.get("total").asLong() >= 1 && byTarget.get("total").asLong() < all);
        assertEquals("HER2", byTarget.get("filters").get("target").get("label").asText());
        for (JsonNode c : byTarget.get("compounds")) {
            boolean aimed = false;
            for (JsonNode t : c.get("targets")) aimed |= t.get("iri").asText().equals(her2);
            assertTrue(aimed, c.get("label") + " does not target HER2");
        }
        assertEquals(400, get("/api/pipeline?limit=501").statusCode());
        assertEquals(400, get("/api/pipeline?sort=nonsense").statusCode());
        assertEquals(400, get("/api/pipeline?target=not-an-iri").statusCode());
    }

    @Test
    void neighbourhoodOverviewAndPartnershipsAreBoundedAndSayWhenCut() throws Exception {
        String immunogen = "https://w3id.org/pharmakg/id/company/immunogen";
        JsonNode n = json("/api/neighbourhood?depth=1&view=partners&iri=" + enc(immunogen));
        assertEquals(immunogen, n.get("focus").asText());
        assertFalse(n.get("truncated").asBoolean());
        boolean dealEdge = false, since = false;
        for (JsonNode e : n.get("elements").get("edges")) {
            dealEdge |= e.get("data").get("relation").asText().equals("deal");
            since |= e.get("data").has("since");
        }
        assertTrue(dealEdge && since, "deals and partnerships with their years");
        JsonNode cut = json("/api/neighbourhood?depth=2&limit=3&iri=" + enc(immunogen));
        assertEquals(3, cut.get("elements").get("nodes").size());
        assertTrue(cut.get("truncated").asBoolean());
        assertEquals(400, get("/api/neighbourhood?depth=3&iri=" + enc(immunogen)).statusCode());

        JsonNode o = json("/api/overview?view=partners&limit=5");
        int shown = o.get("elements").get("nodes").size();
        assertTrue(shown >= 2 && shown <= 5, shown + " nodes: the five best-connected, less those with no link among them");
        assertTrue(o.get("truncated").asBoolean());
        assertTrue(o.get("communityCount").asInt() >= 1);
        assertTrue(o.get("elements").get("nodes").get(0).get("data").has("community"));

        JsonNode t = json("/api/partnerships?company=" + enc(immunogen));
        assertTrue(t.get("total").asInt() >= 5);
        assertFalse(t.get("truncated").asBoolean());
        String previous = "";
        for (JsonNode r : t.get("partners")) {
            assertTrue(r.get("first").asText().compareTo(previous) >= 0, "earliest tie first");
            previous = r.get("first").asText();
        }
        assertTrue(json("/api/partnerships?limit=2&company=" + enc(immunogen)).get("truncated").asBoolean());
        JsonNode s = json("/api/search?q=a&limit=3");
        assertEquals(3, s.get("results").size());
        assertTrue(s.get("truncated").asBoolean());
    }

    @Test
    void namedQueriesAreListedWithTheirText() throws Exception {
        JsonNode qs = json("/api/queries");
        assertEquals(NamedQueries.NAMES.size(), qs.size());
        JsonNode partners = null;
        for (JsonNode q : qs) if (q.get("name").asText().equals("partners")) partners = q;
        assertNotNull(partners);
        assertTrue(partners.get("text").asText().contains("SELECT"));
        assertTrue(partners.get("params").has("company"));
    }

    @Test
    void pagesAndWebJarsComeFromTheClassPath() throws Exception {
        HttpResponse<String> index = get("/explore/");
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("Search the graph"));
        HttpResponse<String> cy = get("/webjars/cytoscape/dist/cytoscape.min.js");
        assertEquals(200, cy.statusCode());
        assertTrue(cy.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(cy.body().length() > 100_000);
        // no way out of the served folders (Jetty itself refuses an encoded "/" with 400)
        for (String p : List.of("/explore/..%2F..%2Flogback.xml", "/webjars/cytoscape/../../../logback.xml",
                "/explore/..%5Clogback.xml")) {
            HttpResponse<String> r = get(p);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, p + " -> " + r.statusCode());
            assertFalse(r.body().contains("<configuration"), p);
        }
        // no page loads anything from another host
        for (String page : List.of("index.html", "entity.html", "document.html", "partners.html", "compounds.html",
                "pipeline.html", "sparql.html", "explore.js")) {
            String body = get("/explore/" + page).body();
            assertFalse(body.matches("(?s).*(src|href)=\"(https?:)?//.*"), page + " loads from another host");
        }
    }

    @Test
    void exportsWriteGraphmlAndCytoscapeJson() throws Exception {
        Network partners = GraphViews.view(seed.store.dataset(), "partner");
        ByteArrayOutputStream graphml = new ByteArrayOutputStream();
        NetworkWriter.graphml(partners, graphml);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document xml = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(graphml.toByteArray()));
        assertEquals(seed.companies(), xml.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "node").getLength());
        assertEquals(partners.edges().size(), xml.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "edge").getLength());
        assertTrue(graphml.toString(StandardCharsets.UTF_8).contains("attr.name=\"relation\""));

        Network all = GraphViews.view(seed.store.dataset(), "all");
        ByteArrayOutputStream cy = new ByteArrayOutputStream();
        NetworkWriter.cytoscape(all, cy);
        JsonNode el = JSON.readTree(cy.toByteArray()).get("elements");
        assertEquals(all.nodes().size(), el.get("nodes").size());
        Set<String> relations = new HashSet<>();
        el.get("edges").forEach(e -> relations.add(e.get("data").get("relation").asText()));
        assertTrue(relations.containsAll(Set.of("partnerOf", "develops", "targets", "indication", "phase")), relations.toString());
        JsonNode first = el.get("nodes").get(0).get("data");
        assertTrue(first.has("id") && first.has("label") && first.has("type"));
    }

    private static JsonNode group(JsonNode groups, String relation) {
        for (JsonNode g : groups) if (g.get("relation").asText().equals(relation)) return g;
        return null;
    }

    private static List<JsonNode> iterable(JsonNode... arrays) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode a : arrays) a.forEach(out::add);
        return out;
    }

    private static String squash(String s) { return s.replaceAll("\\s+", " ").strip(); }
}
