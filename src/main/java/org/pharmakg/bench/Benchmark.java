package org.pharmakg.bench;

import static org.pharmakg.bench.BenchTable.f;
import static org.pharmakg.bench.BenchTable.n;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.pharmakg.extract.Extractor;
import org.pharmakg.extract.Lexicon;
import org.pharmakg.ingest.PressReleaseReader;
import org.pharmakg.nlp.NlpPipeline;
import org.pharmakg.pipeline.BuildReport;
import org.pharmakg.pipeline.Progress;

/**
 * The whole benchmark of issue 7 in one run: corpus, fresh build, bulk-loader reference, unchanged re-build,
 * CoreNLP baseline, scores fast vs plain, query latencies; the result is one {@link BenchTable}.
 *
 * <pre>BenchTable t = Benchmark.builder(Path.of("data"), work).releases(2000).build().run(); System.out.print(t.render());</pre>
 */
public final class Benchmark {
    private static final double MB = 1024 * 1024;
    private final Builder s;
    private final Consumer<String> log;

    private Benchmark(Builder b) {
        this.s = b;
        this.log = b.log;
    }

    public static Builder builder(Path seeds, Path work) { return new Builder(seeds, work); }

    public BenchTable run() {
        int threads = Runtime.getRuntime().availableProcessors();
        List<Path> sourceDirs = new ArrayList<>(List.of(s.seeds));
        if (s.dev != null) sourceDirs.add(s.dev);
        int distinct = Corpus.sources(sourceDirs).size();
        BenchTable t = new BenchTable(f("pharmakg benchmark: %d releases (%d distinct, replicated from %s), %d threads, max heap %.0f MB",
                s.releases, distinct, sourceDirs, threads, Runtime.getRuntime().maxMemory() / MB));

        log.accept("corpus: writing " + s.releases + " releases");
        Path corpus = s.work.resolve("corpus");
        Corpus.replicate(sourceDirs, s.releases, corpus);

        log.accept("fresh build of " + s.releases + " releases");
        Path store = s.work.resolve("store");
        HeapTrace trace = new HeapTrace(s.heapEvery);
        java.time.Instant builtAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        BuildBench.Fresh fresh = BuildBench.fresh(corpus, store, 0, builtAt, trace, m -> log.accept("problem: " + m));
        BuildReport r = fresh.report();
        double rps = r.built() / r.seconds();
        t.row("build releases/s", f("%.1f (%d built in %.1f s, incl. model load)", rps, r.built(), r.seconds()), ">= 20", rps >= 20);
        t.row("build tokens/s", f("%s (%s tokens through NLP)", n(r.tokens() / r.seconds()), n(r.tokens())));
        t.row("build failures", String.valueOf(r.failures().size()), "0", r.failures().isEmpty());
        t.row("model load s", f("%.1f", fresh.modelLoadSeconds()));
        t.row("peak heap MB (build)", f("%.0f of %.0f", fresh.peakHeapBytes() / MB, Runtime.getRuntime().maxMemory() / MB),
                "within -Xmx", fresh.peakHeapBytes() < Runtime.getRuntime().maxMemory());
        trace.lines().forEach(l -> t.row("heap after GC at " + l[0] + " docs MB", l[1]));

        if (s.sparkMaster != null) spark(t, corpus, store, builtAt, r, threads);

        log.accept("bulk loader reference");
        BuildBench.LoaderRef ref = BuildBench.loaderReference(store, s.work);
        // the writes run on one thread while the NLP workers keep both cores busy, so their wall-clock time is
        // mostly waiting for a core; CPU seconds of the writing thread compare the two write paths themselves
        double writeRate = ref.docQuads() / r.storeSeconds();
        double writeCpuRate = ref.docQuads() / r.storeCpuSeconds();
        double ratio = writeCpuRate / ref.loaderTriplesPerCpuSecond();
        t.row("store write triples/s (build)", f("%s per CPU s, %s per wall s (%s quads; %.1f CPU s, %.1f s wall beside NLP)",
                n(writeCpuRate), n(writeRate), n(ref.docQuads()), r.storeCpuSeconds(), r.storeSeconds()));
        t.row("bulk loader triples/s (reference)", f("%s per CPU s, %s per wall s (%s quads from N-Quads; %.1f CPU s, %.1f s wall, alone)",
                n(ref.loaderTriplesPerCpuSecond()), n(ref.loaderTriplesPerSecond()), n(ref.quads()), ref.loaderCpuSeconds(), ref.loaderSeconds()));
        t.row("store write / bulk loader (CPU s)", f("%.2f (wall-clock: %.2f)", ratio, writeRate / ref.loaderTriplesPerSecond()), ">= 0.8", ratio >= 0.8);

        log.accept("unchanged re-build");
        BuildReport u = BuildBench.unchanged(corpus, store, m -> log.accept("problem: " + m));
        double per1000 = u.seconds() / Math.max(1, u.found()) * 1000;
        t.row("unchanged re-build s", f("%.2f (%d unchanged, %d built); %.2f s per 1,000", u.seconds(), u.unchanged(), u.built(), per1000),
                "<= 1 s per 1,000", per1000 <= 1.0 && u.built() == 0);

        if (!s.skipBaseline) baseline(t, corpus, threads, rps);
        if (s.dev != null && s.gold != null) scores(t, threads);
        if (!s.skipQueries) queries(t, store);
        return t;
    }

