package org.pharmakg.store;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.pharmakg.extract.EntityType;
import org.pharmakg.mapping.Vocab;

/**
 * Name keys for entities that have labels but no {@code kg:nameKey}: a build writes keys through
 * {@link EntityResolver}, but an entity added by SPARQL Update ({@code serve --update}, {@code /kg/update})
 * carries only what the update said. The keys are the lower-case {@code rdfs:label}s and
 * {@code skos:altLabel}s, as the resolver makes them; {@link NameSearch} adds them to its index, which is
 * rebuilt after every write, so such an entity is found by search as soon as the update commits.
 *
 * <pre>Map&lt;Node, Set&lt;String&gt;&gt; extra = NameKeys.missing(dsg, entitiesWithKeys);</pre>
 */
final class NameKeys {
    private NameKeys() {}

    /** The entity classes whose members search finds (the six types and kg:Entity). */
    private static final Set<Node> ENTITY_CLASSES = entityClasses();

    private static Set<Node> entityClasses() {
        Set<Node> out = new java.util.HashSet<>();
        for (EntityType t : EntityType.values()) out.add(Vocab.cls(t));
        out.add(Vocab.kg("Entity"));
        return Set.copyOf(out);
    }

    /**
     * Keys for every subject typed as an entity class that has labels and is not in {@code keyed}, read in
     * the caller's transaction.
     */
    static Map<Node, Set<String>> missing(DatasetGraph dsg, Set<Node> keyed) {
        Map<Node, Set<String>> out = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        Map<Node, Boolean> isEntity = new java.util.HashMap<>();
        for (Node p : List.of(Vocab.LABEL, Vocab.ALT_LABEL)) {
            Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, p, Node.ANY);
            while (it.hasNext()) {
                Quad q = it.next();
                Node s = q.getSubject();
                if (keyed.contains(s) || !q.getObject().isLiteral()) continue;
                if (!isEntity.computeIfAbsent(s, n -> typedAsEntity(dsg, n))) continue;
                String k = q.getObject().getLiteralLexicalForm().strip().toLowerCase(Locale.ROOT);
                if (!k.isEmpty()) out.computeIfAbsent(s, n -> new TreeSet<>()).add(k);
            }
        }
        return out;
    }

    private static boolean typedAsEntity(DatasetGraph dsg, Node s) {
        if (!s.isURI()) return false;
        Iterator<Quad> types = dsg.find(Node.ANY, s, Vocab.TYPE, Node.ANY);
        while (types.hasNext()) {
            if (ENTITY_CLASSES.contains(types.next().getObject())) return true;
        }
        return false;
    }
}
