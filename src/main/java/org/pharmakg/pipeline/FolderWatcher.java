package org.pharmakg.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.pharmakg.ingest.DocumentFinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a store up to date with a folder while it is served: polls the folder (every 2 s by
 * default) and, once a new, changed or deleted file has stayed so for one poll, runs the build
 * pipeline over the folder (the CLI's pipeline prunes, so a deleted release leaves the graph). The pipeline skips unchanged documents, replaces each changed one in a
 * single write transaction (readers see the old or the new document, never half of one), then
 * runs the resolver. Polling rather than a WatchService: it works the same on every file system,
 * including network mounts, and a burst of changes becomes one build.
 *
 * <pre>
 * try (FolderWatcher w = new FolderWatcher(pipeline, Path.of("inbox"), Duration.ofSeconds(2), System.err::println)) {
 *     w.start();
 *     server.join();
 * }
 * </pre>
 *
 * The pipeline must use the server's own store: TDB2 lets only one process open a store.
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    private final BuildPipeline pipeline;
    private final Path dir;
    private final Duration interval;
    private final Consumer<String> report;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pharmakg-watch");
        t.setDaemon(true);
        return t;
    });
    private Map<Path, String> seen;     // state at the previous poll
    private Map<Path, String> built = Map.of();   // state the store was last built from
    private volatile int builds;

    public FolderWatcher(BuildPipeline pipeline, Path dir, Duration interval, Consumer<String> report) {
        this.pipeline = pipeline;
        this.dir = dir;
        this.interval = interval;
        this.report = report;
    }

    /** Starts polling; the first poll builds whatever the folder holds. */
    public FolderWatcher start() {
        timer.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("watch: polling {} every {} s", dir, interval.toMillis() / 1000.0);
        return this;
    }

    /** Builds finished so far. */
    public int builds() { return builds; }

    /** One poll: build when the folder changed since the last build and has been still since the last poll. */
    void poll() {
        try {
            Map<Path, String> now = snapshot();
            boolean still = now.equals(seen);
            seen = now;
            if (!still || now.equals(built)) return;
            BuildReport r = pipeline.run(List.of(dir));
            built = now;
            builds++;
            report.accept("watch: " + dir + ": " + r.summary());
        } catch (RuntimeException e) {
            // keep watching: the next change gets another try
            report.accept("watch: " + dir + ": build failed: " + e.getMessage());
            LOG.debug("watch build failed", e);
        }
    }

    private Map<Path, String> snapshot() {
        Map<Path, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) return out;
        for (Path f : DocumentFinder.find(List.of(dir), e -> { })) {
            try {
                out.put(f, Files.size(f) + "@" + Files.getLastModifiedTime(f).toMillis());
            } catch (IOException e) {
                out.put(f, "?");
            }
        }
        return out;
    }

    @Override
    public void close() {
        // no interrupt: an interrupted thread closes TDB2's file channels; let a running build finish
        timer.shutdown();
        try {
            if (!timer.awaitTermination(60, TimeUnit.SECONDS)) LOG.warn("watch: a build is still running; leaving it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
