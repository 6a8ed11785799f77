package org.pharmakg.bench;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The Spark build the benchmark runs beside {@code build} on the same corpus: implemented in the spark profile
 * ({@code org.pharmakg.spark.SparkBench}), found by name so the default build carries no Spark.
 *
 * <pre>SparkComparison.Result r = SparkComparison.find().run(corpus, parts, store, builtAt, "local[2]");</pre>
 */
public interface SparkComparison {
    /** What the Spark build did and how long each step took, the driver's steps apart (seconds). */
    record Result(int built, int failed, long quads, long tokens, double planSeconds, double extractSeconds,
                  double resolveSeconds, double writeSeconds, double loadSeconds, double totalSeconds) { }

    /** Builds {@code corpus} as a Spark job on {@code master}: part files in {@code output}, loaded into {@code store}. */
    Result run(Path corpus, Path output, Path store, Instant builtAt, String master);

    /** The spark profile's implementation; an environment problem when Spark is not on the class path. */
    static SparkComparison find() {
        try {
            Class.forName("org.apache.spark.SparkConf", false, SparkComparison.class.getClassLoader());
            return (SparkComparison) Class.forName("org.pharmakg.spark.SparkBench").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("bench --spark needs Spark on the class path: run it through bin/pharmakg (which"
                    + " adds target/classpath-spark.txt for it) from a build without -Dnospark");
        }
    }
}
