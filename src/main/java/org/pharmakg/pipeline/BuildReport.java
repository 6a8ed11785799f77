package org.pharmakg.pipeline;

import java.util.List;

/**
 * What a build did: documents found, built, skipped as unchanged, failed (with their messages),
 * entities and facts written, time taken.
 *
 * <pre>BuildReport r = pipeline.build(paths); r.summary();</pre>
 */
public record BuildReport(int found, int built, int unchanged, List<String> failures, int entities, int facts,
                          int tokens, double seconds) {
    public BuildReport {
        failures = List.copyOf(failures);
    }

    public String summary() {
        return String.format("%d documents (%d built, %d unchanged, %d failed), %d entities, %d facts in %.1f s",
                found, built, unchanged, failures.size(), entities, facts, seconds);
    }
}