    /**
     * The same corpus as a Spark job on {@code --spark MASTER}, right after the local build: releases/s of both, the
     * driver's steps timed apart (they do not shrink with executors), the rate per core of the executors' step, and
     * whether both stores hold the same quads.
     */
    private void spark(BenchTable t, Path corpus, Path store, java.time.Instant builtAt, BuildReport local, int cores) {
        log.accept("spark-build of " + s.releases + " releases on " + s.sparkMaster);
        SparkComparison.Result sp = SparkComparison.find().run(corpus, s.work.resolve("spark-parts"), s.work.resolve("spark-store"),
                builtAt, s.sparkMaster);
        double ours = local.built() / local.seconds(), theirs = sp.built() / sp.totalSeconds();
        t.row("spark-build releases/s (" + s.sparkMaster + ")", f("%.1f (%d built, %d failed, in %.1f s incl. Spark start and model load)",
                theirs, sp.built(), sp.failed(), sp.totalSeconds()));
        t.row("spark-build / build (releases/s)", f("%.2f", theirs / ours), ">= 0.8", theirs / ours >= 0.8);
        t.row("spark-build steps s", f("driver plan %.1f; executors extract %.1f; driver resolve %.1f; write %.1f; driver load %.1f",
                sp.planSeconds(), sp.extractSeconds(), sp.resolveSeconds(), sp.writeSeconds(), sp.loadSeconds()));
        t.row("spark-build extract releases/s per core", f("%.2f (%d cores; model load included)", sp.built() / sp.extractSeconds() / cores, cores));
        t.row("spark-build load quads/s (driver)", f("%s (%s quads)", n(sp.quads() / sp.loadSeconds()), n(sp.quads())));
        log.accept("comparing the two stores");
        StoreDigest a = StoreDigest.of(store), b = StoreDigest.of(s.work.resolve("spark-store"));
        t.row("spark-build quads = build quads", a.equals(b) ? f("yes (%s quads)", n(a.quads())) : f("no (build %s, spark-build %s quads)",
                n(a.quads()), n(b.quads())), "equal", a.equals(b));
    }

    private void baseline(BenchTable t, Path corpus, int threads, double ours) {
        int n = Math.min(s.baselineSample, s.releases);
        log.accept("CoreNLP default pipeline over " + n + " releases");
        List<String> texts = new ArrayList<>();
        PressReleaseReader reader = new PressReleaseReader();
        for (Path f : Corpus.sources(List.of(corpus)).subList(0, n)) texts.add(reader.read(f).text());
        Baseline.Result b = Baseline.run(texts, threads);
        t.row("CoreNLP default releases/s", f("%.2f (sample of %d, extrapolated; load %.1f s not counted)", b.releasesPerSecond(), n, b.loadSeconds()));
        t.row("CoreNLP default tokens/s", f("%s (%s tokens)", n(b.tokensPerSecond()), n(b.tokens())));
        double x = ours / b.releasesPerSecond();
        t.row("ours / CoreNLP default (releases/s)", f("%.1fx", x), ">= 10x", x >= 10);
    }

