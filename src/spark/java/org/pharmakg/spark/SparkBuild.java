package org.pharmakg.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.pharmakg.PharmakgException;
import org.pharmakg.extract.Lexicon;
import org.pharmakg.ingest.DocumentFinder;
import org.pharmakg.ingest.PressRelease;
import org.pharmakg.ingest.PressReleaseReader;
import org.pharmakg.pipeline.BuildPipeline;
import org.pharmakg.pipeline.BuildPlan;
import org.pharmakg.store.EntityResolution;
import org.pharmakg.store.KgStore;
import org.pharmakg.store.PartFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build as a Spark job: the driver plans as {@code build} does (sorted files, content hashes, copies dropped,
 * document ids) and fixes one build instant; executors extract releases with one NLP pipeline per JVM, returning each
 * release's quads and its rows of the name table; the driver resolves entities over the distinct rows and broadcasts
 * the renames; executors write gzipped N-Quads part files; the driver loads them into a fresh TDB2 store with Jena's
 * bulk loader.
 *
 * <pre>
 * SparkBuild.Report r = SparkBuild.builder().master("local[2]").output(Path.of("out")).store(Path.of("store"))
 *         .builtAt(Instant.parse("2025-01-01T00:00:00Z")).build().run(List.of(Path.of("data")));
 * </pre>
 *
 * Executors read the releases by path: on a cluster the input must be on a file system every executor sees.
 */
public final class SparkBuild {
    private static final Logger LOG = LoggerFactory.getLogger(SparkBuild.class);

    /** Timings (seconds) of each step, the driver's apart, and what was built. */
    public record Report(int files, int built, List<String> failures, int entities, int facts, long tokens, long quads,
                         double planSeconds, double extractSeconds, double resolveSeconds, double writeSeconds,
                         double loadSeconds, double totalSeconds) {
        public Report {
            failures = List.copyOf(failures);
        }

        public String summary() {
            return String.format(java.util.Locale.ROOT,
                    "spark-build: %d files, %d built, %d failed, %d entities, %d facts, %d quads in %.1f s (%.2f releases/s;"
                            + " plan %.1f s, extract %.1f s, resolve %.1f s, write %.1f s, load %.1f s)",
                    files, built, failures.size(), entities, facts, quads, totalSeconds, built / Math.max(totalSeconds, 1e-9),
                    planSeconds, extractSeconds, resolveSeconds, writeSeconds, loadSeconds);
        }
    }

    private final String master;
    private final Path output;
    private final Path store;
    private final Instant builtAt;
    private final int partitions;
    private final Consumer<String> problems;
    private final Map<String, String> conf;
    private final boolean findCopies;

    private SparkBuild(Builder b) {
        this.findCopies = b.findCopies;
        this.master = b.master;
        this.output = Objects.requireNonNull(b.output, "output");
        this.store = b.store;
        this.builtAt = (b.builtAt == null ? Instant.now() : b.builtAt).truncatedTo(ChronoUnit.SECONDS);
        this.partitions = b.partitions;
        this.problems = b.problems;
        this.conf = Map.copyOf(b.conf);
    }

    public static Builder builder() { return new Builder(); }

