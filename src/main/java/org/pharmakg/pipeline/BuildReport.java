package org.pharmakg.pipeline;

import java.util.List;
import org.pharmakg.store.KgStore;

/**
 * What a build did: documents found, built, skipped as unchanged, removed because their files are gone
 * ({@code --prune}), failed (with their messages),
 * entities and facts written, time taken, the store compaction when one was due (else null), and the
 * seconds spent writing the store (bulk loader or transactions): wall-clock, and CPU of the writing thread
 * (the NLP workers share the cores with it, so the wall-clock time includes waiting for a core).
 *
 * <pre>BuildReport r = pipeline.build(paths); r.summary();</pre>
 */
public record BuildReport(int found, int built, int unchanged, int removed, List<String> failures, int entities, int facts,
                          int tokens, double seconds, KgStore.Compaction compaction, double storeSeconds,
                          double storeCpuSeconds) {
    public BuildReport {
        failures = List.copyOf(failures);
    }

    /** A report of a build that did not compact the store. */
    public BuildReport(int found, int built, int unchanged, List<String> failures, int entities, int facts,
                       int tokens, double seconds) {
        this(found, built, unchanged, 0, failures, entities, facts, tokens, seconds, null, 0, 0);
    }

    public String summary() {
        return String.format("%d documents (%d built, %d unchanged, %d failed%s), %d entities, %d facts in %.1f s",
                found, built, unchanged, failures.size(), removed == 0 ? "" : ", " + removed + " removed as their files are gone",
                entities, facts, seconds)
                + (compaction == null ? "" : "; " + compaction);
    }
}
