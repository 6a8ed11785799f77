package org.pharmakg.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.pharmakg.mapping.Vocab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links the deals of one agreement over time with {@code kg:sameAgreement} (both directions), in the graph
 * {@code …/graph/agreements}: derived from the document graphs, so it is recomputed whole after every build and
 * never holds a link twice. Run it after entity resolution, which may rename the parties.
 *
 * <pre>Agreements.Report r = Agreements.link(store);   // after resolver.resolve(store)</pre>
 *
 * Two deals are one agreement when they have the same set of parties, where a unit and its parent through
 * {@code kg:subsidiaryOf} count as one party (unless that leaves fewer than two, as for an acquisition, whose
 * acquired company becomes a unit of the acquirer); an acquisition is only ever one agreement with another
 * acquisition; and a {@code kg:Terminated} event closes the agreement: a deal after it between the same
 * parties starts a new one.
 */
public final class Agreements {
    private static final Logger LOG = LoggerFactory.getLogger(Agreements.class);

    /** Events on one date, in the order they happen in an agreement's life; a termination comes last. */
    private static final List<String> EVENT_ORDER = List.of("Signed", "Expanded", "Exercised", "Milestone", "Completed", "Terminated");

    private Agreements() {}

    /** Deals read and links written (each link counted once per direction). */
    public record Report(int deals, int links, boolean changed) {}

    /** One deal as the grouping needs it. */
    private record Deal(Node iri, Set<Node> parties, boolean acquisition, String date, int eventOrder, boolean terminated) {}

    /**
     * Recomputes the links; writes (in one write transaction) only when they differ from the stored ones, so an
     * unchanged build does not grow the store.
     */
    public static Report link(KgStore store) {
        DatasetGraph dsg = store.dataset();
        int[] deals = new int[1];
        List<Quad> wanted = new ArrayList<>();
        boolean same = Txn.calculateRead(dsg, () -> {
            deals[0] = deals(dsg).size();
            wanted.addAll(links(dsg));
            return new HashSet<>(stored(dsg)).equals(new HashSet<>(wanted));
        });
        if (same) return new Report(deals[0], wanted.size(), false);
        Txn.executeWrite(dsg, () -> {
            List<Quad> now = links(dsg);   // again inside the write: what the transaction sees is what it writes
            dsg.removeGraph(Vocab.AGREEMENTS_GRAPH);
            for (Quad q : now) dsg.add(q);
        });
        LOG.info("agreements: {} deals, {} sameAgreement links", deals[0], wanted.size() / 2);
        return new Report(deals[0], wanted.size(), true);
    }

    private static List<Quad> stored(DatasetGraph dsg) {
        List<Quad> out = new ArrayList<>();
        dsg.find(Vocab.AGREEMENTS_GRAPH, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(out::add);
        return out;
    }

    /** The links the document graphs call for; call inside a transaction. */
    static List<Quad> links(DatasetGraph dsg) {
        Map<Node, Node> parent = parents(dsg);
        Map<String, List<Deal>> groups = new TreeMap<>();
        for (Deal d : deals(dsg)) {
            if (d.parties().size() < 2) continue;
            Set<Node> roots = new TreeSet<>(Comparator.comparing(Node::getURI));
            for (Node p : d.parties()) roots.add(root(p, parent));
            Set<Node> key = roots.size() >= 2 ? roots : d.parties();
            StringBuilder k = new StringBuilder(d.acquisition() ? "acquisition" : "rights");
            for (Node p : key) k.append(' ').append(p.getURI());
            groups.computeIfAbsent(k.toString(), x -> new ArrayList<>()).add(d);
        }
        List<Quad> out = new ArrayList<>();
        for (List<Deal> group : groups.values()) {
            group.sort(Comparator.comparing(Deal::date).thenComparing(Deal::eventOrder).thenComparing(d -> d.iri().getURI()));
            List<Deal> agreement = new ArrayList<>();
            for (Deal d : group) {
                agreement.add(d);
                if (d.terminated()) {
                    write(agreement, out);
                    agreement = new ArrayList<>();
                }
            }
            write(agreement, out);
        }
        return out;
    }

    private static void write(List<Deal> agreement, List<Quad> out) {
        for (Deal a : agreement) {
            for (Deal b : agreement) {
                if (!a.iri().equals(b.iri())) out.add(new Quad(Vocab.AGREEMENTS_GRAPH, a.iri(), Vocab.SAME_AGREEMENT, b.iri()));
            }
        }
    }

    /** Every deal of the document graphs with its parties, kind, date (deal date, else release date) and event. */
    private static List<Deal> deals(DatasetGraph dsg) {
        Set<Node> iris = new TreeSet<>(Comparator.comparing(Node::getURI));
        dsg.find(Node.ANY, Node.ANY, Vocab.TYPE, Vocab.DEAL).forEachRemaining(q -> {
            if (q.getSubject().isURI() && Vocab.isDocGraph(q.getGraph())) iris.add(q.getSubject());
        });
        List<Deal> out = new ArrayList<>();
        for (Node d : iris) {
            Set<Node> parties = new TreeSet<>(Comparator.comparing(Node::getURI));
            dsg.find(Node.ANY, d, Vocab.PARTY, Node.ANY).forEachRemaining(q -> { if (q.getObject().isURI()) parties.add(q.getObject()); });
            boolean acquisition = dsg.find(Node.ANY, d, Vocab.DEAL_KIND, Vocab.ACQUISITION).hasNext();
            int order = 0;
            boolean terminated = false;
            var events = dsg.find(Node.ANY, d, Vocab.DEAL_EVENT, Node.ANY);
            while (events.hasNext()) {
                Node e = events.next().getObject();
                if (!e.isURI()) continue;
                order = Math.max(order, EVENT_ORDER.indexOf(e.getURI().substring(e.getURI().lastIndexOf('#') + 1)));
                terminated |= e.equals(Vocab.TERMINATED);
            }
            String date = literal(dsg, d, Vocab.DEAL_DATE);
            if (date == null) {
                var doc = dsg.find(Node.ANY, d, Vocab.ANNOUNCED_IN, Node.ANY);
                if (doc.hasNext()) date = literal(dsg, doc.next().getObject(), Vocab.RELEASE_DATE);
            }
            out.add(new Deal(d, parties, acquisition, date == null ? "" : date, order, terminated));
        }
        return out;
    }

    private static String literal(DatasetGraph dsg, Node s, Node p) {
        var it = dsg.find(Node.ANY, s, p, Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral()) return o.getLiteralLexicalForm();
        }
        return null;
    }

    /** Each company's parent through kg:subsidiaryOf (the first by IRI when a company names several). */
    private static Map<Node, Node> parents(DatasetGraph dsg) {
        Map<Node, Node> parent = new HashMap<>();
        dsg.find(Node.ANY, Node.ANY, Vocab.SUBSIDIARY_OF, Node.ANY).forEachRemaining(q -> {
            Node s = q.getSubject(), o = q.getObject();
            if (!s.isURI() || !o.isURI() || s.equals(o)) return;
            parent.merge(s, o, (a, b) -> a.getURI().compareTo(b.getURI()) <= 0 ? a : b);
        });
        return parent;
    }

    /** The top of a company's ownership chain (cycles and long chains stop where they repeat). */
    private static Node root(Node company, Map<Node, Node> parent) {
        Node at = company;
        Set<Node> seen = new HashSet<>();
        while (parent.containsKey(at) && seen.add(at) && seen.size() < 32) at = parent.get(at);
        return at;
    }
}
