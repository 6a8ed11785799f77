package org.pharmakg.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A drawable view of the graph: nodes (entities) and edges (facts between them), each with a few
 * display attributes. Built by {@link GraphViews}, shown by the explorer pages, written by the
 * GraphML and Cytoscape exports.
 *
 * <pre>
 * Network n = GraphViews.partnerNetwork(dsg, null, null);
 * Map&lt;String, Object&gt; json = n.toCytoscape();
 * </pre>
 */
public record Network(List<Node> nodes, List<Edge> edges) {
    public Network {
        nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
        edges = List.copyOf(Objects.requireNonNull(edges, "edges"));
    }

    /** An entity: its IRI as id, its label, its type (Company, Compound, …) and extra attributes. */
    public record Node(String id, String label, String type, Map<String, Object> attributes) {
        public Node {
            Objects.requireNonNull(id, "id");
            label = label == null ? id : label;
            type = type == null ? "Entity" : type;
            attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    /**
     * A fact between two nodes; {@code relation} is the kg: local name (partnerOf, develops, …) or {@code deal};
     * extra display attributes (a deal's label, kind, event, date) travel in {@code attributes}.
     */
    public record Edge(String id, String source, String target, String relation, Map<String, Object> attributes) {
        public Edge {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(relation, "relation");
            id = id == null ? source + " " + relation + " " + target : id;
            attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        public Edge(String id, String source, String target, String relation) { this(id, source, target, relation, null); }
    }

    /**
     * The Cytoscape.js / Cytoscape desktop JSON form:
     * {@code {elements:{nodes:[{data:{id,label,type,…}}],edges:[{data:{id,source,target,relation}}]}}}.
     */
    public Map<String, Object> toCytoscape() {
        List<Object> ns = new ArrayList<>();
        for (Node n : nodes) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", n.id());
            data.put("label", n.label());
            data.put("type", n.type());
            data.putAll(n.attributes());
            ns.add(Map.of("data", data));
        }
        List<Object> es = new ArrayList<>();
        for (Edge e : edges) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", e.id());
            data.put("source", e.source());
            data.put("target", e.target());
            data.put("relation", e.relation());
            data.putAll(e.attributes());
            es.add(Map.of("data", data));
        }
        Map<String, Object> elements = new LinkedHashMap<>();
        elements.put("nodes", ns);
        elements.put("edges", es);
        return Map.of("elements", elements);
    }
}
