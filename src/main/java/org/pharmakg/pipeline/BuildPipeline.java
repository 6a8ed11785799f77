package org.pharmakg.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.jena.sparql.core.Quad;
import org.pharmakg.PharmakgException;
import org.pharmakg.extract.DocumentExtraction;
import org.pharmakg.extract.Extractor;
import org.pharmakg.extract.Lexicon;
import org.pharmakg.ingest.DocumentFinder;
import org.pharmakg.ingest.PressRelease;
import org.pharmakg.ingest.PressReleaseReader;
import org.pharmakg.mapping.RdfMapper;
import org.pharmakg.nlp.NlpPipeline;
import org.pharmakg.store.EntityResolver;
import org.pharmakg.store.KgStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the graph: finds press releases, skips those whose content the store already holds,
 * runs NLP and extraction on worker threads (a bounded queue, so memory stays flat), writes each
 * document's graph in one transaction, then resolves entities across documents.
 *
 * <pre>
 * BuildReport r = BuildPipeline.builder(store).nlp(() -> nlp).threads(2).build().run(List.of(Path.of("data")));
 * </pre>
 *
 * A bad file is reported (path and reason) and skipped; what is already stored is never touched by it.
 * A file with the same content as another is stored once. The resolver runs on every build, so a
 * build killed after writing documents is completed by the next one. At the end the store is
 * compacted when it has grown enough ({@link Builder#compaction}).
 */
public final class BuildPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(BuildPipeline.class);

    private final KgStore store;
    private final Supplier<NlpPipeline> nlp;
    private final Lexicon lexicon;
    private final Extractor extractor;
    private final EntityResolver resolver;
    private final PressReleaseReader reader;
    private final RdfMapper mapper;
    private final int threads;
    private final Progress progress;
    private final Consumer<String> problems;
    private final long minGrowth;
    private final double growthFactor;
    private final Boolean bulkLoad;
    private final boolean prune;
    private final boolean findCopies;

    private BuildPipeline(Builder b) {
        this.store = b.store;
        this.nlp = b.nlp;
        this.lexicon = b.lexicon == null ? Lexicon.load() : b.lexicon;
        this.extractor = Extractor.standard(lexicon);
        this.resolver = new EntityResolver(lexicon);
        this.reader = b.reader == null ? new PressReleaseReader() : b.reader;
        this.mapper = new RdfMapper(b.clock);
        this.threads = b.threads;
        this.progress = b.progress;
        this.problems = b.problems;
        this.minGrowth = b.minGrowth;
        this.growthFactor = b.growthFactor;
        this.bulkLoad = b.bulkLoad;
        this.prune = b.prune;
        this.findCopies = b.findCopies;
    }

    public static Builder builder(KgStore store) { return new Builder(store); }

    /** One unit of work between the reader, the workers and the writer. */
    private record Done(PressRelease release, List<Quad> quads, int entities, int facts, int tokens, String error) {}

    public BuildReport run(List<Path> roots) {
        long t0 = System.nanoTime();
        List<String> failures = new ArrayList<>();
        Consumer<String> fail = msg -> {
            failures.add(msg);
            problems.accept(msg);
        };
        List<Path> files = DocumentFinder.find(roots, e -> fail.accept(e.getMessage()));
        store.ensureOntology();
        int removed = prune ? prune(roots) : 0;
        Map<String, String> stored = store.documentHashes();

        // read every file (cheap) to know what changed; the expensive part only runs on those
        BuildPlan plan = BuildPlan.plan(files, reader, stored, fail);
        // a syndicated copy of a stored release, or of one read before it, is another source of that release
        Syndication syndication = new Syndication(store);
        List<PressRelease> todo = syndication.fold(plan.todo(), findCopies);
        int unchanged = plan.unchanged();
        LOG.info("build: {} files, {} unchanged, {} to extract", files.size(), unchanged, todo.size());
        int[] totals = new int[3];
        long[] storeNanos = new long[2]; // wall, CPU of the writing thread
        int built = 0;
        if (!todo.isEmpty()) {
            // a fresh store takes the bulk loader; an existing one one transaction per document
            boolean bulk = stored.isEmpty() && (bulkLoad == null ? todo.size() >= BULK_THRESHOLD : bulkLoad);
            built = extractAndStore(todo, totals, fail, bulk, storeNanos, syndication);
        }
        syndication.storeSources(store);
        if (syndication.copies() > 0) LOG.info("build: {} syndicated copies stored as sources of their release", syndication.copies());
        // resolution is a function of the stored documents: when they are what it last saw, the entities graph stands
        String docsDigest = digest(built == 0 ? stored : store.documentHashes());
        EntityResolver.Report res;
        if (built == 0 && removed == 0 && docsDigest.equals(store.meta(RESOLVED_DOCUMENTS))) {
            res = new EntityResolver.Report(store.entityCount(), 0);
            LOG.info("resolve: no document changed, {} entities as resolved before", res.entities());
        } else {
            res = resolver.resolve(store);
            store.setMeta(RESOLVED_DOCUMENTS, KgStore.literal(docsDigest));
        }
        // deals of one agreement over time, linked across releases once their parties are resolved (writes only on change)
        org.pharmakg.store.Agreements.link(store);
        store.setMeta("lastBuild", KgStore.literal(java.time.Instant.now().toString()));
        // TDB2 is copy-on-write: incremental builds grow it until it is compacted
        KgStore.Compaction compaction = minGrowth < 0 ? null : store.compactIfGrown(minGrowth, growthFactor);
        if (compaction != null) LOG.info("build: {}", compaction);
        double secs = (System.nanoTime() - t0) / 1e9;
        return new BuildReport(files.size(), built, unchanged, removed, failures, res.entities(), totals[1], totals[2], secs,
                compaction, storeNanos[0] / 1e9, storeNanos[1] / 1e9);
    }

    /** Removes the stored releases whose file lay under one of the roots and is gone; returns how many. */
    private int prune(List<Path> roots) {
        List<Path> present = new ArrayList<>();
        for (Path r : roots) {
            Path abs = r.toAbsolutePath().normalize();
            if (java.nio.file.Files.exists(abs)) present.add(abs);
            else LOG.warn("prune: {} does not exist; nothing under it is removed", r);
        }
        List<String> gone = new ArrayList<>();
        store.documentSources().forEach((id, source) -> {
            Path f = Path.of(source).toAbsolutePath().normalize();
            boolean under = present.stream().anyMatch(r -> f.startsWith(r));
            if (under && !java.nio.file.Files.exists(f)) gone.add(id);
        });
        if (gone.isEmpty()) return 0;
        java.util.Collections.sort(gone);
        store.removeDocuments(gone);
        LOG.info("prune: removed {} release(s) whose file is gone: {}", gone.size(),
                gone.size() <= 10 ? String.join(", ", gone) : String.join(", ", gone.subList(0, 10)) + ", ...");
        return gone.size();
    }

    /** Meta key: digest of the document hashes the entities graph was last resolved from. */
    public static final String RESOLVED_DOCUMENTS = "resolvedDocuments";

    private static String digest(Map<String, String> docHashes) { return BuildPlan.digest(docHashes); }

    /** CPU time of the calling thread (the store writes run on it, while NLP workers share the cores). */
    public static long cpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Documents from which a fresh build goes through the bulk loader. */
    static final int BULK_THRESHOLD = 20;

    private int extractAndStore(List<PressRelease> todo, int[] totals, Consumer<String> fail, boolean bulkLoad, long[] storeNanos,
                                Syndication syndication) {
        long s0 = System.nanoTime(), c0 = cpuNanos();
        KgStore.BulkSink bulk = bulkLoad ? store.bulk() : null;
        storeNanos[0] += System.nanoTime() - s0;
        storeNanos[1] += cpuNanos() - c0;
        if (bulkLoad) LOG.info("build: fresh store, loading {} documents through the TDB2 bulk loader", todo.size());
        extractor.warmUp(); // the parser loads on the other core while CoreNLP loads here
        NlpPipeline pipeline = nlp.get();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pharmakg-worker");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Done> done = new ArrayBlockingQueue<>(threads * 4);
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(threads * 4);
        progress.start("extract", todo.size());
        Thread feeder = new Thread(() -> {
            for (PressRelease r : todo) {
                try {
                    inFlight.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pool.execute(() -> {
                    Done d;
                    try {
                        DocumentExtraction x = extractor.extract(pipeline.annotate(r));
                        List<Quad> quads = ReleaseQuads.of(r, mapper.map(x));
                        d = new Done(r, quads, x.entities().size(), x.facts().size(), x.tokens(), null);
                    } catch (RuntimeException | StackOverflowError e) {
                        LOG.debug("extraction failed", e);
                        d = new Done(r, null, 0, 0, 0, r.source() + ": extraction failed: " + e);
                    }
                    try {
                        done.put(d);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        }, "pharmakg-feeder");
        feeder.setDaemon(true);
        feeder.start();
        int built = 0;
        Set<org.apache.jena.graph.Node> labelled = new HashSet<>();
        try {
            for (int i = 0; i < todo.size(); i++) {
                Done d = done.take();
                inFlight.release();
                if (d.error() != null) {
                    fail.accept(d.error());
                } else {
                    long w0 = System.nanoTime(), wc0 = cpuNanos();
                    if (bulk != null) {
                        bulk.add(d.quads());
                        // a fresh store: labels for the entities no earlier document labelled
                        bulk.add(resolver.provisionalLabels(iri -> !labelled.add(iri), d.quads()));
                    } else {
                        // labels for new entities in the same transaction: valid even if killed before the resolver
                        store.replaceDocument(d.release().id(), d.quads(), dsg -> resolver.provisionalLabels(dsg, d.quads()));
                    }
                    storeNanos[0] += System.nanoTime() - w0;
                    storeNanos[1] += cpuNanos() - wc0;
                    built++;
                    totals[0] += d.entities();
                    totals[1] += d.facts();
                    totals[2] += d.tokens();
                    LOG.debug("{}: {} entities, {} facts", d.release().id(), d.entities(), d.facts());
                }
                progress.step(d.release().source().getFileName().toString());
            }
            if (bulk != null) {
                long f0 = System.nanoTime(), fc0 = cpuNanos();
                bulk.finish();
                storeNanos[0] += System.nanoTime() - f0;
                storeNanos[1] += cpuNanos() - fc0;
                bulk = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (bulk != null) bulk.abort(e);
            throw new PharmakgException("build interrupted");
        } catch (RuntimeException e) {
            if (bulk != null) bulk.abort(e);
            throw e;
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return built;
    }

    /** Settings of a build. */
    public static final class Builder {
        private final KgStore store;
        private Supplier<NlpPipeline> nlp;
        private Lexicon lexicon;
        private PressReleaseReader reader;
        private Clock clock = Clock.systemUTC();
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private Progress progress = Progress.NONE;
        private Consumer<String> problems = m -> { };
        private long minGrowth = KgStore.DEFAULT_MIN_GROWTH;
        private double growthFactor = KgStore.DEFAULT_GROWTH_FACTOR;
        private Boolean bulkLoad;
        private boolean prune;
        private boolean findCopies = true;

        Builder(KgStore store) { this.store = store; }

        /** The NLP stage, created only when some document needs it (loading it takes seconds); see {@link Extractor#standardNlp}. */
        public Builder nlp(Supplier<NlpPipeline> s) { this.nlp = s; return this; }
        public Builder lexicon(Lexicon l) { this.lexicon = l; return this; }
        public Builder reader(PressReleaseReader r) { this.reader = r; return this; }
        public Builder clock(Clock c) { this.clock = c; return this; }
        public Builder threads(int n) { this.threads = Math.max(1, n); return this; }
        public Builder progress(Progress p) { this.progress = p; return this; }
        /** Receives one message per file that could not be built (path and reason). */
        public Builder problems(Consumer<String> p) { this.problems = p; return this; }
        /**
         * When to compact the store after a build: once it has grown by {@code minGrowth} bytes and
         * to {@code factor} times its size after the last compaction (see {@link KgStore#compactIfGrown});
         * a negative {@code minGrowth} never compacts. Default 16 MB and 2.
         */
        public Builder compaction(long minGrowth, double factor) {
            this.minGrowth = minGrowth;
            this.growthFactor = factor;
            return this;
        }
        /**
         * Whether a build into an empty store goes through the TDB2 bulk loader: true forces it, false forces one
         * transaction per document (the benchmark's plain path); by default from 20 documents on.
         */
        public Builder bulkLoad(boolean on) { this.bulkLoad = on; return this; }
        /**
         * Whether a build removes the stored releases whose source file lay under one of the folders it is given
         * (or was one of the files) and is gone. Off by default: a build only adds and replaces. A folder that does
         * not exist prunes nothing (an unmounted drive must not empty the store).
         */
        public Builder prune(boolean on) { this.prune = on; return this; }
        /**
         * Whether a release nearly the same as a stored one (a syndicated copy) becomes another source of that
         * document (the default) or a document of its own, as the benchmark's replicated corpus needs.
         */
        public Builder findCopies(boolean on) { this.findCopies = on; return this; }
        public BuildPipeline build() { return new BuildPipeline(this); }
    }
}
