package org.pharmakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.mapping.Vocab;

/** {@code kg:latestReleases}: newest first, undated last with the date unbound, a limit, and never staler than the store. */
class LatestReleasesTest {
    @Test
    void newestFirstUndatedLastAndUpdatedByWrites(@TempDir Path tmp) {
        try (KgStore s = KgStore.open(tmp.resolve("store"))) {
            s.replaceDocument("a", release("a", "2019-05-02"), d -> List.of());
            s.replaceDocument("b", release("b", null), d -> List.of());
            s.replaceDocument("c", release("c", "2021-01-15"), d -> List.of());
            s.replaceDocument("d", release("d", "2019-05-02"), d -> List.of());
            assertEquals(List.of("c 2021-01-15", "a 2019-05-02", "d 2019-05-02", "b -"), latest(s, ""));
            assertEquals(List.of("c 2021-01-15", "a 2019-05-02"), latest(s, " 2"));
            s.replaceDocument("e", release("e", "2024-03-01"), d -> List.of());
            assertEquals(List.of("e 2024-03-01"), latest(s, " 1"));
        }
    }

    private static List<Quad> release(String id, String date) {
        Node g = Vocab.docGraph(id), doc = Vocab.document(id);
        List<Quad> qs = new ArrayList<>(List.of(new Quad(g, doc, RDF.Nodes.type, Vocab.kg("PressRelease"))));
        if (date != null) qs.add(new Quad(g, doc, Vocab.kg("releaseDate"), NodeFactory.createLiteralDT(date, XSDDatatype.XSDdate)));
        return qs;
    }

    /** "id date" per row, "-" for no date; {@code limit} is " N" or "". */
    private static List<String> latest(KgStore s, String limit) {
        String q = "PREFIX kg: <" + Vocab.KG + "> SELECT ?d ?date WHERE { (?d ?date) kg:latestReleases" + (limit.isEmpty() ? " ?all" : limit) + " }";
        return Txn.calculateRead(s.dataset(), () -> {
            List<String> out = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(s.dataset()).query(q).build()) {
                qe.select().forEachRemaining(b -> out.add(b.get("d").getURI().replaceFirst(".*/", "") + " "
                        + (b.get("date") == null ? "-" : b.get("date").getLiteralLexicalForm())));
            }
            return out;
        });
    }
}
