package org.pharmakg.nlp;

import java.util.List;
import java.util.Objects;
import org.pharmakg.ingest.PressRelease;

/**
 * A press release with its sentences annotated by the NLP stage.
 *
 * <pre>AnnotatedDocument a = nlp.annotate(release); a.sentences().size();</pre>
 */
public record AnnotatedDocument(PressRelease release, List<Sentence> sentences) {
    public AnnotatedDocument {
        Objects.requireNonNull(release);
        sentences = List.copyOf(sentences);
    }

    public int tokenCount() {
        return sentences.stream().mapToInt(s -> s.tokens().size()).sum();
    }
}
