package org.pharmakg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shared development corpus (not copied into the repo): every file reads with its date,
 * found in the text where it has one and in SOURCES.tsv where it has none.
 */
class CorpusTest {

    /** shared/corpus: -Dpharmakg.corpus, else ../shared/corpus beside the repo, else /work/shared/corpus. */
    static Path corpus() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("pharmakg.corpus");
        if (prop != null) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("").toAbsolutePath().resolveSibling("shared").resolve("corpus"));
        candidates.add(Path.of("/work/shared/corpus"));
        for (Path c : candidates) {
            if (Files.isDirectory(c.resolve("dev"))) {
                return c;
            }
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "dev/ig_02.txt|2009-11-17|true|ImmunoGen, Inc.",
        "dev/ig_08.txt|2012-03-30|true|ImmunoGen, Inc.",
        "dev/ig_13.txt|2015-03-23|false|Takeda Pharmaceutical Company Limited",
        "dev/ot_02.txt|2013-02-22|true|Genentech",
        "dev/ot_05.txt|2011-12-21|false|Celldex Therapeutics, Inc.",
        "dev/ot_10.txt|2013-07-02|true|Array BioPharma Inc.",
        "seeds/000_9041f48a740ce000.txt|2012-07-11|true|ImmunoGen, Inc.",
        "seeds/001_8de427df72a8a915.txt|2012-12-03|true|ImmunoGen, Inc.",
        "seeds/002_e88741968b13db48.txt|2012-01-18|true|ImmunoGen, Inc.",
        "seeds/003_e56de71c621f04e8.txt|2013-07-23|true|ImmunoGen, Inc.",
        "seeds/004_db42ac11690627de.txt|2012-01-27|true|ImmunoGen, Inc.",
    })
    void corpusFileReadsWithItsDate(String file, String date, boolean inText, String issuer,
                                    @TempDir Path tmp) throws IOException {
        Path root = corpus();
        assumeTrue(root != null, "shared/corpus not found (set -Dpharmakg.corpus=...); corpus test skipped");
        Path p = root.resolve(file);
        assumeTrue(Files.isRegularFile(p), p + " missing from the corpus; skipped");
        PressReleaseReader reader = new PressReleaseReader(ReaderOptions.defaults());
        PressRelease pr = reader.read(p);
        assertEquals(LocalDate.parse(date), pr.published());
        assertEquals(issuer, pr.issuerHint());
        SectionsTest.assertTiles(pr);
        assertEquals(Files.readString(p).length(), pr.text().length());

        // Away from its SOURCES.tsv the date must come from the text alone, or be null.
        Path alone = Files.copy(p, tmp.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        LocalDate fromText = reader.read(alone).published();
        if (inText) {
            assertEquals(LocalDate.parse(date), fromText);
        } else {
            assertNull(fromText);
        }
    }
}
