package org.pharmakg.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.pharmakg.mapping.Vocab;
import org.pharmakg.store.KgStore;

/**
 * A large store of a realistic shape for the query benchmark: the distinct document graphs of a built store
 * copied again and again under new document ids; in copy {@code k} every compound, target, disease and trial
 * IRI (with its labels, name keys and surface forms) gets a suffix {@code -k}, and so do about 80% of the
 * companies; the other companies stay shared, the hubs a real corpus has. The entities graph is written directly (labels of the renamed IRIs),
 * and everything goes through the bulk loader.
 *
 * <pre>
 * long n = QueryStore.generate(builtStore, work.resolve("query-store"), 1_000_000);   // at least 1M quads
 * QueryStore.generateReleases(builtStore, work.resolve("desk"), 2_000);             // at least 2,000 releases
 * </pre>
 *
 * Copy 0 keeps every original IRI and label, so the seed names the queries are run with always exist; whether
 * one of them is also a hub (shared by all copies) follows from its IRI like any other entity.
 */
public final class QueryStore {
    private static final String DOC = Vocab.ID + "document/";
    private static final String EVIDENCE = Vocab.ID + "evidence/";

    private QueryStore() {}

    /** Writes at least {@code triples} quads into a fresh store at {@code target}; returns how many. */
    public static long generate(Path source, Path target, long triples) {
        return write(source, target, (quads, releases) -> quads >= triples);
    }

    /**
     * Writes whole copies of the source's releases until the store holds at least {@code releases} distinct
     * releases (each copy's entities renamed as above); returns the number of quads.
     */
    public static long generateReleases(Path source, Path target, int releases) {
        return write(source, target, (quads, docs) -> docs >= releases);
    }

    /** When to stop copying: after a whole copy, given the quads and releases written so far. */
    private interface Enough {
        boolean test(long quads, long releases);
    }

    private static long write(Path source, Path target, Enough enough) {
        Map<String, List<Quad>> docs = new TreeMap<>();
        List<Quad> entities = new ArrayList<>();
        List<Quad> once = new ArrayList<>();
        try (KgStore s = KgStore.open(source)) {
            DatasetGraph dsg = s.dataset();
            // one document per source release: the corpus names copies r0001_<name>, r0002_<name>, ...
            Map<String, String> byHash = new LinkedHashMap<>();
            new TreeMap<>(s.documentHashes()).forEach((id, hash) -> byHash.putIfAbsent(id.replaceFirst("^r\\d+_", ""), id));
            Txn.executeRead(dsg, () -> {
                for (String id : byHash.values()) {
                    List<Quad> qs = new ArrayList<>();
                    dsg.find(Vocab.docGraph(id), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(qs::add);
                    docs.put(id, qs);
                }
                dsg.find(Vocab.ENTITIES_GRAPH, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(entities::add);
                dsg.find(Vocab.ONTOLOGY_GRAPH, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(once::add);
                dsg.find(Vocab.META_GRAPH, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(once::add);
            });
        }
        if (docs.isEmpty()) throw new IllegalStateException("the built store " + source + " holds no documents");
        long count = 0;
        try (KgStore t = KgStore.open(target)) {
            KgStore.BulkSink sink = t.bulk();
            try {
                sink.add(once);
                count += once.size();
                long releases = 0;
                for (int k = 0; !enough.test(count, releases); k++) {
                    Copy c = new Copy(k);
                    for (var e : docs.entrySet()) {
                        List<Quad> out = new ArrayList<>(e.getValue().size());
                        for (Quad q : e.getValue()) out.add(c.docQuad(e.getKey(), q));
                        sink.add(out);
                        count += out.size();
                        releases++;
                    }
                    List<Quad> labels = new ArrayList<>();
                    for (Quad q : entities) if (k == 0 || c.renamed(q.getSubject())) labels.add(c.entityQuad(q));
                    sink.add(labels);
                    count += labels.size();
                }
                sink.finish();
            } catch (RuntimeException e) {
                sink.abort(e);
                throw e;
            }
        }
        return count;
    }

    /** The renaming of copy {@code k} (copy 0 is the original). */
    private record Copy(int k) {
        boolean renamed(Node n) {
            if (k == 0 || !n.isURI()) return false;
            String u = n.getURI();
            if (!u.startsWith(Vocab.ID) || u.startsWith(DOC) || u.startsWith(EVIDENCE) || u.startsWith(Vocab.ID + "phase/")) return false;
            // companies are the hubs of real corpora (big pharma partners widely): a fifth of them are shared by
            // all copies; compounds, targets, diseases and trials belong to their copy, as a compound has a
            // handful of developers, not one per copy
            if (!u.startsWith(Vocab.ID + "company/")) return true;
            return Math.floorMod(u.hashCode(), 5) != 0;
        }

        Node entity(Node n) { return renamed(n) ? Vocab.iri(n.getURI() + "-" + k) : n; }

        Node name(Node subject, Node literal) {
            return renamed(subject) && literal.isLiteral() ? KgStore.literal(literal.getLiteralLexicalForm() + " " + k) : literal;
        }

        Quad entityQuad(Quad q) {
            // names (labels, alternative labels and their lower-case look-up keys) are renamed with the IRI,
            // or every copy would answer to the original's name
            Node o = q.getPredicate().equals(Vocab.LABEL) || q.getPredicate().equals(Vocab.ALT_LABEL)
                    || q.getPredicate().equals(Vocab.kg("nameKey"))
                    ? name(q.getSubject(), q.getObject()) : entity(q.getObject());
            return new Quad(q.getGraph(), entity(q.getSubject()), q.getPredicate(), o);
        }

        Quad docQuad(String docId, Quad q) {
            String newId = k == 0 ? docId : docId + "-c" + k;
            Node o = q.getPredicate().equals(Vocab.SURFACE_FORM) ? name(q.getSubject(), q.getObject()) : node(docId, newId, q.getObject());
            return new Quad(Vocab.docGraph(newId), node(docId, newId, q.getSubject()), q.getPredicate(), o);
        }

        private Node node(String docId, String newId, Node n) {
            if (k == 0 || !n.isURI()) return n;
            String u = n.getURI();
            if (u.equals(DOC + docId)) return Vocab.document(newId);
            if (u.startsWith(EVIDENCE + docId + "/")) return Vocab.iri(EVIDENCE + newId + u.substring(EVIDENCE.length() + docId.length()));
            return entity(n);
        }
    }
}
