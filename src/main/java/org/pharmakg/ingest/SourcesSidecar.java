package org.pharmakg.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up a file's date and URL in the {@code SOURCES.tsv} beside it (header
 * {@code file<TAB>date<TAB>url}); each directory's sidecar is read once and cached.
 *
 * <pre>{@code
 * SourcesSidecar sidecar = new SourcesSidecar();
 * SourcesSidecar.Entry e = sidecar.lookup(Path.of("corpus/dev/ig_13.txt"));   // null when absent
 * }</pre>
 *
 * Thread-safe. A sidecar that cannot be read or parsed is logged as a warning and treated as
 * empty: it never stops a release from being read.
 */
final class SourcesSidecar {

    /** The sidecar's file name. */
    static final String FILE_NAME = "SOURCES.tsv";

    /** One row: date and URL, either may be null. */
    record Entry(LocalDate date, String url) { }

    private static final Logger LOG = LoggerFactory.getLogger(SourcesSidecar.class);

    private final Map<Path, Map<String, Entry>> byDirectory = new ConcurrentHashMap<>();

    /** The row for {@code file}'s name in its directory's sidecar, or null. */
    Entry lookup(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || abs.getFileName() == null) {
            return null;
        }
        return byDirectory.computeIfAbsent(dir, SourcesSidecar::load).get(abs.getFileName().toString());
    }

    private static Map<String, Entry> load(Path dir) {
        Path tsv = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(tsv)) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}; dates and URLs from it are not used", tsv, e.toString());
            return Map.of();
        }
        int fileCol = -1;
        int dateCol = -1;
        int urlCol = -1;
        Map<String, Entry> rows = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace("\uFEFF", "");
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (fileCol < 0) {
                for (int c = 0; c < cells.length; c++) {
                    switch (cells[c].strip().toLowerCase(Locale.ROOT)) {
                        case "file" -> fileCol = c;
                        case "date" -> dateCol = c;
                        case "url" -> urlCol = c;
                        default -> { }
                    }
                }
                if (fileCol < 0) {
                    LOG.warn("{} line {}: header has no 'file' column (expected file<TAB>date<TAB>url);"
                            + " the sidecar is ignored", tsv, i + 1);
                    return Map.of();
                }
                continue;
            }
            String name = cell(cells, fileCol);
            if (name == null) {
                continue;
            }
            rows.put(name, new Entry(date(cell(cells, dateCol), tsv, i + 1), cell(cells, urlCol)));
        }
        LOG.debug("read {} ({} rows)", tsv, rows.size());
        return Map.copyOf(rows);
    }

    private static String cell(String[] cells, int col) {
        if (col < 0 || col >= cells.length) {
            return null;
        }
        String s = cells[col].strip();
        return s.isEmpty() ? null : s;
    }

    private static LocalDate date(String s, Path tsv, int line) {
        if (s == null) {
            return null;
        }
        Matcher m = DateFinder.DATE.matcher(s);
        LocalDate d = m.matches() ? DateFinder.toDate(m) : null;
        if (d == null) {
            LOG.warn("{} line {}: cannot read date '{}' (expected 2013-07-02); the date is ignored",
                    tsv, line, s);
        }
        return d;
    }
}
