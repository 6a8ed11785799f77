package org.pharmakg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pharmakg.extract.Extractor;
import org.pharmakg.ingest.PressReleaseReader;
import org.pharmakg.ingest.ReaderOptions;
import org.pharmakg.nlp.CoreNlpPipeline;
import org.pharmakg.pipeline.BuildPipeline;
import org.pharmakg.pipeline.BuildReport;
import org.pharmakg.store.KgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pharmakg build PATH…}: extract press releases into the store. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Reads every press release (.txt, .md, .html) under the paths, extracts entities and facts, "
                + "and writes them to the store. Unchanged documents are skipped; changed ones are replaced; with --prune, "
                + "releases whose files are gone are removed.",
                "A file that cannot be read is reported with its path and the reason, and skipped; the exit code is then 1."})
final class BuildCommand implements Callable<Integer> {
    @Mixin StoreOption store;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders of press releases.")
    List<Path> paths;

    @Option(names = "--threads", defaultValue = "0", description = "Worker threads (default: one per core).")
    int threads;

    @Option(names = "--max-bytes", defaultValue = "10485760", description = "Largest file read, in bytes (default: 10 MB).")
    long maxBytes;

    @Option(names = "--prune", description = "Also remove from the store the releases whose files lay under the given paths "
            + "and are gone (deleted or renamed). A path that does not exist removes nothing.")
    boolean prune;

    @Option(names = "--built-at", paramLabel = "INSTANT", description = "The time written as kg:builtAt (ISO-8601, "
            + "e.g. 2025-01-01T00:00:00Z; default: now). A fixed time makes two builds of the same releases comparable.")
    java.time.Instant builtAt;

    @Override
    public Integer call() {
        BuildReport r = run(store.store, paths, threads, maxBytes, prune, clock(builtAt));
        return r.failures().isEmpty() ? Main.OK : Main.FAILED;
    }

    /** The build clock: fixed at {@code builtAt} when given, else the system's. */
    static java.time.Clock clock(java.time.Instant builtAt) {
        return builtAt == null ? java.time.Clock.systemUTC() : java.time.Clock.fixed(builtAt, java.time.ZoneOffset.UTC);
    }

    static BuildReport run(Path storeDir, List<Path> paths, int threads, long maxBytes, boolean prune) {
        return run(storeDir, paths, threads, maxBytes, prune, java.time.Clock.systemUTC());
    }

    static BuildReport run(Path storeDir, List<Path> paths, int threads, long maxBytes, boolean prune, java.time.Clock clock) {
        try (KgStore s = KgStore.open(storeDir)) {
            BuildPipeline.Builder b = builder(s, () -> CoreNlpPipeline.builder().rules(Extractor.ENTITY_RULES).build(), threads,
                    maxBytes, new ConsoleProgress(System.err, System.console() != null), prune);
            BuildReport r = b.clock(clock).build().run(paths);
            System.out.println(r.summary());
            return r;
        }
    }

    /** The build pipeline the CLI uses (also for {@code serve --watch}): problems go to stderr, one line each. */
    static BuildPipeline pipeline(KgStore s, java.util.function.Supplier<org.pharmakg.nlp.NlpPipeline> nlp, int threads,
                                  long maxBytes, org.pharmakg.pipeline.Progress progress, boolean prune) {
        return builder(s, nlp, threads, maxBytes, progress, prune).build();
    }

    private static BuildPipeline.Builder builder(KgStore s, java.util.function.Supplier<org.pharmakg.nlp.NlpPipeline> nlp,
                                                 int threads, long maxBytes, org.pharmakg.pipeline.Progress progress, boolean prune) {
        BuildPipeline.Builder b = BuildPipeline.builder(s)
                .nlp(nlp)
                .prune(prune)
                .reader(new PressReleaseReader(ReaderOptions.defaults().withMaxBytes(maxBytes)))
                .progress(progress)
                .problems(m -> System.err.println("pharmakg: " + m));
        if (threads > 0) b.threads(threads);
        return b;
    }
}
