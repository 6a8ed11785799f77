package org.pharmakg.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.clustering.UndirectedModularityMeasurer;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.pharmakg.serve.Sparql.Row;
import org.pharmakg.store.StoreViews;

/**
 * The whole graph as an overview: communities found on the server over every node (JGraphT's label propagation,
 * seeded, so the same store gives the same communities), and a bounded drawing: at most {@code limit} nodes, whole
 * communities from the largest, with their community, and a label flag on the few that matter most (degree, deals,
 * phase). The full
 * clustering is kept per store state, so only the first request after a write pays for it.
 *
 * <pre>Map&lt;String, Object&gt; json = Overview.of(dsg, Overview.View.PARTNERS, 300);</pre>
 */
public final class Overview {
    public static final int MAX_NODES = 600;
    /** How many nodes carry a drawn label; the others show theirs on hover. */
    static final int LABELLED = 30;

    private Overview() {}

    /** Which graph: companies and their ties, or compounds with their developers, targets and indications. */
    public enum View {
        PARTNERS("kg:partnerOf kg:subsidiaryOf", "VALUES ?c { kg:Company }"),
        COMPOUNDS("kg:develops kg:targets kg:indication", "VALUES ?c { kg:Company kg:Compound kg:Target kg:Indication }");

        final String predicates, classes;

        View(String predicates, String classes) {
            this.predicates = predicates;
            this.classes = classes;
        }

        public static View of(String name) {
            return switch (name == null ? "partners" : name) {
                case "partners" -> PARTNERS;
                case "compounds" -> COMPOUNDS;
                default -> throw new IllegalArgumentException("view must be partners or compounds; got '" + name + "'");
            };
        }
    }

    /** The clustered graph of one view: every node's community and degree, the edges, the modularity. */
    record Clustered(Map<String, Integer> community, Map<String, Integer> degree, List<String[]> edges,
                     Map<String, Integer> deals, double modularity, int communities) {
        Clustered {
            Objects.requireNonNull(community, "community");
        }
    }

