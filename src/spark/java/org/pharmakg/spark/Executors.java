package org.pharmakg.spark;

import org.pharmakg.extract.Extractor;
import org.pharmakg.extract.Lexicon;
import org.pharmakg.ingest.PressReleaseReader;
import org.pharmakg.nlp.NlpPipeline;

/**
 * The stages an executor JVM needs, created once per JVM on first use and shared by its task threads (a CoreNLP
 * pipeline and the extractor are thread-safe and take seconds to load). Nothing here is ever serialised: tasks
 * reach it through the static {@link #get()}.
 *
 * <pre>Executors.Stages s = Executors.get(); s.extractor().extract(s.nlp().annotate(release));</pre>
 */
final class Executors {
    private Executors() { }

    /** The loaded stages. */
    record Stages(PressReleaseReader reader, Extractor extractor, NlpPipeline nlp) { }

    private static volatile Stages stages;

    static Stages get() {
        Stages s = stages;
        if (s == null) {
            synchronized (Executors.class) {
                s = stages;
                if (s == null) {
                    Lexicon lexicon = Lexicon.load();
                    Extractor extractor = Extractor.standard(lexicon);
                    extractor.warmUp();
                    // the build's own NLP stage, with its fast path (NER only in sentences that need it)
                    NlpPipeline nlp = Extractor.standardNlp(lexicon);
                    s = stages = new Stages(new PressReleaseReader(), extractor, nlp);
                }
            }
        }
        return s;
    }
}
