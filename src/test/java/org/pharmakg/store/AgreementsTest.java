package org.pharmakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.DealFixture;
import org.pharmakg.mapping.Vocab;

/** kg:sameAgreement over the deal fixture alone (no seeds, no NLP): which deals are one agreement, and upkeep. */
class AgreementsTest {
    private static final String DEAL = "https://w3id.org/pharmakg/id/deal/";

    /** The links as "a b" pairs of deal ids (their IRIs after …/deal/, up to the hash), each direction. */
    private static Set<String> links(KgStore store) {
        return Txn.calculateRead(store.dataset(), () -> {
            Set<String> out = new TreeSet<>();
            List<Quad> all = new ArrayList<>();
            store.dataset().find(Node.ANY, Node.ANY, Vocab.SAME_AGREEMENT, Node.ANY).forEachRemaining(all::add);
            for (Quad q : all) {
                assertEquals(Vocab.AGREEMENTS_GRAPH, q.getGraph(), "links live in the agreements graph only");
                out.add(id(q.getSubject()) + " " + id(q.getObject()));
            }
            assertEquals(all.size(), out.size(), "no link twice: " + all);
            return out;
        });
    }

    private static String id(Node deal) {
        String s = deal.getURI().substring(DEAL.length());
        return s.substring(0, s.lastIndexOf('-'));
    }

    @Test
    void linksTheDealsOfOneAgreementAndKeepsTheLinksCurrent(@TempDir Path dir) {
        try (KgStore store = KgStore.open(dir.resolve("store"))) {
            DealFixture.load(store);
            Agreements.Report r = Agreements.link(store);
            assertEquals(DealFixture.DEALS, r.deals());
            assertTrue(r.changed());
            // the option signed in one release and exercised in a later one; the collaboration and its termination.
            // Not: MorphoSys and Bayer's 2011 termination and their 2015 licence (a termination closes an agreement);
            // Genentech's expansion and Roche's milestone (without the seeds nothing says Genentech is Roche's)
            assertEquals(Set.of("fx-05-biotest-option fx-06-biotest-exercise", "fx-06-biotest-exercise fx-05-biotest-option",
                    "fx-03-novartis-collaboration fx-04-novartis-termination", "fx-04-novartis-termination fx-03-novartis-collaboration"),
                    links(store));

            // nothing changed: nothing written
            assertFalse(Agreements.link(store).changed());

            // a unit and its parent are one party
            Node genentech = Vocab.iri(Vocab.ID + "company/genentech"), roche = Vocab.iri(Vocab.ID + "company/roche");
            Node g = Vocab.docGraph("fx-09-genentech-expansion");
            Txn.executeWrite(store.dataset(), () -> store.dataset().add(g, genentech, Vocab.SUBSIDIARY_OF, roche));
            Agreements.link(store);
            assertTrue(links(store).contains("fx-09-genentech-expansion fx-10-roche-milestone"), links(store).toString());
            assertEquals(6, links(store).size());

            // a renamed party (entity resolution) keeps the links; the deal IRIs never depend on party IRIs
            store.rename(Map.of(Vocab.iri(Vocab.ID + "company/biotest"), Vocab.iri(Vocab.ID + "company/biotest-ag")));
            Agreements.link(store);
            assertEquals(6, links(store).size());

            // a release removed: its deal's links go, the rest stay
            store.removeDocuments(List.of("fx-06-biotest-exercise"));
            Agreements.link(store);
            assertEquals(4, links(store).size());
            assertFalse(links(store).toString().contains("biotest"), links(store).toString());
        }
    }
}
