package org.pharmakg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.TestSupport;
import org.pharmakg.ingest.MinHash;
import org.pharmakg.ingest.MinHashIndexTest;
import org.pharmakg.ingest.PressReleaseReader;
import org.pharmakg.ingest.ReleaseFixtures;
import org.pharmakg.store.KgStore;

/** Five syndicated copies of a seed release (different furniture, small edits) are one document with five sources. */
class SyndicationTest {
    private static final String P = "PREFIX kg: <https://w3id.org/pharmakg/ontology#> ";

    @Test
    void fiveCopiesAreOneDocumentWithFiveSources(@TempDir Path dir) throws Exception {
        ReleaseFixtures.Seed seed = ReleaseFixtures.seed("000_9041f48a740ce000.txt");
        Path docs = Files.createDirectories(dir.resolve("docs"));
        String[][] edits = {{"", ""}, {"announced today", "today announced"}, {"joint book-running managers", "joint bookrunners"},
                {"Varick Street", "Varick St."}, {"monoclonal antibodies", "antibodies"}};
        for (int v = 0; v < 5; v++) {
            ReleaseFixtures.Seed copy = v == 0 ? seed : seed.edited(edits[v][0], edits[v][1]);
            Files.writeString(docs.resolve("site" + v + ".html"), ReleaseFixtures.page(copy, v));
        }
        // a different release beside them stays a document of its own
        Files.copy(TestSupport.data().resolve("002_e88741968b13db48.txt"), docs.resolve("002_e88741968b13db48.txt"));
        try (KgStore store = KgStore.open(dir.resolve("store"))) {
            BuildReport r = TestSupport.build(store, List.of(docs));
            assertEquals(2, r.built(), r.summary());
            assertEquals(List.of("https://biotechledger.example/news/4", "https://biowiredaily.example/news/0",
                            "https://investorrelations.example/news/2", "https://mednewsnetwork.example/news/3",
                            "https://pharmastreet.example/news/1"),
                    sources(store, "site0"));
            assertEquals(1, sources(store, "002_e88741968b13db48").size());
            // the explorer's document page lists every source
            Object listed = org.pharmakg.serve.EntityViews.document(store.dataset(),
                    org.pharmakg.mapping.Vocab.document("site0").getURI()).orElseThrow().get("sources");
            assertEquals(sources(store, "site0"), listed);

            // a later build with a sixth copy adds its source to the stored document, and nothing else
            Files.writeString(docs.resolve("site5.html"), ReleaseFixtures.page(seed.edited("Jefferies", "Jefferies LLC"), 5)
                    .replace("biowiredaily.example/news/5", "wire6.example/a"));
            BuildReport again = TestSupport.build(store, List.of(docs));
            assertEquals(0, again.built(), again.summary());
            assertEquals(6, sources(store, "site0").size(), sources(store, "site0").toString());
        }
    }

    @Test
    void theSeedReleasesAreNotCopiesOfEachOther() throws Exception {
        PressReleaseReader reader = new PressReleaseReader();
        List<MinHash> sigs = new ArrayList<>();
        List<Path> files;
        try (var s = Files.list(TestSupport.data())) {
            files = s.sorted().toList();
        }
        for (Path f : files) sigs.add(MinHash.of(reader.read(f).text()));
        for (int i = 0; i < sigs.size(); i++) {
            for (int j = i + 1; j < sigs.size(); j++) {
                assertTrue(sigs.get(i).similarity(sigs.get(j)) < MinHash.SAME_RELEASE, files.get(i) + " ~ " + files.get(j)
                        + ": " + sigs.get(i).similarity(sigs.get(j)));
            }
        }
        assertEquals(1.0, sigs.get(0).similarity(MinHash.decode(sigs.get(0).encode())));
    }

    @Test
    void copiesAmongManyReleasesFoldIntoTheFirstAndOnlyBandMatesAreCompared(@TempDir Path dir) {
        java.util.Random rnd = new java.util.Random(5);
        try (KgStore store = KgStore.open(dir.resolve("store"))) {
            Syndication syn = new Syndication(store);
            for (int i = 0; i < 500; i++) {
                assertEquals(null, syn.copyOf("other" + i, "https://other.example/" + i, MinHashIndexTest.random(rnd)));
            }
            MinHash original = MinHashIndexTest.random(rnd);
            assertEquals(null, syn.copyOf("original", "https://first.example/a", original));
            long before = syn.compared();
            for (int v = 1; v <= 5; v++) {
                MinHash copy = MinHashIndexTest.variant(original, 5 * v, rnd);   // similarity 0.96 down to 0.80
                assertEquals("original", syn.copyOf("copy" + v, "https://site" + v + ".example/a", copy), "copy " + v);
            }
            assertEquals(5, syn.copies());
            assertTrue(syn.compared() - before < 20, "5 look-ups among 501 releases compared " + (syn.compared() - before)
                    + " signatures (a linear scan: 2505)");

            // a release sharing two bands with the original is compared with it, and is not a copy
            int[] v = MinHashIndexTest.random(rnd).values().clone();
            System.arraycopy(original.values(), 0, v, 0, 2 * org.pharmakg.ingest.MinHashIndex.ROWS);
            long beforeNear = syn.compared();
            assertEquals(null, syn.copyOf("lookalike", "https://lookalike.example/a", new MinHash(v)));
            assertTrue(syn.compared() > beforeNear, "the look-alike went to the exact comparison");
            assertEquals(5, syn.copies());
        }
    }

    private static List<String> sources(KgStore store, String id) {
        return Txn.calculateRead(store.dataset(), () -> {
            TreeSet<String> out = new TreeSet<>();
            QueryExec.dataset(store.dataset()).query(QueryFactory.create(P + "SELECT ?s WHERE { GRAPH <https://w3id.org/pharmakg/graph/doc/"
                    + id + "> { ?d kg:source ?s } }")).select().forEachRemaining(b -> out.add(b.get("s").getLiteralLexicalForm()));
            return new ArrayList<>(out);
        });
    }
}
