package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Gives each target entity the HGNC id, HGNC symbol and UniProt accession of its gene when its names
 * identify exactly one human gene in the {@link GeneVocabulary}: "HER2" gets HGNC:3430, ERBB2, P04626.
 *
 * <pre>List&lt;LocalEntity&gt; es = new TargetIds(lexicon, GeneVocabulary.lazy()).enrich(entities);</pre>
 *
 * A lexicon row's own HGNC id decides its gene. A lexicon row without one is a family or complex
 * (PARP, PI3K, PDGFR) unless all of its names that the vocabulary knows name the same single gene, the
 * label among them, one of them is that gene's symbol (IL-6, whose aliases include IL6) and the vocabulary
 * knows each of its protein names as that gene's (not "IAP", "inhibitor of apoptosis proteins"). A target in no lexicon gets a gene when its names resolve to one and none of them
 * is shared by several genes ("CGRP" names CALCA and CALCB, so no gene).
 */
final class TargetIds {
    private final Lexicon lexicon;
    private final Supplier<GeneVocabulary> vocabulary;

    TargetIds(Lexicon lexicon, Supplier<GeneVocabulary> vocabulary) {
        this.lexicon = lexicon;
        this.vocabulary = vocabulary;
    }

    List<LocalEntity> enrich(List<LocalEntity> entities) {
        List<LocalEntity> out = new ArrayList<>(entities.size());
        for (LocalEntity e : entities) {
            GeneVocabulary.Gene g = e.type() == EntityType.TARGET ? gene(e) : null;
            if (g == null) {
                out.add(e);
                continue;
            }
            Map<String, String> ids = new LinkedHashMap<>(e.ids());
            ids.putAll(g.ids());
            out.add(new LocalEntity(e.id(), e.type(), e.label(), e.names(), e.mentions(), ids));
        }
        return out;
    }

    /** The one gene the entity's names identify, or null. */
    GeneVocabulary.Gene gene(LocalEntity e) {
        GeneVocabulary v = vocabulary.get();
        String hgnc = e.ids().get("hgnc");
        if (hgnc != null) return v.byHgncId(hgnc);
        Lexicon.Entry entry = null;
        for (Mention m : e.mentions()) if (entry == null && m.entry() != null) entry = m.entry();
        for (String n : e.names()) if (entry == null) entry = lexicon.lookup(EntityType.TARGET, n);
        if (entry != null) {
            GeneVocabulary.Gene label = v.resolve(entry.label());
            if (label == null || !entry.names().stream().anyMatch(n -> Names.key(n).equals(Names.key(label.symbol())))) return null;
            // a protein name of the row that the vocabulary does not know ("inhibitor of apoptosis proteins") says family
            for (String n : entry.names()) if (n.contains(" ") && !label.equals(v.resolve(n))) return null;
            return label.equals(one(v, entry.names())) ? label : null;
        }
        return one(v, e.names());
    }

    /** The gene every known name resolves to, or null when they disagree or one is ambiguous. */
    static GeneVocabulary.Gene one(GeneVocabulary v, List<String> names) {
        Set<GeneVocabulary.Gene> genes = new LinkedHashSet<>();
        for (String n : names) {
            if (v.isAmbiguous(n)) return null;
            GeneVocabulary.Gene g = v.resolve(n);
            if (g != null) genes.add(g);
        }
        return genes.size() == 1 ? genes.iterator().next() : null;
    }
}
