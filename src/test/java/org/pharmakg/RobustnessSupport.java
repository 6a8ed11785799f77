package org.pharmakg;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.pharmakg.cli.Main;
import org.pharmakg.mapping.Vocab;
import org.pharmakg.nlp.NlpPipeline;
import org.pharmakg.store.KgStore;

/**
 * Helpers for the robustness tests (issue 6): run the CLI in this JVM with its output captured,
 * run it in a child JVM, dump a store as sorted N-Quads without the volatile triples, and a store
 * built once from data/.
 *
 * <pre>RobustnessSupport.Run r = RobustnessSupport.cli("validate", "--store", dir.toString()); r.code();</pre>
 */
public final class RobustnessSupport {

    private RobustnessSupport() {}

    /** Exit code, stdout and stderr of one CLI run. */
    public record Run(int code, String out, String err) {}

    /** Runs {@code Main.run(args)} with System.out and System.err captured (one run at a time). */
    public static synchronized Run cli(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(args);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        Run r = new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        oldErr.println("$ pharmakg " + String.join(" ", args) + "  -> " + code + "\n" + r.err() + r.out());
        return r;
    }

    /** A child JVM running {@code pharmakg ARGS} with this test JVM's class path; stderr merged into stdout. */
    public static ProcessBuilder childCli(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    /** The test JVM's one CoreNLP pipeline (shared with {@link TestSupport}). */
    public static NlpPipeline nlp() {
        return TestSupport.nlp();
    }

    private static Path seedStore;

    /**
     * A store built once per test JVM from data/ (in a temporary folder removed at exit). Open it
     * with {@link KgStore#open} and close it again; never keep it open across tests.
     */
    public static synchronized Path seedStore() {
        if (seedStore != null) return seedStore;
        try {
            Path dir = Files.createTempDirectory("pharmakg-seed-store");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var s = Files.walk(dir)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (java.io.IOException e) {
                    // a temp folder; the OS cleans it
                }
            }));
            try (KgStore s = KgStore.open(dir)) {
                var r = TestSupport.build(s, List.of(data()));
                if (!r.failures().isEmpty() || r.built() == 0) throw new IllegalStateException("seed build failed: " + r.summary());
            }
            seedStore = dir;
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The project's seed releases. */
    public static Path data() {
        Path p = Path.of("data");
        if (!Files.isDirectory(p)) throw new IllegalStateException("tests run from the project folder; data/ not found");
        return p;
    }

    /**
     * The store as sorted N-Quads lines, without what differs from build to build: {@code kg:builtAt}
     * values and the meta graph's build bookkeeping ({@code lastBuild}, the compaction baseline).
     * Blank nodes print as {@code _:b}, so the lists compare as multisets of quads.
     */
    public static List<String> stableQuads(KgStore store) {
        List<String> lines = Txn.calculateRead(store.dataset(), () -> {
            List<String> out = new ArrayList<>();
            store.dataset().find().forEachRemaining(q -> {
                if (q.getPredicate().equals(Vocab.BUILT_AT)) return;
                if (q.getGraph().equals(Vocab.META_GRAPH) && (q.getPredicate().equals(Vocab.kg("lastBuild"))
                        || q.getPredicate().equals(Vocab.kg(KgStore.BASELINE)))) return;
                out.add(nquad(q));
            });
            return out;
        });
        Collections.sort(lines);
        return lines;
    }

    private static String nquad(Quad q) {
        return nt(q.getSubject()) + " " + nt(q.getPredicate()) + " " + nt(q.getObject()) + " " + nt(q.getGraph()) + " .";
    }

    /** Blank nodes (only in the ontology graph's OWL lists) have store-specific labels: all print as _:b. */
    private static String nt(org.apache.jena.graph.Node n) {
        return n.isBlank() ? "_:b" : NodeFmtLib.strNT(n);
    }

    /** Opens the store, dumps it, closes it. */
    public static List<String> stableQuads(Path dir) {
        try (KgStore s = KgStore.open(dir)) {
            return stableQuads(s);
        }
    }
}
