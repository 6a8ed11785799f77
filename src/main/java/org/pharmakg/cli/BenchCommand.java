package org.pharmakg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pharmakg.bench.BenchTable;
import org.pharmakg.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pharmakg bench}: the speed, memory, quality and query benchmark of issue 7, printed as one table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures the real pipeline on N releases replicated from data/ (and --dev): build releases/s and tokens/s, "
                + "CoreNLP's default pipeline on a sample of the same texts, model load, peak heap, store writes vs the TDB2 bulk "
                + "loader, an unchanged re-build, scores fast vs plain path (--dev with --gold), and the latency of every named "
                + "query on a generated store. Prints one table; exit code 1 for a missed target only with --strict."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--releases", defaultValue = "2000", description = "Releases to build (default: 2000).")
    int releases;

    @Option(names = "--seeds", defaultValue = "data", description = "Folder of the seed releases (default: data).")
    Path seeds;

    @Option(names = "--dev", description = "Extra releases replicated with the seeds, e.g. ../shared/corpus/dev.")
    Path dev;

    @Option(names = "--gold", description = "Gold folder for the score check (with --dev), e.g. ../shared/gold/dev.")
    Path gold;

    @Option(names = "--baseline-sample", defaultValue = "40", description = "Releases run through CoreNLP's default pipeline (default: 40).")
    int baselineSample;

    @Option(names = "--query-triples", defaultValue = "1000000", description = "Size of the generated query store (default: 1000000).")
    long queryTriples;

    @Option(names = "--clients", defaultValue = "4", description = "Concurrent HTTP clients per query (default: 4).")
    int clients;

    @Option(names = "--query-seconds", defaultValue = "20", description = "Seconds each query runs (default: 20).")
    double querySeconds;

    @Option(names = "--work", description = "Working folder, kept (default: a temporary one, deleted after unless --keep).")
    Path work;

    @Option(names = "--keep", description = "Keep the working folder.")
    boolean keep;

    @Option(names = "--skip-queries", description = "Skip the query benchmark.")
    boolean skipQueries;

    @Option(names = "--skip-baseline", description = "Skip the CoreNLP baseline.")
    boolean skipBaseline;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Also run spark-build on the same releases on this Spark master"
            + " (e.g. local[2]) and compare throughput and quads with build (needs the spark profile; bin/pharmakg adds it).")
    String spark;

    @Option(names = "--strict", description = "Exit with 1 when a target is missed.")
    boolean strict;

    @Override
    public Integer call() throws IOException {
        if (releases < 1) throw new Main.UsageException("--releases must be at least 1");
        for (Path d : dev == null ? new Path[] {seeds} : new Path[] {seeds, dev}) {
            if (!Files.isDirectory(d)) throw new Main.EnvironmentException("folder " + d + " not found; run from the project folder or pass --seeds/--dev");
        }
        if (spark != null) {
            try {
                org.pharmakg.bench.SparkComparison.find();
            } catch (IllegalStateException e) {
                throw new Main.EnvironmentException(e.getMessage());
            }
        }
        if (gold != null && !Files.isDirectory(gold)) throw new Main.EnvironmentException("gold folder " + gold + " not found");
        boolean temp = work == null;
        Path dir = temp ? Files.createTempDirectory("pharmakg-bench") : work;
        if (!temp && Files.exists(dir) && Files.list(dir).findAny().isPresent()) {
            throw new Main.UsageException("--work " + dir + " is not empty; give an empty or new folder");
        }
        Files.createDirectories(dir);
        try {
            BenchTable t = Benchmark.builder(seeds, dir).releases(releases).dev(dev).gold(gold).baselineSample(baselineSample)
                    .queryTriples(queryTriples).clients(clients).querySeconds(querySeconds).skipQueries(skipQueries)
                    .skipBaseline(skipBaseline).spark(spark).heapEvery(releases >= 10_000 ? 1000 : 0)
                    .log(m -> System.err.println("bench: " + m)).build().run();
            System.out.print(t.render());
            return strict && t.missed() > 0 ? Main.FAILED : Main.OK;
        } finally {
            if (temp && !keep) delete(dir);
            else System.err.println("bench: work folder kept at " + dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
