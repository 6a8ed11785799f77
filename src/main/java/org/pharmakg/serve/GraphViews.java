package org.pharmakg.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.pharmakg.serve.Sparql.Row;

/**
 * The three network views of the graph, shared by the explorer and the exports: the partner
 * network (companies, partnerOf and subsidiaryOf), the compound network (company -> compound ->
 * target / indication) and the whole graph (every entity and fact).
 *
 * <pre>
 * Network partners = GraphViews.partnerNetwork(dsg, 2012, 2013);   // null, null: all years
 * Network compounds = GraphViews.compoundNetwork(dsg);
 * </pre>
 */
public final class GraphViews {
    private GraphViews() {}

    /** The views by name, as {@code export --view} and the API call them. */
    public static Network view(DatasetGraph dsg, String name) {
        return switch (name) {
            case "partner", "partners" -> partnerNetwork(dsg, null, null);
            case "compound", "compounds" -> compoundNetwork(dsg);
            case "all" -> wholeGraph(dsg);
            default -> throw new IllegalArgumentException("unknown view '" + name + "'; use partner, compound or all");
        };
    }

    /**
     * Companies and the partnerOf / subsidiaryOf edges between them. With a year range, an edge is
     * kept when some evidence for it comes from a release of those years, and a company when a
     * release of those years mentions it (or it has a kept edge). Node attribute {@code compounds}:
     * how many compounds the company develops (by facts with evidence in the range).
     * partnerOf is undirected and appears once per pair.
     */
    public static Network partnerNetwork(DatasetGraph dsg, Integer fromYear, Integer toYear) {
        boolean filtered = fromYear != null || toYear != null;
        int from = fromYear == null ? Integer.MIN_VALUE : fromYear;
        int to = toYear == null ? Integer.MAX_VALUE : toYear;
        return Txn.calculateRead(dsg, () -> {
            Map<String, String> companies = new LinkedHashMap<>();
            for (Row r : Sparql.select(dsg, Sparql.query("""
                    SELECT DISTINCT ?c ?label WHERE { ?c a kg:Company . OPTIONAL { ?c rdfs:label ?label } }
                    ORDER BY LCASE(STR(?label)) ?c"""))) {
                companies.putIfAbsent(r.str("c"), r.str("label"));
            }
            Map<String, Set<String>> compounds = new HashMap<>();
            for (Row r : Sparql.select(dsg, Sparql.query("""
                    SELECT DISTINCT ?c ?x ?date WHERE {
                      ?c a kg:Company ; kg:develops ?x .
                      OPTIONAL { ?ev rdf:subject ?c ; rdf:predicate kg:develops ; rdf:object ?x ;
                                     prov:wasDerivedFrom ?doc . ?doc kg:releaseDate ?date }
                    }"""))) {
                if (!filtered || inRange(r.str("date"), from, to)) {
                    compounds.computeIfAbsent(r.str("c"), k -> new HashSet<>()).add(r.str("x"));
                }
            }
            Map<String, Network.Edge> edges = new LinkedHashMap<>();
            for (Row r : Sparql.select(dsg, Sparql.query("""
                    SELECT DISTINCT ?s ?p ?o ?date WHERE {
                      VALUES ?p { kg:partnerOf kg:subsidiaryOf }
                      ?s ?p ?o .
                      OPTIONAL {
                        { ?ev rdf:subject ?s ; rdf:object ?o }
                        UNION
                        { ?ev rdf:subject ?o ; rdf:object ?s ; rdf:predicate kg:partnerOf }
                        ?ev rdf:predicate ?p ; prov:wasDerivedFrom ?doc .
                        ?doc kg:releaseDate ?date
                      }
                    }
                    ORDER BY ?p ?s ?o"""))) {
                if (filtered && !inRange(r.str("date"), from, to)) continue;
                String s = r.str("s"), o = r.str("o"), rel = Sparql.localName(r.str("p"));
                if (!companies.containsKey(s) || !companies.containsKey(o)) continue;
                if (rel.equals("partnerOf") && s.compareTo(o) > 0) {
                    String t = s; s = o; o = t;
                }
                Network.Edge e = new Network.Edge(null, s, o, rel);
                edges.putIfAbsent(e.id(), e);
            }
            Set<String> kept = new LinkedHashSet<>();
            if (filtered) {
                for (Row r : Sparql.select(dsg, Sparql.query("""
                        SELECT DISTINCT ?c ?date WHERE { ?doc kg:mentions ?c ; kg:releaseDate ?date . ?c a kg:Company }"""))) {
                    if (inRange(r.str("date"), from, to)) kept.add(r.str("c"));
                }
                for (Network.Edge e : edges.values()) { kept.add(e.source()); kept.add(e.target()); }
                kept.addAll(compounds.keySet());
            } else {
                kept.addAll(companies.keySet());
            }
            List<Network.Node> nodes = new ArrayList<>();
            for (var c : companies.entrySet()) {
                if (!kept.contains(c.getKey())) continue;
                int n = compounds.getOrDefault(c.getKey(), Set.of()).size();
                nodes.add(new Network.Node(c.getKey(), c.getValue(), "Company", Map.of("compounds", n)));
            }
            return new Network(nodes, new ArrayList<>(edges.values()));
        });
    }

