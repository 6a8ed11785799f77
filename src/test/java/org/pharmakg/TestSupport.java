package org.pharmakg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pharmakg.extract.DocumentExtraction;
import org.pharmakg.extract.Extractor;
import org.pharmakg.extract.Lexicon;
import org.pharmakg.ingest.PressReleaseReader;
import org.pharmakg.nlp.CoreNlpPipeline;
import org.pharmakg.nlp.NlpPipeline;
import org.pharmakg.pipeline.BuildPipeline;
import org.pharmakg.pipeline.BuildReport;
import org.pharmakg.store.KgStore;

/**
 * Shared, real parts for tests: one CoreNLP pipeline and one extractor per test JVM (loading the
 * models takes seconds), and helpers to extract a sentence or build a store from files.
 *
 * <pre>DocumentExtraction x = TestSupport.extract("Biotest's BT-062 targets CD138.");</pre>
 */
public final class TestSupport {
    private static NlpPipeline nlp;
    private static Extractor extractor;
    private static Lexicon lexicon;

    private TestSupport() {}

    public static synchronized NlpPipeline nlp() {
        if (nlp == null) nlp = Extractor.standardNlp(lexicon());
        return nlp;
    }

    public static synchronized Lexicon lexicon() {
        if (lexicon == null) lexicon = Lexicon.load();
        return lexicon;
    }

    public static synchronized Extractor extractor() {
        if (extractor == null) extractor = Extractor.standard(lexicon());
        return extractor;
    }

    /** The project's seed releases (data/). */
    public static Path data() {
        Path p = Path.of("data");
        if (!Files.isDirectory(p)) throw new IllegalStateException("tests run from the project folder; data/ not found");
        return p;
    }

    /** Extracts a text as if it were a press release (written to a temporary .txt file). */
    public static DocumentExtraction extract(String text) {
        try {
            Path dir = Files.createTempDirectory("pharmakg-text");
            Path f = dir.resolve("release.txt");
            Files.writeString(f, text, StandardCharsets.UTF_8);
            return extractor().extract(nlp().annotate(new PressReleaseReader().read(f)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds the given paths into the store with the shared pipeline. */
    public static BuildReport build(KgStore store, List<Path> paths) {
        return BuildPipeline.builder(store).nlp(TestSupport::nlp).lexicon(lexicon()).threads(2).build().run(paths);
    }
}
