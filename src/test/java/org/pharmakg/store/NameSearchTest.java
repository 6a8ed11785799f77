package org.pharmakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.mapping.Vocab;

/** {@code kg:nameContains}: ranks, one row per entity, IRI keys left out, and never staler than the store. */
class NameSearchTest {
    private static final Node KEY = Vocab.kg("nameKey");

    @Test
    void ranksWholeNameThenStartThenWordStartThenElsewhere() {
        assertEquals(0, NameSearch.rank("her2", "her2"));
        assertEquals(1, NameSearch.rank("her2+ breast cancer", "her2"));
        assertEquals(2, NameSearch.rank("eli lilly", "lilly"));
        assertEquals(2, NameSearch.rank("anti-her2 antibody", "her2"));
        assertEquals(3, NameSearch.rank("immunogen", "gen"));
        assertEquals(2, NameSearch.rank("rogen gen", "gen")); // the second occurrence starts a word
        assertEquals(1, NameSearch.rank("genogen gen", "gen"));
        assertEquals(-1, NameSearch.rank("bayer", "lilly"));
        assertEquals(3, NameSearch.rank("bayer", ""));
    }

    @Test
    void findsEntitiesByAnyNameKeyAndSeesEveryLaterWrite(@TempDir Path tmp) {
        Node lilly = Vocab.iri(Vocab.ID + "company/eli-lilly");
        Node ventures = Vocab.iri(Vocab.ID + "company/lilly-ventures");
        try (KgStore s = KgStore.open(tmp.resolve("store"))) {
            s.replaceGraph(Vocab.ENTITIES_GRAPH, List.of(
                    key(lilly, "eli lilly"), key(lilly, "lilly"), key(lilly, lilly.getURI()),
                    key(ventures, "lilly ventures")));
            // one row per entity, with its best key; the IRI key is not searched
            assertEquals(Map.of(lilly.getURI(), "lilly 0", ventures.getURI(), "lilly ventures 1"), search(s, "LILLY"));
            assertEquals(Map.of(), search(s, "w3id"));

            // a transaction adds a name: the next search sees it
            Node loxo = Vocab.iri(Vocab.ID + "company/loxo");
            s.replaceGraph(Vocab.ENTITIES_GRAPH, List.of(key(lilly, "eli lilly"), key(loxo, "loxo oncology at lilly")));
            assertEquals(Map.of(lilly.getURI(), "eli lilly 2", loxo.getURI(), "loxo oncology at lilly 2"), search(s, "lilly"));

            // so does the bulk loader
            Node gen = Vocab.iri(Vocab.ID + "company/lillygen");
            KgStore.BulkSink sink = s.bulk();
            sink.add(List.of(key(gen, "lillygen")));
            sink.finish();
            assertEquals("lillygen 1", search(s, "lilly").get(gen.getURI()));
        }
    }

    private static Quad key(Node entity, String key) {
        return new Quad(Vocab.ENTITIES_GRAPH, entity, KEY, KgStore.literal(key));
    }

    /** entity IRI -> "matched rank". */
    private static Map<String, String> search(KgStore s, String text) {
        String q = "PREFIX kg: <" + Vocab.KG + "> SELECT ?e ?m ?r WHERE { (?e ?m ?r) kg:nameContains \"" + text + "\" }";
        return Txn.calculateRead(s.dataset(), () -> {
            Map<String, String> out = new TreeMap<>();
            try (QueryExec qe = QueryExec.dataset(s.dataset()).query(q).build()) {
                qe.select().forEachRemaining(b -> out.put(b.get("e").getURI(),
                        b.get("m").getLiteralLexicalForm() + " " + b.get("r").getLiteralLexicalForm()));
            }
            return out;
        });
    }

    @Test
    void entitiesWithLabelsButNoNameKeysAreFoundByTheirLabels(@TempDir Path tmp) {
        // issue 16: what SPARQL Update adds has labels and a type, but no kg:nameKey
        Node lilly = Vocab.iri(Vocab.ID + "company/eli-lilly");
        Node acme = Vocab.iri("https://example.org/acme");
        Node notEntity = Vocab.iri("https://example.org/a-document");
        try (KgStore s = KgStore.open(tmp.resolve("store"))) {
            s.replaceGraph(Vocab.ENTITIES_GRAPH, List.of(key(lilly, "eli lilly"),
                    new Quad(Vocab.ENTITIES_GRAPH, lilly, Vocab.LABEL, KgStore.literal("Eli Lilly and Company"))));
            Node g = Vocab.iri("urn:test:updates");
            s.replaceGraph(g, List.of(
                    new Quad(g, acme, Vocab.TYPE, Vocab.kg("Company")),
                    new Quad(g, acme, Vocab.LABEL, KgStore.literal("Acme Lillyworks")),
                    new Quad(g, acme, Vocab.ALT_LABEL, KgStore.literal("ALW")),
                    new Quad(g, notEntity, Vocab.LABEL, KgStore.literal("Lilly annual report"))));
            // the keyed entity keeps its keys (its label is not added); the unkeyed one is found by label and altLabel
            assertEquals(Map.of(lilly.getURI(), "eli lilly 2", acme.getURI(), "acme lillyworks 2"), search(s, "lilly"));
            assertEquals(Map.of(acme.getURI(), "alw 0"), search(s, "alw"));
        }
    }
}
