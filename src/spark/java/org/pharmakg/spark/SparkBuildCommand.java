package org.pharmakg.spark;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pharmakg.cli.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pharmakg spark-build PATH…}: the build as a Spark job (see {@link SparkBuild}). */
@Command(name = "spark-build", mixinStandardHelpOptions = true,
        description = {"Builds the releases under the paths as a Spark job into a fresh store: the same graph as `build`.",
                "Locally: `pharmakg spark-build --master local[2] data/`. On a cluster: spark-submit --class org.pharmakg.cli.Main"
                        + " … spark-build --output DIR PATH… (the paths must be on a file system every executor sees)."})
public final class SparkBuildCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders of press releases.")
    List<Path> paths;

    @Option(names = "--master", description = "Spark master, e.g. local[2] or spark://host:7077 (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--store", defaultValue = "store", description = "The fresh TDB2 store to load (default: ./store).")
    Path store;

    @Option(names = "--output", description = "A new folder for the gzipped N-Quads part files (default: a folder beside the store).")
    Path output;

    @Option(names = "--no-load", description = "Only write the part files (e.g. to `pharmakg push --from DIR` them); no store.")
    boolean noLoad;

    @Option(names = "--partitions", defaultValue = "0", description = "Partitions of the release list (default: 4 per core).")
    int partitions;

    @Option(names = "--built-at", paramLabel = "INSTANT", description = "The time written as kg:builtAt (default: now).")
    Instant builtAt;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable).")
    Map<String, String> conf = Map.of();

    @Override
    public Integer call() {
        Path out = output != null ? output
                : store.toAbsolutePath().resolveSibling(store.getFileName() + "-parts-" + System.currentTimeMillis());
        SparkBuild.Builder b = SparkBuild.builder().master(master).output(out).store(noLoad ? null : store).builtAt(builtAt)
                .partitions(partitions).problems(m -> System.err.println("pharmakg: " + m));
        conf.forEach(b::conf);
        SparkBuild.Report r = b.build().run(paths);
        System.out.println(r.summary());
        System.out.println("spark-build: part files in " + out);
        return r.failures().isEmpty() ? Main.OK : Main.FAILED;
    }
}
