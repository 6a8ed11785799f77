package org.pharmakg.store;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.pharmakg.extract.Canonical;
import org.pharmakg.extract.EntityType;
import org.pharmakg.extract.Indications;
import org.pharmakg.extract.Lexicon;
import org.pharmakg.extract.Names;
import org.pharmakg.extract.Phases;
import org.pharmakg.extract.UnionFind;
import org.pharmakg.mapping.Vocab;

/**
 * Entity resolution as a pure function of the name table: entities of one type that share a name (after
 * normalisation), a lexicon entry or, for targets, an HGNC id get one canonical IRI. No store is involved, so the
 * same function serves {@link EntityResolver} (names read from TDB2) and the Spark build (names collected from the
 * executors).
 *
 * <pre>
 * EntityResolution.Result r = EntityResolution.resolve(lexicon, EntityResolution.rows(docQuads));
 * r.renames();   // entity IRI -> canonical IRI
 * r.labels();    // the entities graph
 * </pre>
 */
public final class EntityResolution {
    private EntityResolution() { }

    /** What a row says of an entity: one of its names in some document, or its HGNC id. */
    public enum Kind { NAME, GENE }

    /** One row of the name table: (entity IRI, kind, value). Serializable, so executors can send it. */
    public record Row(String iri, Kind kind, String value) implements Serializable {
        public Row {
            Objects.requireNonNull(iri);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(value);
        }
    }

    /** Renames (never an IRI onto itself) and the entities graph with one label per entity. */
    public record Result(Map<Node, Node> renames, List<Quad> labels, int entities) {
        public Result {
            renames = Map.copyOf(renames);
            labels = List.copyOf(labels);
        }
    }

    /** The rows of one document's quads (surface forms and HGNC ids of entities, in document graphs). */
    public static List<Row> rows(Collection<Quad> quads) {
        List<Row> out = new ArrayList<>();
        for (Quad q : quads) {
            Row r = row(q);
            if (r != null) out.add(r);
        }
        return out;
    }

    /** The row a quad contributes, or null. */
    public static Row row(Quad q) {
        if (!Vocab.isDocGraph(q.getGraph())) return null;
        if (q.getPredicate().equals(Vocab.SURFACE_FORM)) {
            if (EntityResolver.typeOf(q.getSubject()) == null) return null;
            return new Row(q.getSubject().getURI(), Kind.NAME, q.getObject().getLiteralLexicalForm());
        }
        if (q.getPredicate().equals(Vocab.HGNC_ID) && q.getObject().isLiteral() && q.getSubject().isURI()) {
            return new Row(q.getSubject().getURI(), Kind.GENE, q.getObject().getLiteralLexicalForm());
        }
        return null;
    }

    /** Resolves the name table; the result does not depend on the order of the rows. */
    public static Result resolve(Lexicon lexicon, Collection<Row> rows) {
        Map<Node, EntityType> types = new TreeMap<>(EntityResolution::compare);
        Map<Node, Set<String>> names = new HashMap<>();
        Map<Node, Set<String>> genes = new HashMap<>();
        for (Row r : rows) {
            Node iri = NodeFactory.createURI(r.iri());
            if (r.kind() == Kind.NAME) {
                types.put(iri, EntityResolver.typeOf(iri));
                names.computeIfAbsent(iri, k -> new TreeSet<>()).add(r.value());
            } else {
                genes.computeIfAbsent(iri, k -> new TreeSet<>()).add(r.value());
            }
        }
        UnionFind<Node> uf = new UnionFind<>();
        Map<String, Node> byKey = new HashMap<>();
        for (var e : types.entrySet()) {
            Node iri = e.getKey();
            uf.add(iri);
            List<String> ks = keys(lexicon, e.getValue(), names.get(iri));
            // targets of one gene ("HER2" here, "ERBB2" there) are one target
            for (String g : genes.getOrDefault(iri, Set.of())) ks.add(e.getValue() + ":gene:" + g);
            for (String k : ks) {
                Node prev = byKey.putIfAbsent(k, iri);
                if (prev != null) uf.union(prev, iri);
            }
        }
        Map<Node, List<Node>> clusters = new TreeMap<>(EntityResolution::compare);
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
            keys.add(canonical.getURI().toLowerCase(Locale.ROOT));
            keys.add(label.toLowerCase(Locale.ROOT));
            for (String n : all) keys.add(n.toLowerCase(Locale.ROOT));
            for (String k : keys) labels.add(new Quad(eg, canonical, Vocab.kg("nameKey"), KgStore.literal(k)));
            Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            seen.add(label);
            for (String n : all) {
                if (seen.add(n)) labels.add(new Quad(eg, canonical, Vocab.ALT_LABEL, KgStore.literal(n)));
            }
        }
        for (int i = 0; i < Phases.IDS.size(); i++) {
            Node ph = Vocab.phase(Phases.IDS.get(i));
            for (String k : List.of(ph.getURI().toLowerCase(Locale.ROOT), Phases.LABELS.get(i).toLowerCase(Locale.ROOT))) {
                labels.add(new Quad(eg, ph, Vocab.kg("nameKey"), KgStore.literal(k)));
            }
        }
        return new Result(renames, labels, clusters.size());
    }

    /**
     * One document's quads with the renames applied (subject and object), as {@link KgStore#rename} does in the
     * store: a company link that a rename turns into a link of a company with itself is dropped.
     */
    public static List<Quad> rename(List<Quad> quads, Map<Node, Node> renames) {
        if (renames.isEmpty()) return quads;
        List<Quad> out = new ArrayList<>(quads.size());
        for (Quad q : quads) {
            Node s = renames.getOrDefault(q.getSubject(), q.getSubject());
            Node o = renames.getOrDefault(q.getObject(), q.getObject());
            if (s == q.getSubject() && o == q.getObject()) {
                out.add(q);
                continue;
            }
            if (s.equals(o) && KgStore.COMPANY_LINKS.contains(q.getPredicate())) continue;
            out.add(new Quad(q.getGraph(), s, q.getPredicate(), o));
        }
        return out;
    }

    private static List<String> keys(Lexicon lexicon, EntityType t, Set<String> ns) {
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

    private static int compare(Node a, Node b) { return a.getURI().compareTo(b.getURI()); }
}