    public static Map<String, Object> of(DatasetGraph dsg, View view, int limit) {
        int max = Math.max(1, Math.min(limit, MAX_NODES));
        return Txn.calculateRead(dsg, () -> {
            Clustered c = StoreViews.get(dsg, "overview-" + view.name(), d -> cluster(d, view));
            List<String> top = new ArrayList<>(c.degree().keySet());
            top.sort(Comparator.comparing((String n) -> -(c.degree().get(n) + 2 * c.deals().getOrDefault(n, 0))).thenComparing(n -> n));
            // whole communities, largest first (their ids count from the largest), best-connected members first, so
            // that a cluster is drawn with its links; then without the nodes none of whose links stays in the drawing
            Map<Integer, List<String>> members = new java.util.TreeMap<>();
            for (String n : top) members.computeIfAbsent(c.community().get(n), k -> new ArrayList<>()).add(n);
            Set<String> first = new HashSet<>();
            for (List<String> m : members.values()) {
                for (String n : m) if (first.size() < max) first.add(n);
                if (first.size() >= max) break;
            }
            Set<String> linked = new HashSet<>();
            for (String[] e : c.edges()) if (first.contains(e[0]) && first.contains(e[1])) { linked.add(e[0]); linked.add(e[1]); }
            List<String> kept = top.stream().filter(linked::contains).toList();   // in rank order: the first are labelled
            Set<String> keptSet = new HashSet<>(kept);
            Map<String, String[]> about = labels(dsg, keptSet);
            Map<String, String> phase = GraphViews.highestPhases(dsg, keptSet);
            List<Network.Node> nodes = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                String n = kept.get(i);
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("community", c.community().get(n));
                a.put("degree", c.degree().get(n));
                a.put("deals", c.deals().getOrDefault(n, 0));
                if (phase.containsKey(n)) a.put("phase", phase.get(n));
                // the labelled few: highest degree and deals first, and any approved compound
                a.put("labelled", i < LABELLED || "Approved".equals(phase.get(n)) && i < 3 * LABELLED);
                String[] lt = about.getOrDefault(n, new String[] {Sparql.localName(n), null});
                nodes.add(new Network.Node(n, lt[0], lt[1], a));
            }
            List<Network.Edge> edges = new ArrayList<>();
            for (String[] e : c.edges()) if (keptSet.contains(e[0]) && keptSet.contains(e[1])) edges.add(new Network.Edge(null, e[0], e[1], e[2]));
            Map<String, Object> out = new LinkedHashMap<>(new Network(nodes, edges).toCytoscape());
            out.put("view", view.name().toLowerCase(java.util.Locale.ROOT));
            out.put("totalNodes", c.degree().size());
            out.put("totalEdges", c.edges().size());
            out.put("communities", communities(c, kept, about));
            out.put("communityCount", c.communities());
            out.put("modularity", Math.round(c.modularity() * 1000) / 1000.0);
            out.put("truncated", kept.size() < c.degree().size());
            out.put("limit", max);
            return out;
        });
    }

    /** The largest communities (at most 12) with their size and their three best-connected shown members. */
    private static List<Map<String, Object>> communities(Clustered c, List<String> kept, Map<String, String[]> about) {
        Map<Integer, Integer> size = new HashMap<>();
        c.community().values().forEach(k -> size.merge(k, 1, Integer::sum));
        Map<Integer, List<String>> members = new HashMap<>();
        for (String n : kept) members.computeIfAbsent(c.community().get(n), k -> new ArrayList<>()).add(n);
        List<Integer> ids = new ArrayList<>(members.keySet());
        ids.sort(Comparator.comparing((Integer k) -> -size.get(k)).thenComparing(k -> k));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Integer k : ids.subList(0, Math.min(12, ids.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", k);
            m.put("size", size.get(k));
            m.put("top", members.get(k).stream().limit(3).map(n -> about.getOrDefault(n, new String[] {n})[0]).toList());
            out.add(m);
        }
        return out;
    }

    private static Map<String, String[]> labels(DatasetGraph dsg, Set<String> nodes) {
        Map<String, String[]> out = new HashMap<>();
        if (nodes.isEmpty()) return out;
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?class) WHERE {
                  %s VALUES ?c { kg:Company kg:Compound kg:Target kg:Indication } ?e a ?c . OPTIONAL { ?e rdfs:label ?l }
                } GROUP BY ?e""".formatted(Sparql.values("e", nodes))))) {
            out.put(r.str("e"), new String[] {r.str("label") == null ? Sparql.localName(r.str("e")) : r.str("label"),
                    Sparql.localName(r.str("class"))});
        }
        return out;
    }

    /** Reads the view's whole graph and clusters it; call inside a read transaction. */
    static Clustered cluster(DatasetGraph dsg, View view) {
        Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        List<String[]> edges = new ArrayList<>();
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT DISTINCT ?s ?p ?o WHERE { VALUES ?p { %s } ?s ?p ?o . %s ?s a ?c . FILTER(isIRI(?o) && ?s != ?o) }"""
                .formatted(view.predicates, view.classes)))) {
            String s = r.str("s"), o = r.str("o");
            g.addVertex(s);
            g.addVertex(o);
            if (g.addEdge(s, o) != null) edges.add(new String[] {s, o, Sparql.localName(r.str("p"))});
        }
        Map<String, Integer> deals = new HashMap<>();
        if (view == View.PARTNERS) {
            for (Row r : Sparql.select(dsg, Sparql.query("""
                    SELECT ?a ?b (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Deal ; kg:party ?a, ?b . FILTER(STR(?a) < STR(?b)) } GROUP BY ?a ?b"""))) {
                String a = r.str("a"), b = r.str("b");
                deals.merge(a, r.integer("n"), Integer::sum);
                deals.merge(b, r.integer("n"), Integer::sum);
                g.addVertex(a);
                g.addVertex(b);
                if (g.addEdge(a, b) != null) edges.add(new String[] {a, b, "deal"});
            }
        }
        var clustering = new LabelPropagationClustering<>(g, new Random(15)).getClustering();
        Map<String, Integer> community = new HashMap<>();
        int k = 0;
        // numbered by size, largest first, so the page can colour the largest ones distinctly
        List<Set<String>> bySize = new ArrayList<>(clustering.getClusters());
        bySize.sort(Comparator.comparing((Set<String> c) -> -c.size()).thenComparing(c -> c.stream().min(String::compareTo).orElse("")));
        for (Set<String> cluster : bySize) {
            for (String n : cluster) community.put(n, k);
            k++;
        }
        Map<String, Integer> degree = new HashMap<>();
        for (String n : g.vertexSet()) degree.put(n, g.degreeOf(n));
        double q = g.vertexSet().isEmpty() || g.edgeSet().isEmpty() ? 0
                : new UndirectedModularityMeasurer<>(g).modularity(clustering.getClusters());
        return new Clustered(community, degree, List.copyOf(edges), deals, q, k);
    }
}
