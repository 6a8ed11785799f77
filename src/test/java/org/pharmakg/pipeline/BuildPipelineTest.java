package org.pharmakg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.TestSupport;
import org.pharmakg.store.KgStore;

/** A real build into a real TDB2 store: skip unchanged, replace changed, one label per entity, bad files reported. */
class BuildPipelineTest {
    private static final String P = "PREFIX kg: <https://w3id.org/pharmakg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

    @Test
    void buildsSkipsUnchangedAndReplacesChanged(@TempDir Path tmp) throws Exception {
        Path docs = tmp.resolve("docs");
        Files.createDirectories(docs);
        for (String f : List.of("000_9041f48a740ce000.txt", "004_db42ac11690627de.txt")) {
            Files.copy(TestSupport.data().resolve(f), docs.resolve(f));
        }
        try (KgStore store = KgStore.open(tmp.resolve("store"))) {
            BuildReport first = TestSupport.build(store, List.of(docs));
            assertEquals(2, first.built(), first.summary());
            assertTrue(first.facts() > 20, first.summary());
            assertEquals(0, count(store, "SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?e WHERE { ?e rdfs:label ?l } GROUP BY ?e HAVING (COUNT(?l) > 1) } }"),
                    "an entity has more than one rdfs:label");
            long developsBefore = count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?c kg:develops ?x }");

            BuildReport second = TestSupport.build(store, List.of(docs));
            assertEquals(0, second.built(), "unchanged documents must be skipped: " + second.summary());
            assertEquals(2, second.unchanged());
            assertEquals(developsBefore, count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?c kg:develops ?x }"));

            Files.writeString(docs.resolve("000_9041f48a740ce000.txt"), "July 11, 2012\n\nVelora Therapeutics, Inc. (Nasdaq: VLRA) announced that Velora's ZX-4412 entered Phase I testing.\n");
            BuildReport third = TestSupport.build(store, List.of(docs));
            assertEquals(1, third.built(), third.summary());
            assertEquals(1, count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/pharmakg/graph/doc/000_9041f48a740ce000> { ?c kg:develops ?x } }"),
                    "the changed document's graph must be replaced, not added to");
            assertEquals(0, count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/pharmakg/graph/doc/000_9041f48a740ce000> { ?c kg:partnerOf ?x } }"));
        }
    }

    @Test
    void badFilesAreReportedAndTheRestIsKept(@TempDir Path tmp) throws Exception {
        Path docs = tmp.resolve("docs");
        Files.createDirectories(docs);
        Files.copy(TestSupport.data().resolve("003_e56de71c621f04e8.txt"), docs.resolve("good.txt"));
        Files.writeString(docs.resolve("empty.txt"), "");
        Files.write(docs.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        try (KgStore store = KgStore.open(tmp.resolve("store"))) {
            BuildReport r = TestSupport.build(store, List.of(docs));
            assertEquals(1, r.built(), r.summary());
            assertEquals(2, r.failures().size(), r.failures().toString());
            assertTrue(r.failures().stream().anyMatch(m -> m.contains("empty.txt") && m.contains("empty")), r.failures().toString());
            assertTrue(r.failures().stream().anyMatch(m -> m.contains("image.txt") && m.contains("PNG")), r.failures().toString());
            long before = count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
            Files.write(docs.resolve("good.txt"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0});
            BuildReport again = TestSupport.build(store, List.of(docs));
            assertEquals(3, again.failures().size(), again.failures().toString());
            assertEquals(before, count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), "a file that turned bad must not lose what is stored");
        }
    }

    static long count(KgStore store, String q) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExec qe = QueryExec.dataset(store.dataset()).query(QueryFactory.create(P + q)).build()) {
                return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
            }
        });
    }
}