    public Report run(List<Path> roots) {
        long t0 = System.nanoTime();
        List<String> failures = new ArrayList<>();
        Consumer<String> fail = m -> {
            failures.add(m);
            problems.accept(m);
        };
        if (Files.exists(output)) {
            throw new PharmakgException("output folder " + output + " exists; give a new one (the part files of a job are"
                    + " never mixed with an earlier job's)");
        }
        if (store != null) checkEmpty(store);
        // driver: plan exactly as build does
        List<Path> files = DocumentFinder.find(roots, e -> fail.accept(e.getMessage()));
        BuildPlan.Folded plan = BuildPlan.plan(files, new PressReleaseReader(), Map.of(), fail).foldCopies(findCopies);
        List<Job.Item> items = new ArrayList<>();
        for (PressRelease r : plan.todo()) items.add(new Job.Item(r.source().toAbsolutePath().toString(), r.source().toString(), r.id()));
        long t1 = System.nanoTime();
        LOG.info("spark-build: {} files, {} to extract, built at {}", files.size(), items.size(), builtAt);

        Map<String, String> docHashes = new HashMap<>();
        int[] facts = {0};
        long[] tokens = {0};
        long t2, t3, t4;
        EntityResolution.Result res;
        Path quadsDir = output.resolve("quads");
        try (JavaSparkContext sc = new JavaSparkContext(sparkConf())) {
            int n = partitions > 0 ? partitions : Math.max(1, Math.min(items.size(), sc.defaultParallelism() * 4));
            Instant at = builtAt;
            JavaRDD<DocResult> docs = sc.parallelize(items, n)
                    .mapPartitions(it -> Job.extract(it, at))
                    .persist(StorageLevel.MEMORY_AND_DISK_SER());
            // the small part of each result the driver needs: failures, hashes, counts
            for (DocResult d : docs.map(DocResult::summary).collect()) {
                if (!d.ok()) fail.accept(d.error());
                else {
                    docHashes.put(d.docId(), d.contentHash());
                    facts[0] += d.facts();
                    tokens[0] += d.tokens();
                }
            }
            List<EntityResolution.Row> rows = docs.filter(DocResult::ok).flatMap(d -> d.rows().iterator()).distinct().collect();
            t2 = System.nanoTime();
            // driver: resolution, a pure function of the distinct name table
            res = EntityResolution.resolve(Lexicon.load(), rows);
            HashMap<String, String> renames = new HashMap<>();
            for (Map.Entry<Node, Node> e : res.renames().entrySet()) renames.put(e.getKey().getURI(), e.getValue().getURI());
            Broadcast<HashMap<String, String>> bc = sc.broadcast(renames);
            t3 = System.nanoTime();
            LOG.info("spark-build: resolved {} entities, {} IRIs merged into others", res.entities(), renames.size());
            docs.filter(DocResult::ok).map(d -> Job.rename(d, bc.value()))
                    .saveAsTextFile(quadsDir.toUri().toString(), org.apache.hadoop.io.compress.GzipCodec.class);
            docs.unpersist(false);
        }
        writeGz(output.resolve("entities.nq.gz"), res.labels());
        writeGz(output.resolve("sources.nq.gz"), plan.copySources()); // syndicated copies: more sources of their documents
        t4 = System.nanoTime();
        long quads = 0;
        if (store != null) quads = load(store, output, docHashes);
        long t5 = System.nanoTime();
        Report r = new Report(files.size(), docHashes.size(), failures, res.entities(), facts[0], tokens[0], quads,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t5 - t4) / 1e9, (t5 - t0) / 1e9);
        LOG.info("{}", r.summary());
        return r;
    }

    private SparkConf sparkConf() {
        SparkConf c = new SparkConf().setAppName("pharmakg spark-build");
        if (master != null) c.setMaster(master);
        else if (!c.contains("spark.master")) c.setMaster("local[*]");
        if (c.get("spark.master").startsWith("local")) {
            // a local job stays on loopback, whatever the machine's interfaces
            c.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        c.setIfMissing("spark.ui.enabled", "false");
        for (var e : conf.entrySet()) c.set(e.getKey(), e.getValue());
        return c;
    }

    private static void checkEmpty(Path store) {
        if (!Files.exists(store)) return;
        try (KgStore s = KgStore.open(store)) {
            if (!s.documentHashes().isEmpty()) {
                throw new PharmakgException("store " + store + " already holds releases; spark-build loads a fresh store:"
                        + " give a new --store, or add to this one with `pharmakg build`");
            }
        }
    }

    /** Loads the part files and the entities graph into a fresh store with the bulk loader; returns the quads loaded. */
    static long load(Path storeDir, Path output, Map<String, String> docHashes) {
        List<Path> parts = PartFiles.of(output);
        long[] n = {0};
        try (KgStore s = KgStore.open(storeDir)) {
            KgStore.BulkSink sink = s.bulk();
            StreamRDF into = new StreamRDFBase() {
                @Override public void quad(Quad q) {
                    sink.add(List.of(q));
                    n[0]++;
                }
            };
            try {
                for (Path p : parts) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(p), 1 << 16)) {
                        RDFParser.source(in).lang(Lang.NQUADS).parse(into);
                    }
                }
                sink.finish();
            } catch (IOException | RuntimeException e) {
                sink.abort(e);
                throw new PharmakgException("cannot load " + output + " into " + storeDir + ": " + e.getMessage());
            }
            s.ensureOntology();
            // deals of one agreement over time, linked across releases as build links them after resolution
            org.pharmakg.store.Agreements.link(s);
            s.setMeta(BuildPipeline.RESOLVED_DOCUMENTS, KgStore.literal(BuildPlan.digest(docHashes)));
            s.setMeta("lastBuild", KgStore.literal(Instant.now().toString()));
            s.compactIfGrown(KgStore.DEFAULT_MIN_GROWTH, KgStore.DEFAULT_GROWTH_FACTOR); // records the baseline
        }
        return n[0];
    }

    private static void writeGz(Path file, List<Quad> quads) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            RDFDataMgr.writeQuads(out, quads.iterator());
        } catch (IOException e) {
            throw new PharmakgException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Settings of a Spark build. */
    public static final class Builder {
        private String master;
        private Path output;
        private Path store;
        private Instant builtAt;
        private int partitions;
        private Consumer<String> problems = m -> { };
        private final Map<String, String> conf = new HashMap<>();
        private boolean findCopies = true;

        /** The Spark master ({@code local[2]}, {@code spark://host:7077}); by default spark-submit's, else local[*]. */
        public Builder master(String m) { this.master = m; return this; }
        /** A new folder for the part files ({@code quads/part-*.gz}) and {@code entities.nq.gz}. */
        public Builder output(Path p) { this.output = p; return this; }
        /** A fresh TDB2 store to bulk-load the result into; none: only the part files. */
        public Builder store(Path p) { this.store = p; return this; }
        /** The one build instant of the job ({@code kg:builtAt}); default now. */
        public Builder builtAt(Instant t) { this.builtAt = t; return this; }
        /** Partitions of the release list; default four per core of the job. */
        public Builder partitions(int n) { this.partitions = n; return this; }
        public Builder problems(Consumer<String> p) { this.problems = p; return this; }
        /** A Spark setting ({@code spark.executor.memory} …). */
        public Builder conf(String key, String value) { this.conf.put(key, value); return this; }
        /** Fold syndicated copies into one document with several sources, as {@code build} does (default on). */
        public Builder findCopies(boolean on) { this.findCopies = on; return this; }
        public SparkBuild build() { return new SparkBuild(this); }
    }
}
