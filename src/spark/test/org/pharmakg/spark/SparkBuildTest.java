package org.pharmakg.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.bench.StoreDigest;
import org.pharmakg.cli.Main;
import org.pharmakg.mapping.Vocab;
import org.pharmakg.store.KgStore;

/** {@code spark-build --master local[2]} gives the same quads as {@code build} on the seeds, with a fixed clock. */
class SparkBuildTest {
    private static final String AT = "2025-01-01T00:00:00Z";

    @Test
    void sparkBuildEqualsBuild(@TempDir Path tmp) throws java.io.IOException {
        Path local = tmp.resolve("local"), spark = tmp.resolve("spark"), parts = tmp.resolve("parts");
        // a syndicated copy of a seed (another site's small edit): both builds fold it into the seed's document
        Path copies = Files.createDirectories(tmp.resolve("syndicated"));
        String seed = Files.readString(Path.of("data/000_9041f48a740ce000.txt"));
        Files.writeString(copies.resolve("copy.txt"), seed.replaceFirst("\\bannounced\\b", "said"));
        assertEquals(0, Main.run("build", "--store", local.toString(), "--built-at", AT, "data", copies.toString()));
        assertEquals(0, Main.run("spark-build", "--master", "local[2]", "--store", spark.toString(), "--output", parts.toString(),
                "--built-at", AT, "data", copies.toString()));
        assertTrue(Files.exists(parts.resolve("sources.nq.gz")), "the copy's source, beside the part files");
        assertTrue(Files.exists(parts.resolve("entities.nq.gz")));
        assertTrue(org.pharmakg.store.PartFiles.of(parts).size() >= 2, "part files of the releases and the entities graph");

        Set<String> a = quads(local), b = quads(spark);
        Set<String> onlyLocal = new TreeSet<>(a), onlySpark = new TreeSet<>(b);
        onlyLocal.removeAll(b);
        onlySpark.removeAll(a);
        assertTrue(onlyLocal.isEmpty() && onlySpark.isEmpty(), () -> "only in build (" + onlyLocal.size() + "):\n"
                + String.join("\n", List.copyOf(onlyLocal).subList(0, Math.min(20, onlyLocal.size())))
                + "\nonly in spark-build (" + onlySpark.size() + "):\n"
                + String.join("\n", List.copyOf(onlySpark).subList(0, Math.min(20, onlySpark.size()))));
        assertTrue(a.size() > 1000, "the seeds give a real graph: " + a.size());
        assertTrue(b.stream().anyMatch(q -> q.contains("kg/source>") || q.contains("#source>")) && b.stream().anyMatch(q -> q.contains("copy.txt")),
                "the copy is a source of the seed's document, not a document of its own");
        // the next `build` on the spark-built store sees nothing to do, as after a local build
        assertEquals(meta(local, "resolvedDocuments"), meta(spark, "resolvedDocuments"));
        assertEquals(meta(local, "ontologyHash"), meta(spark, "ontologyHash"));
        assertTrue(ontology(local).isIsomorphicWith(ontology(spark)), "the ontology graphs (blank nodes: compared by isomorphism)");
    }

    /** Every quad outside the meta graph (which holds the wall-clock time of the build), as N-Quads text. */
    private static Set<String> quads(Path store) {
        try (KgStore s = KgStore.open(store)) {
            return Txn.calculateRead(s.dataset(), () -> {
                Set<String> out = new TreeSet<>();
                s.dataset().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                    if (!q.getGraph().equals(Vocab.META_GRAPH) && !q.getGraph().equals(Vocab.ONTOLOGY_GRAPH)) out.add(StoreDigest.line(q));
                });
                return out;
            });
        }
    }

    private static org.apache.jena.graph.Graph ontology(Path store) {
        try (KgStore s = KgStore.open(store)) {
            return Txn.calculateRead(s.dataset(), () -> {
                org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
                s.dataset().getGraph(Vocab.ONTOLOGY_GRAPH).find().forEach(g::add);
                return g;
            });
        }
    }

    private static String meta(Path store, String key) {
        try (KgStore s = KgStore.open(store)) {
            return s.meta(key);
        }
    }
}
