package org.pharmakg.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
import org.pharmakg.extract.Indications;
import org.pharmakg.extract.Lexicon;
import org.pharmakg.extract.Names;
import org.pharmakg.extract.UnionFind;
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
 */
public final class EntityResolver {
    private static final Logger LOG = LoggerFactory.getLogger(EntityResolver.class);

    /** What a resolution did. */
    public record Report(int entities, int renamed) {}

    private final Lexicon lexicon;

    public EntityResolver(Lexicon lexicon) { this.lexicon = lexicon; }

    public Report resolve(KgStore store) {
        DatasetGraph dsg = store.dataset();
        // entity IRI -> type and surface forms, over all document graphs
        Map<Node, EntityType> types = new TreeMap<>(EntityResolver::compare);
        Map<Node, Set<String>> names = new HashMap<>();
        Map<Node, Set<String>> genes = new HashMap<>();
        Txn.executeRead(dsg, () -> {
            dsg.find(Node.ANY, Node.ANY, Vocab.SURFACE_FORM, Node.ANY).forEachRemaining(q -> {
                if (!Vocab.isDocGraph(q.getGraph())) return;
                EntityType t = typeOf(q.getSubject());
                if (t == null) return;
                types.put(q.getSubject(), t);
                names.computeIfAbsent(q.getSubject(), k -> new TreeSet<>()).add(q.getObject().getLiteralLexicalForm());
            });
            // targets of one gene ("HER2" here, "ERBB2" there) are one target
            dsg.find(Node.ANY, Node.ANY, Vocab.HGNC_ID, Node.ANY).forEachRemaining(q -> {
                if (Vocab.isDocGraph(q.getGraph()) && q.getObject().isLiteral()) {
                    genes.computeIfAbsent(q.getSubject(), k -> new TreeSet<>()).add(q.getObject().getLiteralLexicalForm());
                }
            });
        });
        UnionFind<Node> uf = new UnionFind<>();
        Map<String, Node> byKey = new HashMap<>();
        for (var e : types.entrySet()) {
            Node iri = e.getKey();
            uf.add(iri);
            List<String> ks = keys(e.getValue(), names.get(iri));
            for (String g : genes.getOrDefault(iri, Set.of())) ks.add(e.getValue() + ":gene:" + g);
            for (String k : ks) {
                Node prev = byKey.putIfAbsent(k, iri);
                if (prev != null) uf.union(prev, iri);
            }
        }
        Map<Node, List<Node>> clusters = new TreeMap<>(EntityResolver::compare);
        for (Node iri : types.keySet()) clusters.computeIfAbsent(uf.find(iri), k -> new ArrayList<>()).add(iri);

        Map<Node, Node> renames = new HashMap<>();
        List<Quad> labels = new ArrayList<>();
        Node eg = Vocab.ENTITIES_GRAPH;
        for (List<Node> members : clusters.values()) {
            EntityType t = types.get(members.get(0));
            Set<String> all = new LinkedHashSet<>();
            for (Node m : members) all.addAll(names.get(m));
            Lexicon.Entry entry = null;
            for (String n : all) {
                entry = lexicon.lookup(t, n);
                if (entry != null) break;
            }
            String label = Canonical.choose(t, all, entry);
            Node canonical = Vocab.entity(t, label);
            for (Node m : members) if (!m.equals(canonical)) renames.put(m, canonical);
            labels.add(new Quad(eg, canonical, Vocab.TYPE, Vocab.cls(t)));
            labels.add(new Quad(eg, canonical, Vocab.TYPE, Vocab.kg("Entity")));
            labels.add(new Quad(eg, canonical, Vocab.LABEL, KgStore.literal(label)));
            // lower-case name keys (and the IRI) let queries find an entity by any name through the index
            Set<String> keys = new TreeSet<>();
            keys.add(canonical.getURI().toLowerCase(java.util.Locale.ROOT));
            keys.add(label.toLowerCase(java.util.Locale.ROOT));
            for (String n : all) keys.add(n.toLowerCase(java.util.Locale.ROOT));
            for (String k : keys) labels.add(new Quad(eg, canonical, Vocab.kg("nameKey"), KgStore.literal(k)));
            Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            seen.add(label);
            for (String n : all) {
                if (seen.add(n)) labels.add(new Quad(eg, canonical, Vocab.ALT_LABEL, KgStore.literal(n)));
            }
        }
        for (int i = 0; i < org.pharmakg.extract.Phases.IDS.size(); i++) {
            Node ph = Vocab.phase(org.pharmakg.extract.Phases.IDS.get(i));
            for (String k : List.of(ph.getURI().toLowerCase(java.util.Locale.ROOT), org.pharmakg.extract.Phases.LABELS.get(i).toLowerCase(java.util.Locale.ROOT))) {
                labels.add(new Quad(eg, ph, Vocab.kg("nameKey"), KgStore.literal(k)));
            }
        }
        store.rename(renames);
        store.replaceGraph(eg, labels);
        LOG.info("resolve: {} entities, {} IRIs merged into others", clusters.size(), renames.size());
        return new Report(clusters.size(), renames.size());
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

    private List<String> keys(EntityType t, Set<String> ns) {
        List<String> out = new ArrayList<>();
        for (String n : ns) {
            if (t == EntityType.INDICATION && !Indications.isSpecific(n)) continue; // "cancer" names no disease
            Lexicon.Entry e = lexicon.lookup(t, n);
            if (e != null) out.add(t + ":lex:" + e.label());
            String k = Names.typedKey(t, t == EntityType.INDICATION ? Indications.core(n) : n);
            // two-letter abbreviations ("MM", "LM") are too ambiguous to merge documents on
            if (k.length() >= 3) out.add(t + ":" + k);
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
