package org.pharmakg.extract;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One real thing as a single document names it: its type, its canonical label, every name the
 * document uses, its mentions and what the lexicon knows of it.
 *
 * <pre>LocalEntity e = extraction.entities().get(0); e.label(); e.names();</pre>
 *
 * @param id index in {@code DocumentExtraction.entities()}
 * @param ids public identifiers ("wikidata" -> "Q…", "ticker" -> "NASDAQ:IMGN")
 */
public record LocalEntity(int id, EntityType type, String label, List<String> names, List<Mention> mentions,
                          Map<String, String> ids) {
    public LocalEntity {
        Objects.requireNonNull(type);
        Objects.requireNonNull(label);
        names = List.copyOf(names);
        mentions = List.copyOf(mentions);
        ids = Map.copyOf(ids);
    }
}
