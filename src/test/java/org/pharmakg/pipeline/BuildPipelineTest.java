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
    void pruneRemovesReleasesWhoseFilesAreGoneAndNothingElse(@TempDir Path tmp) throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.copy(TestSupport.data().resolve("000_9041f48a740ce000.txt"), docs.resolve("000_9041f48a740ce000.txt"));
        Files.copy(TestSupport.data().resolve("004_db42ac11690627de.txt"), docs.resolve("004_db42ac11690627de.txt"));
        Files.copy(TestSupport.data().resolve("003_e56de71c621f04e8.txt"), other.resolve("003_e56de71c621f04e8.txt"));
        String docCount = "SELECT (COUNT(*) AS ?n) WHERE { ?d a kg:PressRelease }";
        try (KgStore store = KgStore.open(tmp.resolve("store"))) {
            TestSupport.build(store, List.of(docs, other));
            assertEquals(3, count(store, docCount));
            String onlyIn000 = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/pharmakg/graph/entities> { ?e rdfs:label ?l } "
                    + "FILTER NOT EXISTS { GRAPH ?g { ?e ?p ?o } FILTER(?g != <https://w3id.org/pharmakg/graph/entities> "
                    + "&& ?g != <https://w3id.org/pharmakg/graph/doc/000_9041f48a740ce000>) } }";
            assertTrue(count(store, onlyIn000) > 0, "some entity is named only by 000");
            String orphans = onlyIn000.replace(" && ?g != <https://w3id.org/pharmakg/graph/doc/000_9041f48a740ce000>", "");
            long orphansBefore = count(store, orphans);

            Files.delete(docs.resolve("000_9041f48a740ce000.txt"));
            Files.delete(other.resolve("003_e56de71c621f04e8.txt"));
            // without --prune a build only adds and replaces
            BuildReport keep = TestSupport.build(store, List.of(docs));
            assertEquals(0, keep.removed());
            assertEquals(3, count(store, docCount));

            // with it, only what lay under the given folder and is gone leaves, with the entities only it named
            BuildReport pruned = pipeline(store).prune(true).build().run(List.of(docs));
            assertEquals(1, pruned.removed(), pruned.summary());
            assertTrue(pruned.summary().contains("1 removed as their files are gone"), pruned.summary());
            assertEquals(2, count(store, docCount), "003 is not under docs/: kept though gone");
            assertEquals(0, count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/pharmakg/graph/doc/000_9041f48a740ce000> { ?s ?p ?o } }"));
            assertEquals(orphansBefore, count(store, orphans), "the entities only 000 named are gone with it");

            // a folder that is not there (an unmounted drive) removes nothing
            BuildReport missing = pipeline(store).prune(true).build().run(List.of(tmp.resolve("unmounted")));
            assertEquals(0, missing.removed());
            assertEquals(2, count(store, docCount));
            assertEquals(1, pipeline(store).prune(true).build().run(List.of(other)).removed(), "003 goes when its own folder is pruned");
        }
    }

    private static BuildPipeline.Builder pipeline(KgStore store) {
        return BuildPipeline.builder(store).nlp(TestSupport::nlp).lexicon(TestSupport.lexicon()).threads(2);
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
