package org.pharmakg.nlp;

import org.pharmakg.ingest.PressRelease;

/**
 * Turns a press release into sentences, tokens, POS, lemmas, NER and rule matches.
 *
 * <pre>NlpPipeline nlp = CoreNlpPipeline.builder().build(); AnnotatedDocument a = nlp.annotate(doc);</pre>
 *
 * Implementations are thread-safe: one instance is shared by all worker threads.
 */
public interface NlpPipeline {
    AnnotatedDocument annotate(PressRelease doc);
}
