package org.pharmakg.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.pharmakg.extract.Extractor;
import org.pharmakg.ingest.Fetcher;
import org.pharmakg.ingest.ReaderOptions;
import org.pharmakg.nlp.CoreNlpPipeline;
import org.pharmakg.pipeline.FeedBuild;
import org.pharmakg.pipeline.Progress;
import org.pharmakg.store.KgStore;

/**
 * {@code serve --watch-feed URL}: reads each feed now and then every {@code --feed-minutes}, building new items into the
 * served store (each document in its own transaction, so queries see a consistent graph).
 *
 * <pre>{@code
 * FeedWatcher w = FeedWatcher.start(store, storeDir, List.of("https://x/news.atom"), Duration.ofMinutes(30));
 * ...
 * w.close();
 * }</pre>
 */
final class FeedWatcher implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final Fetcher fetcher;

    private FeedWatcher(ScheduledExecutorService timer, Fetcher fetcher) {
        this.timer = timer;
        this.fetcher = fetcher;
    }

    static FeedWatcher start(KgStore s, Path storeDir, List<String> feeds, Duration every) {
        Fetcher fetcher = Fetcher.builder().build();
        java.util.function.Supplier<org.pharmakg.nlp.NlpPipeline> nlp = BuildCommand.once(() -> CoreNlpPipeline.builder().rules(Extractor.ENTITY_RULES).build());
        FeedBuild fb = new FeedBuild(s, fetcher, () -> BuildCommand.pipeline(s, nlp, 0, ReaderOptions.DEFAULT_MAX_BYTES,
                Progress.NONE, false), BuildCommand.feedCache(storeDir, null), m -> System.err.println("pharmakg: " + m));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pharmakg-feed-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            for (String f : feeds) {
                try {
                    FeedBuild.Report r = fb.run(f);
                    if (r.fetched() > 0) System.err.println("pharmakg: " + r.summary());
                } catch (RuntimeException e) {
                    System.err.println("pharmakg: feed " + f + ": " + e.getMessage());
                }
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return new FeedWatcher(timer, fetcher);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        fetcher.close();
    }
}
