package org.pharmakg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A benchmark corpus: the releases of some folders replicated under new names ({@code r0001_<name>.txt} …)
 * until there are {@code n}, with a {@code SOURCES.tsv} naming the copies when a source folder has one
 * (its dates are what the extraction reads). Each copy ends in a different run of spaces and tabs, so no two
 * have the same bytes (the build stores a content only once) while their text and extraction stay the same.
 *
 * <pre>List&lt;Path&gt; files = Corpus.replicate(List.of(Path.of("data")), 2000, work.resolve("corpus"));</pre>
 */
public final class Corpus {
    private Corpus() {}

    /** The press release files directly in the folders, sorted by name within each folder. */
    public static List<Path> sources(List<Path> dirs) {
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            try (Stream<Path> s = Files.list(d)) {
                s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("(?i).*\\.(txt|md|html?)$"))
                        .sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + d, e);
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no press releases (.txt, .md, .html) in " + dirs);
        return out;
    }

    /** Writes {@code n} copies of the sources into {@code out} (created) and returns them in order. */
    public static List<Path> replicate(List<Path> dirs, int n, Path out) {
        List<Path> src = sources(dirs);
        Map<Path, String[]> sidecar = new LinkedHashMap<>();
        String header = null;
        for (Path d : dirs) {
            Path tsv = d.resolve("SOURCES.tsv");
            if (!Files.isRegularFile(tsv)) continue;
            List<String> lines = read(tsv);
            if (lines.isEmpty()) continue;
            if (header == null) header = lines.get(0);
            for (String l : lines.subList(1, lines.size())) {
                String[] cells = l.split("\t", 2);
                if (cells.length == 2) sidecar.put(d.resolve(cells[0]).normalize(), cells);
            }
        }
        int width = Math.max(4, String.valueOf(n).length());
        List<Path> files = new ArrayList<>(n);
        StringBuilder tsv = new StringBuilder(header == null ? "" : header + "\n");
        try {
            Files.createDirectories(out);
            for (int i = 0; i < n; i++) {
                Path s = src.get(i % src.size());
                String name = String.format("r%0" + width + "d_%s", i + 1, s.getFileName());
                Path f = out.resolve(name);
                Files.write(f, concat(Files.readAllBytes(s), whitespaceTag(i + 1)));
                files.add(f);
                String[] row = sidecar.get(s.normalize());
                if (row != null) tsv.append(name).append('\t').append(row[1]).append('\n');
            }
            if (header != null) Files.writeString(out.resolve("SOURCES.tsv"), tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark corpus in " + out + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** "\n" and {@code i} in binary, 0 a space and 1 a tab: invisible to the text, different for every copy. */
    static byte[] whitespaceTag(int i) {
        StringBuilder sb = new StringBuilder("\n");
        for (char c : Integer.toBinaryString(i).toCharArray()) sb.append(c == '1' ? '\t' : ' ');
        return sb.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
