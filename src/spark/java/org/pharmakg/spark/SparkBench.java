package org.pharmakg.spark;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.pharmakg.bench.SparkComparison;

/** The benchmark's Spark build: {@link SparkBuild} on one corpus, copies built apart as the benchmark's build does. */
public final class SparkBench implements SparkComparison {
    @Override
    public Result run(Path corpus, Path output, Path store, Instant builtAt, String master) {
        SparkBuild.Report r = SparkBuild.builder().master(master).output(output).store(store).builtAt(builtAt).findCopies(false)
                .build().run(List.of(corpus));
        return new Result(r.built(), r.failures().size(), r.quads(), r.tokens(), r.planSeconds(), r.extractSeconds(),
                r.resolveSeconds(), r.writeSeconds(), r.loadSeconds(), r.totalSeconds());
    }
}