    /** The years of the releases in the store, ascending (for the year-range filter). */
    public static List<Integer> releaseYears(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            TreeSet<Integer> years = new TreeSet<>();
            for (Row r : Sparql.select(dsg, Sparql.query("SELECT DISTINCT ?date WHERE { ?doc a kg:PressRelease ; kg:releaseDate ?date }"))) {
                Integer y = year(r.str("date"));
                if (y != null) years.add(y);
            }
            return new ArrayList<>(years);
        });
    }

    /**
     * Every compound, the companies that develop it, and its targets and indications. Compound
     * nodes carry {@code phase}: the label of the highest achieved phase (absent when none).
     */
    public static Network compoundNetwork(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Map<String, Network.Node> nodes = new LinkedHashMap<>();
            Map<String, String> phase = highestPhases(dsg);
            for (Row r : Sparql.select(dsg, Sparql.query("""
                    SELECT DISTINCT ?x ?label WHERE { ?x a kg:Compound . OPTIONAL { ?x rdfs:label ?label } }
                    ORDER BY LCASE(STR(?label)) ?x"""))) {
                String x = r.str("x");
                Map<String, Object> attrs = new LinkedHashMap<>();
                if (phase.containsKey(x)) attrs.put("phase", phase.get(x));
                nodes.putIfAbsent(x, new Network.Node(x, r.str("label"), "Compound", attrs));
            }
            List<Network.Edge> edges = new ArrayList<>();
            for (Row r : Sparql.select(dsg, Sparql.query("""
                    SELECT DISTINCT ?s ?p ?o ?label ?class WHERE {
                      { ?s kg:develops ?o . ?s a kg:Company . ?o a kg:Compound .
                        BIND(kg:develops AS ?p) BIND(?s AS ?other) BIND(kg:Company AS ?class) }
                      UNION
                      { ?s kg:targets ?o . ?s a kg:Compound . ?o a kg:Target .
                        BIND(kg:targets AS ?p) BIND(?o AS ?other) BIND(kg:Target AS ?class) }
                      UNION
                      { ?s kg:indication ?o . ?s a kg:Compound . ?o a kg:Indication .
                        BIND(kg:indication AS ?p) BIND(?o AS ?other) BIND(kg:Indication AS ?class) }
                      OPTIONAL { ?other rdfs:label ?label }
                    }
                    ORDER BY ?p LCASE(STR(?label)) ?s ?o"""))) {
                String s = r.str("s"), o = r.str("o");
                String other = r.str("p").endsWith("develops") ? s : o;
                nodes.putIfAbsent(other, new Network.Node(other, r.str("label"), Sparql.localName(r.str("class")), Map.of()));
                edges.add(new Network.Edge(null, s, o, Sparql.localName(r.str("p"))));
            }
            return new Network(new ArrayList<>(nodes.values()), edges.stream().distinct().toList());
        });
    }

    /** Every entity (of the six entity classes) and every fact of the eight relations between them. */
    public static Network wholeGraph(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Map<String, Network.Node> nodes = new LinkedHashMap<>();
            for (Row r : Sparql.select(dsg, Sparql.query("""
                    SELECT DISTINCT ?e ?class ?label WHERE {
                      VALUES ?class { kg:Company kg:Compound kg:Target kg:Indication kg:ClinicalTrial kg:TrialPhase }
                      ?e a ?class . OPTIONAL { ?e rdfs:label ?label }
                    }
                    ORDER BY ?class LCASE(STR(?label)) ?e"""))) {
                nodes.putIfAbsent(r.str("e"), new Network.Node(r.str("e"), r.str("label"), Sparql.localName(r.str("class")), Map.of()));
            }
            List<Network.Edge> edges = new ArrayList<>();
            for (Row r : Sparql.select(dsg, Sparql.query("""
                    SELECT DISTINCT ?s ?p ?o WHERE {
                      VALUES ?p { kg:partnerOf kg:subsidiaryOf kg:develops kg:evaluates kg:targets kg:indication kg:phase kg:plannedPhase }
                      ?s ?p ?o .
                    }
                    ORDER BY ?p ?s ?o"""))) {
                if (nodes.containsKey(r.str("s")) && nodes.containsKey(r.str("o"))) {
                    edges.add(new Network.Edge(null, r.str("s"), r.str("o"), Sparql.localName(r.str("p"))));
                }
            }
            return new Network(new ArrayList<>(nodes.values()), edges);
        });
    }

    /** Highest achieved phase label per compound (by kg:stageOrder); call inside a read transaction. */
    static Map<String, String> highestPhases(DatasetGraph dsg) { return highestPhases(dsg, null); }

    /** As {@link #highestPhases(DatasetGraph)}, for the compounds among {@code among} only (all when null). */
    static Map<String, String> highestPhases(DatasetGraph dsg, java.util.Collection<String> among) {
        Map<String, String> label = new HashMap<>();
        Map<String, Integer> order = new HashMap<>();
        if (among != null && among.isEmpty()) return label;
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT DISTINCT ?x ?label ?order WHERE { %s ?x kg:phase ?ph . ?ph rdfs:label ?label ; kg:stageOrder ?order }"""
                .formatted(among == null ? "" : Sparql.values("x", among))))) {
            Integer o = r.integer("order");
            if (o == null) continue;
            String x = r.str("x");
            if (!order.containsKey(x) || o > order.get(x)) {
                order.put(x, o);
                label.put(x, r.str("label"));
            }
        }
        return label;
    }

    static Integer year(String isoDate) {
        if (isoDate == null || isoDate.length() < 4) return null;
        try {
            return Integer.valueOf(isoDate.substring(0, 4));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean inRange(String isoDate, int from, int to) {
        Integer y = year(isoDate);
        return y != null && y >= from && y <= to;
    }
}
