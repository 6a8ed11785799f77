package org.pharmakg.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.pharmakg.serve.Sparql.Row;

/**
 * The neighbourhood of one entity, the way an analyst starts: a company, compound, target or indication and what
 * lies one or two steps from it (partners, owners and units, compounds, targets, indications, deals), each
 * partnership with the year it was first reported and each deal with its kind and year. Bounded: at most
 * {@code limit} nodes, those tied most to the focus kept first; every node says how many of its neighbours are
 * not shown ({@code hidden}), so a click can expand it.
 *
 * <pre>
 * FocusNetwork.Result r = FocusNetwork.around(dsg, "https://w3id.org/pharmakg/id/company/bayer", 2, 150);
 * Map&lt;String, Object&gt; json = r.toJson();   // {focus, elements, truncated, …}
 * </pre>
 */
public final class FocusNetwork {
    /** The most nodes a neighbourhood may have; the API's {@code limit} is cut to it. */
    public static final int MAX_NODES = 400;
    /** Neighbours read per step before ranking: a hub's thousands of links cost no more than this. */
    private static final int MAX_CANDIDATES = 5_000;
    private static final String ALL = "kg:partnerOf kg:subsidiaryOf kg:develops kg:targets kg:indication";

    private FocusNetwork() {}

    /** A neighbourhood: the network, the focus and whether nodes were left out. */
    public record Result(String focus, int depth, Network network, boolean truncated, int candidates) {
        public Result {
            Objects.requireNonNull(focus, "focus");
            Objects.requireNonNull(network, "network");
        }

