package org.pharmakg.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.pharmakg.extract.Canonical;
import org.pharmakg.extract.EntityType;
import org.pharmakg.extract.Lexicon;
import org.pharmakg.mapping.Vocab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node per real thing across documents: entities of one type that share a name (after
 * normalisation: case, punctuation, company suffixes, disease qualifiers), a lexicon entry or, for
 * targets, an HGNC id are
 * merged under one canonical IRI; the entities graph then gets exactly one {@code rdfs:label} per
 * entity and a {@code skos:altLabel} per other name. A pure function of the stored names, so the
 * result does not depend on the order documents were built in.
 *
 * <pre>EntityResolver.Report r = new EntityResolver(lexicon).resolve(store);</pre>
 *
 * The logic itself is {@link EntityResolution}, a pure function of the name table.
 */
public final class EntityResolver {
    private static final Logger LOG = LoggerFactory.getLogger(EntityResolver.class);

    /** What a resolution did. */
    public record Report(int entities, int renamed) {}

    private final Lexicon lexicon;

    public EntityResolver(Lexicon lexicon) { this.lexicon = lexicon; }

    public Report resolve(KgStore store) {
        DatasetGraph dsg = store.dataset();
        // the name table over all document graphs: surface forms and HGNC ids of entities
        List<EntityResolution.Row> rows = new ArrayList<>();
        Txn.executeRead(dsg, () -> {
            dsg.find(Node.ANY, Node.ANY, Vocab.SURFACE_FORM, Node.ANY).forEachRemaining(q -> add(rows, q));
            dsg.find(Node.ANY, Node.ANY, Vocab.HGNC_ID, Node.ANY).forEachRemaining(q -> add(rows, q));
        });
        EntityResolution.Result r = EntityResolution.resolve(lexicon, rows);
        store.rename(r.renames());
        store.replaceGraph(Vocab.ENTITIES_GRAPH, r.labels());
        LOG.info("resolve: {} entities, {} IRIs merged into others", r.entities(), r.renames().size());
        return new Report(r.entities(), r.renames().size());
    }

    private static void add(List<EntityResolution.Row> rows, Quad q) {
        EntityResolution.Row r = EntityResolution.row(q);
        if (r != null) rows.add(r);
    }

    /**
     * Labels for the entities of one document that the entities graph does not label yet, chosen
     * as {@link #resolve} would for the entity alone. Added in the document's own write transaction,
     * they keep the store valid (one {@code rdfs:label} per entity) between that write and the next
     * resolution, e.g. when a build is killed in between; {@link #resolve} then rewrites them.
     *
     * <pre>store.replaceDocument(id, quads, dsg -> resolver.provisionalLabels(dsg, quads));</pre>
     *
     * @param dsg read inside the caller's transaction
     */
    public List<Quad> provisionalLabels(DatasetGraph dsg, List<Quad> docQuads) {
        return provisionalLabels(iri -> dsg.contains(Vocab.ENTITIES_GRAPH, iri, Vocab.LABEL, Node.ANY), docQuads);
    }

    /** As {@link #provisionalLabels(DatasetGraph, List)}, asking {@code labeled} whether an entity has a label already. */
    public List<Quad> provisionalLabels(java.util.function.Predicate<Node> labeled, List<Quad> docQuads) {
        Map<Node, Set<String>> names = new TreeMap<>(EntityResolver::compare);
        for (Quad q : docQuads) {
            if (!q.getPredicate().equals(Vocab.SURFACE_FORM) || typeOf(q.getSubject()) == null) continue;
            names.computeIfAbsent(q.getSubject(), k -> new TreeSet<>()).add(q.getObject().getLiteralLexicalForm());
        }
        Node eg = Vocab.ENTITIES_GRAPH;
        List<Quad> out = new ArrayList<>();
        for (var e : names.entrySet()) {
            Node iri = e.getKey();
            if (labeled.test(iri)) continue;
            EntityType t = typeOf(iri);
            Lexicon.Entry entry = null;
            for (String n : e.getValue()) {
                entry = lexicon.lookup(t, n);
                if (entry != null) break;
            }
            out.add(new Quad(eg, iri, Vocab.TYPE, Vocab.cls(t)));
            out.add(new Quad(eg, iri, Vocab.TYPE, Vocab.kg("Entity")));
            out.add(new Quad(eg, iri, Vocab.LABEL, KgStore.literal(Canonical.choose(t, e.getValue(), entry))));
        }
        return out;
    }

    static EntityType typeOf(Node iri) {
        if (!iri.isURI() || !iri.getURI().startsWith(Vocab.ID)) return null;
        String rest = iri.getURI().substring(Vocab.ID.length());
        int slash = rest.indexOf('/');
        if (slash < 0) return null;
        try {
            EntityType t = EntityType.parse(rest.substring(0, slash));
            return t == EntityType.PHASE ? null : t;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int compare(Node a, Node b) { return a.getURI().compareTo(b.getURI()); }
}
