package org.pharmakg.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.pharmakg.extract.Extractor;
import org.pharmakg.extract.Lexicon;
import org.pharmakg.mapping.Vocab;
import org.pharmakg.nlp.NlpPipeline;
import org.pharmakg.pipeline.BuildPipeline;
import org.pharmakg.pipeline.BuildReport;
import org.pharmakg.pipeline.Progress;
import org.pharmakg.store.KgStore;

/**
 * The build measurements: a fresh build exactly as {@code pharmakg build} runs it (model load, peak heap,
 * seconds writing the store), an unchanged re-build, and the TDB2 bulk loader on the same quads as a reference.
 *
 * <pre>BuildBench.Fresh f = BuildBench.fresh(corpusDir, storeDir, threads, builtAt, Progress.NONE, problems);</pre>
 */
public final class BuildBench {
    private BuildBench() {}

    /** A fresh build: its report, seconds to create the NLP stage, the heap's peak. */
    public record Fresh(BuildReport report, double modelLoadSeconds, long peakHeapBytes) {}

    /** The loader reference: quads exported, those in document graphs, seconds the loader took. */
    public record LoaderRef(long quads, long docQuads, double loaderSeconds, double loaderCpuSeconds) {
        public double loaderTriplesPerSecond() { return quads / loaderSeconds; }

        /** Per second of CPU of the loading thread (the sequential loader runs on the calling thread). */
        public double loaderTriplesPerCpuSecond() { return quads / loaderCpuSeconds; }
    }

    /**
     * Builds {@code corpus} into {@code storeDir} as the build command does (all processors unless {@code threads} &gt; 0),
     * with {@code builtAt} as the build's time, so a Spark build of the same corpus can be compared quad for quad.
     */
    public static Fresh fresh(Path corpus, Path storeDir, int threads, java.time.Instant builtAt, Progress progress,
                              Consumer<String> problems) {
        double[] load = new double[1];
        try (KgStore s = KgStore.open(storeDir); HeapSampler heap = HeapSampler.start()) {
            Lexicon lexicon = Lexicon.load();
            BuildPipeline.Builder b = BuildPipeline.builder(s).findCopies(false).lexicon(lexicon)
                    .clock(java.time.Clock.fixed(builtAt, java.time.ZoneOffset.UTC))
                    .nlp(() -> {
                        long t0 = System.nanoTime();
                        NlpPipeline p = Extractor.standardNlp(lexicon);
                        load[0] = (System.nanoTime() - t0) / 1e9;
                        return p;
                    })
                    .progress(progress).problems(problems);
            if (threads > 0) b.threads(threads);
            BuildReport r = b.build().run(List.of(corpus));
            return new Fresh(r, load[0], heap.peakBytes());
        }
    }

    /** Builds the same corpus into the same store again: nothing changed, so nothing is extracted. */
    public static BuildReport unchanged(Path corpus, Path storeDir, Consumer<String> problems) {
        try (KgStore s = KgStore.open(storeDir)) {
            Lexicon lexicon = Lexicon.load();
            return BuildPipeline.builder(s).findCopies(false).lexicon(lexicon).nlp(() -> Extractor.standardNlp(lexicon)).problems(problems)
                    .build().run(List.of(corpus));
        }
    }

    /**
     * Exports the store to N-Quads, then times TDB2's sequential loader (the one the build uses) loading that
     * file into a fresh store: the throughput the build's store writes are compared with.
     */
    public static LoaderRef loaderReference(Path storeDir, Path work) {
        Path nq = work.resolve("store-export.nq");
        long[] counts = new long[2];
        try (KgStore s = KgStore.open(storeDir); OutputStream out = new BufferedOutputStream(Files.newOutputStream(nq), 1 << 16)) {
            DatasetGraph dsg = s.dataset();
            StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
            w.start();
            Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {
                counts[0]++;
                if (Vocab.isDocGraph(q.getGraph())) counts[1]++;
                w.quad(q);
            }));
            w.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the store to " + nq, e);
        }
        Path refDir = work.resolve("loader-reference");
        DatasetGraph ref = DatabaseMgr.connectDatasetGraph(refDir.toString());
        try {
            long t0 = System.nanoTime();
            long c0 = BuildPipeline.cpuNanos();
            DataLoader loader = LoaderFactory.sequentialLoader(ref, (fmt, args) -> { });
            loader.startBulk();
            try {
                loader.load(nq.toString());
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            return new LoaderRef(counts[0], counts[1], (System.nanoTime() - t0) / 1e9, (BuildPipeline.cpuNanos() - c0) / 1e9);
        } finally {
            TDBInternal.expel(ref);
        }
    }

    /** Every quad of a store (the query benchmark's source). */
    static List<Quad> quads(Path storeDir) {
        try (KgStore s = KgStore.open(storeDir)) {
            DatasetGraph dsg = s.dataset();
            return Txn.calculateRead(dsg, () -> {
                List<Quad> out = new ArrayList<>();
                dsg.find().forEachRemaining(out::add);
                return out;
            });
        }
    }
}
