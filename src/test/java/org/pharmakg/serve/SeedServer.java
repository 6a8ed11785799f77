package org.pharmakg.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pharmakg.extract.Extractor;
import org.pharmakg.ingest.PressReleaseReader;
import org.pharmakg.ingest.ReaderOptions;
import org.pharmakg.nlp.CoreNlpPipeline;
import org.pharmakg.pipeline.BuildPipeline;
import org.pharmakg.pipeline.BuildReport;
import org.pharmakg.store.KgStore;

/**
 * For the explorer tests: a store built from the seed releases in {@code data/} by the real
 * pipeline, served by the real server (with the explorer mounted) on a free port.
 *
 * <pre>
 * try (SeedServer s = SeedServer.start(tempDir)) { ... s.url("/explore/") ... }
 * try (SeedServer s = SeedServer.desk(tempDir, 2_000)) { ... }   // a desk-sized store, see desk()
 * </pre>
 */
final class SeedServer implements AutoCloseable {
    final KgStore store;
    final KgServer server;

    private SeedServer(KgStore store, KgServer server) {
        this.store = store;
        this.server = server;
    }

    static SeedServer start(Path dir) { return start(dir, false); }

    /**
     * With {@code deals}, the deal fixture ({@link org.pharmakg.DealFixture}) is loaded after the seed build and a
     * second build (nothing to extract) resolves its entities and links its agreements.
     */
    static SeedServer start(Path dir, boolean deals) {
        KgStore store = build(dir.resolve("store"), deals);
        try {
            return serve(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * A store the size of an analyst's desk: the seed build (with the deal fixture) copied by the benchmark's
     * {@link org.pharmakg.bench.QueryStore} until it holds at least {@code releases} distinct releases, each copy's
     * compounds, targets, indications, trials and most companies renamed (the rest shared, as hubs), and the hostile
     * release ({@link HostileRelease}) added; served by the real server. No NLP beyond the five seeds.
     */
    static SeedServer desk(Path dir, int releases) {
        build(dir.resolve("seed"), true).close();
        org.pharmakg.bench.QueryStore.generateReleases(dir.resolve("seed"), dir.resolve("desk"), releases);
        KgStore store = KgStore.open(dir.resolve("desk"));
        try {
            HostileRelease.load(store);
            store.ensureOntology();
            return serve(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static SeedServer serve(KgStore store) {
        KgServer server = Explorer.mount(KgServer.builder(store.dataset()).port(0), store.dataset()).build().start();
        return new SeedServer(store, server);
    }

    /** The seed releases built by the real pipeline (and the deal fixture, resolved by a second build). */
    static KgStore build(Path dir, boolean deals) {
        KgStore store = KgStore.open(dir);
        try {
            List<String> problems = new ArrayList<>();
            BuildPipeline pipeline = BuildPipeline.builder(store)
                    .nlp(() -> Extractor.standardNlp(org.pharmakg.extract.Lexicon.load()))
                    .reader(new PressReleaseReader(ReaderOptions.defaults()))
                    .problems(problems::add)
                    .build();
            BuildReport r = pipeline.run(List.of(Path.of("data")));
            if (!r.failures().isEmpty() || !problems.isEmpty()) {
                throw new IllegalStateException("the seed build failed: " + r.summary() + " " + problems);
            }
            if (deals) {
                org.pharmakg.DealFixture.load(store);
                pipeline.run(List.of(Path.of("data")));
            }
            store.ensureOntology();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    String url(String path) { return "http://127.0.0.1:" + server.port() + path; }

    /** A number the store itself gives, to compare pages and API answers with. */
    long count(String sparqlBody) {
        var q = Sparql.query(sparqlBody);
        return org.apache.jena.system.Txn.calculateRead(store.dataset(), () -> {
            List<Sparql.Row> rows = Sparql.select(store.dataset(), q);
            return Long.parseLong(rows.get(0).str("n"));
        });
    }

    long companies() { return count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kg:Company }"); }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            store.close();
        }
    }

}