    private void scores(BenchTable t, int threads) {
        log.accept("scores: seeds + dev, fast path and plain path");
        Lexicon lexicon = Lexicon.load();
        NlpPipeline[] nlp = new NlpPipeline[1];
        ScoreCheck.Result sc = ScoreCheck.run(List.of(s.seeds, s.dev), s.gold, s.work, lexicon, () -> {
            if (nlp[0] == null) nlp[0] = Extractor.standardNlp(lexicon);
            return nlp[0];
        }, threads);
        t.row("entity F1 fast / plain", f("%.3f / %.3f", sc.entityF1Fast(), sc.entityF1Plain()));
        t.row("fact F1 fast / plain", f("%.3f / %.3f", sc.factF1Fast(), sc.factF1Plain()));
        t.row("scores did not drop", sc.same() ? "yes" : "no", "equal", sc.same());
    }

    private void queries(BenchTable t, Path built) {
        log.accept("query store of " + s.queryTriples + " triples");
        Path qs = s.work.resolve("query-store");
        long n = QueryStore.generate(built, qs, s.queryTriples);
        t.row("query store triples", n(n));
        log.accept("queries: " + s.clients + " clients, " + s.querySeconds + " s each");
        Map<String, QueryBench.Result> res = QueryBench.run(qs, QueryBench.PARAMS, s.clients, s.querySeconds);
        res.forEach((name, q) -> t.row("query " + name + " p50/p99 ms",
                f("%.1f / %.1f (%d requests, %d errors, %s)", q.p50(), q.p99(), q.count(), q.errors(), q.params()),
                "p99 <= 50", q.p99() <= 50 && q.errors() == 0));
    }

    /** Heap used after a full GC every {@code every} documents (0: never): shows whether the build holds documents. */
    private static final class HeapTrace implements Progress {
        private final int every;
        private final List<String[]> lines = new ArrayList<>();
        private int n;

        HeapTrace(int every) { this.every = every; }

        @Override public void start(String what, int total) { }

        @Override public void step(String item) {
            if (every > 0 && ++n % every == 0) lines.add(new String[] {n(n), f("%.0f", HeapSampler.usedAfterGc() / MB)});
        }

        @Override public void finish() { }

        List<String[]> lines() { return lines; }
    }

    /** Settings of a benchmark run. */
    public static final class Builder {
        private final Path seeds, work;
        private Path dev, gold;
        private int releases = 2000, baselineSample = 40, clients = 4, heapEvery;
        private long queryTriples = 1_000_000;
        private double querySeconds = 20;
        private boolean skipQueries, skipBaseline;
        private Consumer<String> log = m -> { };
        private String sparkMaster;

        Builder(Path seeds, Path work) {
            this.seeds = seeds;
            this.work = work;
        }

        public Builder releases(int n) { this.releases = n; return this; }
        /** Extra releases replicated with the seeds, and built with them for the score check. */
        public Builder dev(Path d) { this.dev = d; return this; }
        public Builder gold(Path g) { this.gold = g; return this; }
        public Builder baselineSample(int n) { this.baselineSample = n; return this; }
        public Builder queryTriples(long n) { this.queryTriples = n; return this; }
        public Builder clients(int n) { this.clients = n; return this; }
        public Builder querySeconds(double s) { this.querySeconds = s; return this; }
        public Builder skipQueries(boolean b) { this.skipQueries = b; return this; }
        public Builder skipBaseline(boolean b) { this.skipBaseline = b; return this; }
        /** Heap after GC every n documents of the fresh build (0: not traced). */
        public Builder heapEvery(int n) { this.heapEvery = n; return this; }
        /** Receives one line per stage of the benchmark (progress, on stderr in the CLI). */
        public Builder log(Consumer<String> l) { this.log = l; return this; }
        /** Also runs the build as a Spark job on this master (e.g. local[2]) and compares it with the local build. */
        public Builder spark(String master) { this.sparkMaster = master; return this; }
        public Benchmark build() { return new Benchmark(this); }
    }
}