        public Map<String, Object> toJson() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("focus", focus);
            out.put("depth", depth);
            out.putAll(network.toCytoscape());
            out.put("truncated", truncated);
            out.put("candidates", candidates);
            out.put("limit", MAX_NODES);
            return out;
        }
    }

    /** The neighbourhood of {@code focus} up to {@code depth} (1 or 2) steps, at most {@code limit} nodes. */
    public static Result around(DatasetGraph dsg, String focus, int depth, int limit) { return around(dsg, focus, depth, limit, null); }

    /**
     * As {@link #around(DatasetGraph, String, int, int)}, over the relations of one view only: partners (partnerOf,
     * subsidiaryOf and deals) or compounds (develops, targets, indication); every relation when null.
     */
    public static Result around(DatasetGraph dsg, String focus, int depth, int limit, Overview.View view) {
        String predicates = view == null ? ALL : view.predicates;
        boolean withDeals = view != Overview.View.COMPOUNDS;
        if (depth < 1 || depth > 2) throw new IllegalArgumentException("depth must be 1 or 2; got " + depth);
        int max = Math.max(1, Math.min(limit, MAX_NODES));
        return Txn.calculateRead(dsg, () -> {
            Map<String, Integer> step = new LinkedHashMap<>();
            step.put(focus, 0);
            Set<Link> links = new LinkedHashSet<>();
            boolean truncated = false;
            int candidates = 0;
            Set<String> frontier = Set.of(focus);
            for (int d = 1; d <= depth && !frontier.isEmpty() && step.size() < max; d++) {
                List<Link> found = links(dsg, frontier, predicates, MAX_CANDIDATES + 1);
                if (found.size() > MAX_CANDIDATES) truncated = true;
                // rank the new nodes by how many kept nodes they touch (ties: companies and compounds first, then name order)
                Map<String, Integer> ties = new HashMap<>();
                for (Link l : found) {
                    links.add(l);
                    for (String n : List.of(l.s, l.o)) if (!step.containsKey(n)) ties.merge(n, 1, Integer::sum);
                }
                candidates += ties.size();
                List<String> ranked = new ArrayList<>(ties.keySet());
                ranked.sort(Comparator.comparing((String n) -> -ties.get(n)).thenComparing(n -> n));
                Set<String> next = new LinkedHashSet<>();
                for (String n : ranked) {
                    if (step.size() >= max) {
                        truncated = true;
                        break;
                    }
                    step.put(n, d);
                    next.add(n);
                }
                frontier = next;
            }
            return new Result(focus, depth, network(dsg, step, links, predicates, withDeals), truncated, candidates);
        });
    }

    private record Link(String s, String p, String o) {}

    /** The facts of the five relations touching the given nodes, in both directions. */
    private static List<Link> links(DatasetGraph dsg, Set<String> nodes, String predicates, int limit) {
        List<Link> out = new ArrayList<>();
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT DISTINCT ?s ?p ?o WHERE {
                  %s
                  VALUES ?p { %s }
                  { ?x ?p ?o BIND(?x AS ?s) } UNION { ?s ?p ?x BIND(?x AS ?o) }
                  FILTER(?s != ?o)
                } LIMIT %d""".formatted(Sparql.values("x", nodes), predicates, limit)))) {
            String s = r.str("s"), o = r.str("o"), p = Sparql.localName(r.str("p"));
            if (p.equals("partnerOf") && s.compareTo(o) > 0) out.add(new Link(o, p, s));
            else out.add(new Link(s, p, o));
        }
        return out;
    }

    /** The kept nodes with label, type, degree, highest phase and hidden neighbours; the links between them, and their deals. */
    private static Network network(DatasetGraph dsg, Map<String, Integer> step, Set<Link> links, String predicates, boolean withDeals) {
        Map<String, Row> info = new HashMap<>();
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?class) WHERE {
                  %s
                  VALUES ?c { kg:Company kg:Compound kg:Target kg:Indication kg:ClinicalTrial }
                  ?e a ?c . OPTIONAL { ?e rdfs:label ?l }
                } GROUP BY ?e""".formatted(Sparql.values("e", step.keySet()))))) {
            info.put(r.str("e"), r);
        }
        Map<String, Integer> degree = degrees(dsg, step.keySet(), predicates);
        Map<String, String> phase = GraphViews.highestPhases(dsg, step.keySet());
        List<Network.Edge> edges = new ArrayList<>();
        Map<String, Integer> shown = new HashMap<>();
        for (Link l : links) {
            if (!step.containsKey(l.s) || !step.containsKey(l.o)) continue;
            edges.add(new Network.Edge(null, l.s, l.o, l.p));
            shown.merge(l.s, 1, Integer::sum);
            shown.merge(l.o, 1, Integer::sum);
        }
        years(dsg, edges);
        Set<String> companies = new HashSet<>();
        step.keySet().forEach(n -> { if (info.containsKey(n) && "Company".equals(Sparql.localName(info.get(n).str("class")))) companies.add(n); });
        Map<String, Integer> deals = new HashMap<>();
        for (Network.Edge e : withDeals ? DealViews.edges(dsg, null, null, companies) : List.<Network.Edge>of()) {
            if (!companies.contains(e.source()) || !companies.contains(e.target())) continue;
            Map<String, Object> a = new LinkedHashMap<>(e.attributes());
            Integer y = GraphViews.year((String) a.get("date"));
            a.put("short", a.get("kind") + (y == null ? "" : " " + y));
            edges.add(new Network.Edge(e.id(), e.source(), e.target(), "deal", a));
            deals.merge(e.source(), 1, Integer::sum);
            deals.merge(e.target(), 1, Integer::sum);
        }
        List<Network.Node> nodes = new ArrayList<>();
        for (var n : step.entrySet()) {
            Row r = info.get(n.getKey());
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("step", n.getValue());
            int deg = degree.getOrDefault(n.getKey(), 0);
            a.put("degree", deg);
            a.put("hidden", Math.max(0, deg - shown.getOrDefault(n.getKey(), 0)));
            a.put("deals", deals.getOrDefault(n.getKey(), 0));
            if (phase.containsKey(n.getKey())) a.put("phase", phase.get(n.getKey()));
            String type = r == null ? null : Sparql.localName(r.str("class"));
            String label = r == null || r.str("label") == null ? Sparql.localName(n.getKey()) : r.str("label");
            nodes.add(new Network.Node(n.getKey(), label, type, a));
        }
        return new Network(nodes, edges);
    }

    /** How many facts of the five relations each node takes part in. */
    static Map<String, Integer> degrees(DatasetGraph dsg, Set<String> nodes, String predicates) {
        Map<String, Integer> out = new HashMap<>();
        if (nodes.isEmpty()) return out;
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT ?x (COUNT(DISTINCT ?y) AS ?n) WHERE {
                  %s
                  VALUES ?p { %s }
                  { ?x ?p ?y } UNION { ?y ?p ?x }
                } GROUP BY ?x""".formatted(Sparql.values("x", nodes), predicates)))) {
            out.put(r.str("x"), r.integer("n"));
        }
        return out;
    }

    /** Sets {@code since} (the first year a release states it) on partnerOf and subsidiaryOf edges. */
    private static void years(DatasetGraph dsg, List<Network.Edge> edges) {
        Set<String> ends = new HashSet<>();
        for (Network.Edge e : edges) if (e.relation().equals("partnerOf") || e.relation().equals("subsidiaryOf")) ends.add(e.source());
        if (ends.isEmpty()) return;
        Map<String, String> first = new HashMap<>();
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT ?s ?p ?o (MIN(?date) AS ?since) WHERE {
                  %s
                  VALUES ?p { kg:partnerOf kg:subsidiaryOf }
                  { ?ev rdf:subject ?x ; rdf:object ?y BIND(?x AS ?s) BIND(?y AS ?o) }
                  UNION { ?ev rdf:object ?x ; rdf:subject ?y BIND(?y AS ?s) BIND(?x AS ?o) }
                  ?ev rdf:predicate ?p ; prov:wasDerivedFrom ?doc . ?doc kg:releaseDate ?date
                } GROUP BY ?s ?p ?o""".formatted(Sparql.values("x", ends))))) {
            String s = r.str("s"), o = r.str("o"), p = Sparql.localName(r.str("p"));
            String key = p.equals("partnerOf") && s.compareTo(o) > 0 ? o + " " + p + " " + s : s + " " + p + " " + o;
            first.merge(key, r.str("since"), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        for (int i = 0; i < edges.size(); i++) {
            Network.Edge e = edges.get(i);
            String since = first.get(e.id());
            if (since == null) continue;
            Map<String, Object> a = new LinkedHashMap<>(e.attributes());
            a.put("since", GraphViews.year(since));
            a.put("short", "since " + GraphViews.year(since));
            edges.set(i, new Network.Edge(e.id(), e.source(), e.target(), e.relation(), a));
        }
    }
}
