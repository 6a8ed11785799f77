package org.pharmakg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.DealFixture;
import org.pharmakg.store.KgStore;

/**
 * Deals on the command line, over a store of the deal fixture alone (a build of an empty folder resolves its
 * entities and links its agreements; no NLP runs): the queries, the CSV export, the RDF exports, validation and
 * the README's deal examples.
 */
class DealsCliTest {
    @TempDir static Path tmp;
    static Path store;

    @BeforeAll
    static void build() throws Exception {
        store = tmp.resolve("store");
        try (KgStore s = KgStore.open(store)) {
            DealFixture.load(s);
        }
        Path empty = Files.createDirectories(tmp.resolve("nothing-new"));
        CliTest.Run r = CliTest.run("build", "--store", store.toString(), empty.toString());
        assertEquals(0, r.code(), r.err());
    }

    /** CSV lines split into RFC 4180 fields (quoted fields may hold commas and doubled quotes). */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { f.append('"'); i++; }
                else if (c == '"') quoted = false;
                else f.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString()); f.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(f.toString()); f.setLength(0); rows.add(row); row = new ArrayList<>(); i++;
            } else {
                f.append(c);
            }
        }
        assertTrue(row.isEmpty() && f.length() == 0, "every line ends in CRLF");
        return rows;
    }

    @Test
    void dealsQueryListsACompanysDealsNewestFirst() {
        CliTest.Run r = CliTest.run("query", "deals", "--store", store.toString(), "--param", "company=biotest", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("date,kind,event,parties,licensor,licensee,assets,upfront,upfrontCurrency,equity,"), lines.get(0));
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(1).startsWith("2013-05-17,option,exercised,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("2012-11-05,option,signed,"), lines.get(2));
    }

    @Test
    void dealHistoryAndLargestDeals() {
        CliTest.Run h = CliTest.run("query", "deal-history", "--store", store.toString(), "--param", "company=ImmunoGen",
                "--param", "partner=Novartis", "--format", "csv");
        assertEquals(0, h.code(), h.err());
        List<String> lines = h.out().lines().toList();
        assertEquals(3, lines.size(), h.out());
        assertTrue(lines.get(1).contains(",2013-06-03,signed,collaboration,") && lines.get(2).contains(",2016-09-20,terminated,collaboration,"), h.out());
        assertEquals(lines.get(1).split(",")[0], lines.get(2).split(",")[0], "one agreement: " + h.out());

        CliTest.Run big = CliTest.run("query", "largest-deals", "--store", store.toString(), "--param", "from=2013", "--format", "csv");
        assertEquals(0, big.code(), big.err());
        List<String> rows = big.out().lines().toList();
        assertTrue(rows.get(1).startsWith("60000000") && rows.get(1).contains("Novartis"), "$45M upfront + $15M equity first: " + big.out());
        assertTrue(rows.get(2).startsWith("20000000") && rows.get(2).contains("Takeda"), big.out());
        assertFalse(big.out().contains("MorphoSys"), "EUR is not compared with USD: " + big.out());
        assertFalse(big.out().contains("2012-"), "from 2013: " + big.out());
        CliTest.Run eur = CliTest.run("query", "largest-deals", "--store", store.toString(), "--param", "currency=eur", "--format", "csv");
        assertEquals(2, eur.out().lines().count(), eur.out());
        assertTrue(eur.out().contains("Bayer") && eur.out().contains("MorphoSys"), eur.out());
    }

    @Test
    void dealsCsvHasOneRowPerDealWithPlainAmounts() throws Exception {
        Path out = tmp.resolve("deals.csv");
        CliTest.Run r = CliTest.run("export", "--store", store.toString(), "--format", "deals-csv", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        List<List<String>> rows = csv(Files.readString(out, StandardCharsets.UTF_8));
        List<String> head = rows.get(0);
        assertEquals(List.of("date", "kind", "event", "parties", "licensor", "licensee", "assets", "upfront", "upfrontCurrency",
                "equity", "equityCurrency", "milestones", "milestonesCurrency", "total", "totalCurrency", "royalties", "territory",
                "document", "headline", "deal"), head);
        assertEquals(DealFixture.DEALS + 1, rows.size());
        List<String> takeda = rows.stream().filter(row -> row.get(3).contains("Takeda")).findFirst().orElseThrow();
        assertEquals("20000000", takeda.get(head.indexOf("upfront")));
        assertEquals("USD", takeda.get(head.indexOf("upfrontCurrency")));
        assertEquals("300000000", takeda.get(head.indexOf("milestones")));
        assertEquals("320000000", takeda.get(head.indexOf("total")));
        assertEquals("true", takeda.get(head.indexOf("royalties")));
        assertEquals("ex-US", takeda.get(head.indexOf("territory")));
        List<String> onyx = rows.stream().filter(row -> row.get(1).equals("acquisition")).findFirst().orElseThrow();
        assertEquals("10400000000", onyx.get(head.indexOf("total")), "never 1.04E10");
        assertEquals("Onyx Pharmaceuticals", onyx.get(head.indexOf("licensor")));
        for (List<String> row : rows) assertEquals(head.size(), row.size(), row.toString());
        // a field with a comma is quoted
        assertTrue(Files.readString(out).contains("\"" + takeda.get(3) + "\""));
    }

    @Test
    void everyRdfExportHoldsTheDealsAndTheirAmounts() throws Exception {
        for (String format : List.of("trig", "ttl")) {
            Path out = tmp.resolve("graph." + format);
            CliTest.Run r = CliTest.run("export", "--store", store.toString(), "--format", format, "-o", out.toString());
            assertEquals(0, r.code(), r.err());
            DatasetGraph back = RDFDataMgr.loadDatasetGraph(out.toString());
            var q = org.apache.jena.query.QueryFactory.create("""
                    PREFIX kg: <https://w3id.org/pharmakg/ontology#>
                    SELECT (COUNT(DISTINCT ?d) AS ?deals) (COUNT(DISTINCT ?m) AS ?amounts) WHERE {
                      { ?d a kg:Deal } UNION { GRAPH ?g { ?d a kg:Deal } }
                      OPTIONAL { { ?d kg:upfront|kg:equity|kg:milestones|kg:totalValue ?m } UNION { GRAPH ?g2 { ?d kg:upfront|kg:equity|kg:milestones|kg:totalValue ?m } }
                                 { ?m kg:amount ?a ; kg:currency ?c } UNION { GRAPH ?g3 { ?m kg:amount ?a ; kg:currency ?c } } }
                    }""");
            try (var qe = org.apache.jena.sparql.exec.QueryExec.dataset(back).query(q).build()) {
                var b = qe.select().next();
                assertEquals(DealFixture.DEALS, Integer.parseInt(b.get("deals").getLiteralLexicalForm()), format);
                assertEquals(14, Integer.parseInt(b.get("amounts").getLiteralLexicalForm()), format + ": every money term with its amount");
            }
            if (format.equals("trig")) {
                assertTrue(back.containsGraph(org.pharmakg.mapping.Vocab.AGREEMENTS_GRAPH), "the agreements graph is exported too");
            }
        }
    }

    @Test
    void aStoreWithDealsValidatesAndABrokenDealDoesNot(@TempDir Path dir) throws Exception {
        CliTest.Run ok = CliTest.run("validate", "--store", store.toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        Path other = dir.resolve("store");
        try (KgStore s = KgStore.open(other)) {
            DealFixture.load(s);
            var dsg = s.dataset();
            org.apache.jena.system.Txn.executeWrite(dsg, () -> dsg.add(org.apache.jena.sparql.core.Quad.create(
                    org.pharmakg.mapping.Vocab.docGraph("fx-01-takeda-licence"),
                    org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/pharmakg/id/deal/fx-01-takeda-licence-f2392bac/upfront"),
                    org.pharmakg.mapping.Vocab.CURRENCY, org.apache.jena.graph.NodeFactory.createLiteralString("dollars"))));
        }
        CliTest.run("build", "--store", other.toString(), Files.createDirectories(dir.resolve("empty")).toString());
        CliTest.Run bad = CliTest.run("validate", "--store", other.toString());
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.out().contains("three-letter"), bad.out());
    }

    @Test
    void theReadmeDealExamplesRun() throws Exception {
        List<String> cmds = org.pharmakg.ReadmeTest.readmeCommands().stream().filter(org.pharmakg.ReadmeTest::aboutDeals).toList();
        assertTrue(cmds.size() >= 2, "the README shows the deals query and the CSV export: " + cmds);
        for (String c : cmds) {
            List<String> args = new ArrayList<>(Arrays.asList(c.substring("bin/pharmakg ".length()).split("\\s+")));
            args.add(1, "--store");
            args.add(2, store.toString());
            for (int i = 0; i < args.size(); i++) if (args.get(i).equals("-o")) args.set(i + 1, tmp.resolve(args.get(i + 1)).toString());
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), c + ": " + r.err());
            if (args.get(0).equals("query")) assertTrue(r.out().lines().count() >= 2, "no rows: " + c + "\n" + r.out());
        }
    }
}
