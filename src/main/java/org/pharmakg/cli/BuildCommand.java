package org.pharmakg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pharmakg.extract.Extractor;
import org.pharmakg.ingest.PressReleaseReader;
import org.pharmakg.ingest.ReaderOptions;
import org.pharmakg.nlp.CoreNlpPipeline;
import org.pharmakg.ingest.Fetcher;
import org.pharmakg.pipeline.BuildPipeline;
import org.pharmakg.pipeline.FeedBuild;
import org.pharmakg.pipeline.BuildReport;
import org.pharmakg.store.KgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pharmakg build PATH…}: extract press releases into the store. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Reads every press release (.txt, .md, .html, .pdf, SEC EDGAR submissions) under the paths, and the pages "
                + "that --feed links to, extracts entities and facts, "
                + "and writes them to the store. Unchanged documents are skipped; changed ones are replaced; with --prune, "
                + "releases whose files are gone are removed.",
                "A file that cannot be read is reported with its path and the reason, and skipped; the exit code is then 1."})
final class BuildCommand implements Callable<Integer> {
    @Mixin StoreOption store;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders of press releases.")
    List<Path> paths = List.of();

    @Option(names = "--feed", paramLabel = "URL-or-FILE", description = "An RSS 2.0 or Atom feed (http(s) URL or saved file): the "
            + "pages of its new or updated items are fetched politely and built, with the item's date and link. Repeatable.")
    List<String> feeds = List.of();

    @Option(names = "--feed-cache", paramLabel = "DIR", description = "Where fetched pages are kept (default: the store folder's "
            + "name with -feeds, beside it).")
    Path feedCache;

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
        if (paths.isEmpty() && feeds.isEmpty()) {
            throw new Main.UsageException("give at least one PATH or --feed URL-or-FILE");
        }
        if (feeds.isEmpty()) {
            BuildReport r = run(store.store, paths, threads, maxBytes, prune, clock(builtAt));
            return r.failures().isEmpty() ? Main.OK : Main.FAILED;
        }
        boolean failed = false;
        try (KgStore s = KgStore.open(store.store); Fetcher fetcher = Fetcher.builder().maxBytes(maxBytes).build()) {
            java.util.function.Supplier<org.pharmakg.nlp.NlpPipeline> nlp = once(
                    () -> CoreNlpPipeline.builder().rules(Extractor.ENTITY_RULES).build());
            java.util.function.Supplier<BuildPipeline> pipeline = () -> builder(s, nlp, threads, maxBytes,
                    new ConsoleProgress(System.err, System.console() != null), prune).clock(clock(builtAt)).build();
            if (!paths.isEmpty()) {
                BuildReport r = pipeline.get().run(paths);
                System.out.println(r.summary());
                failed = !r.failures().isEmpty();
            }
            FeedBuild fb = new FeedBuild(s, fetcher, pipeline, feedCache(store.store, feedCache), m -> System.err.println("pharmakg: " + m));
            for (String feed : feeds) {
                FeedBuild.Report r = fb.run(feed);
                System.out.println(r.summary());
                failed |= !r.failures().isEmpty();
            }
        }
        return failed ? Main.FAILED : Main.OK;
    }

    /** Where fetched feed pages are kept: {@code given}, else STORE-feeds beside the store. */
    static Path feedCache(Path storeDir, Path given) {
        if (given != null) return given;
        Path abs = storeDir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + "-feeds");
    }

    /** A supplier that loads once, on first use, and keeps it (CoreNLP takes seconds to load). */
    static <T> java.util.function.Supplier<T> once(java.util.function.Supplier<T> s) {
        Object[] held = new Object[1];
        return () -> {
            synchronized (held) {
                if (held[0] == null) held[0] = s.get();
                @SuppressWarnings("unchecked") T t = (T) held[0];
                return t;
            }
        };
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
