package org.pharmakg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pharmakg.PharmakgException;

/**
 * The N-Quads files a {@code spark-build} writes into its output folder, in load order: the releases' part files
 * ({@code quads/part-*.gz}), the entities graph ({@code entities.nq.gz}), then the syndicated copies' sources
 * ({@code sources.nq.gz}, when the job wrote one). Read by the job's own load and by {@code push --from}.
 *
 * <pre>for (Path p : PartFiles.of(Path.of("out"))) load(p);</pre>
 */
public final class PartFiles {
    private PartFiles() { }

    public static List<Path> of(Path output) {
        List<Path> parts = new ArrayList<>();
        Path quads = output.resolve("quads");
        if (!Files.isDirectory(quads)) throw new PharmakgException(output + " is no spark-build output: it has no quads/ folder");
        try (var s = Files.list(quads)) {
            s.filter(p -> p.getFileName().toString().matches("part-\\d+.*\\.gz")).sorted().forEach(parts::add);
        } catch (IOException e) {
            throw new PharmakgException("cannot list " + quads + ": " + e.getMessage());
        }
        parts.add(output.resolve("entities.nq.gz"));
        Path sources = output.resolve("sources.nq.gz");
        if (Files.exists(sources)) parts.add(sources);
        return parts;
    }
}
