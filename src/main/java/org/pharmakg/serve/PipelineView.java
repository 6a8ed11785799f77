package org.pharmakg.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.pharmakg.serve.Sparql.Row;

/**
 * The development pipeline: every compound with its developers, targets, indications, highest
 * achieved phase, and its phase timeline (each phase statement with date, status and source).
 *
 * <pre>Map&lt;String, Object&gt; p = PipelineView.pipeline(dsg);  // {phases:[…], compounds:[…]}</pre>
 */
public final class PipelineView {
    private PipelineView() {}

    public static Map<String, Object> pipeline(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            List<Map<String, Object>> phases = new ArrayList<>();
            for (Row r : Sparql.select(dsg, Sparql.query("""
                    SELECT DISTINCT ?ph ?label ?order WHERE { ?ph kg:stageOrder ?order ; rdfs:label ?label } ORDER BY ?order"""))) {
                phases.add(entry("iri", r.str("ph"), "label", r.str("label"), "order", r.integer("order")));
            }
            Map<String, Map<String, Object>> compounds = new LinkedHashMap<>();
            for (Row r : Sparql.select(dsg, Sparql.query("""
                    SELECT DISTINCT ?x ?label WHERE { ?x a kg:Compound . OPTIONAL { ?x rdfs:label ?label } }
                    ORDER BY LCASE(STR(?label)) ?x"""))) {
                String x = r.str("x");
                Map<String, Object> c = entry("iri", x, "label", r.str("label") == null ? Sparql.localName(x) : r.str("label"));
                c.put("developers", new ArrayList<>());
                c.put("targets", new ArrayList<>());
                c.put("indications", new ArrayList<>());
                c.put("highestPhase", null);
                c.put("timeline", new ArrayList<>());
                compounds.putIfAbsent(x, c);
            }
            for (Row r : Sparql.select(dsg, Sparql.query("""
                    SELECT DISTINCT ?x ?list ?other ?label WHERE {
                      { ?other kg:develops ?x . BIND("developers" AS ?list) }
                      UNION { ?x kg:targets ?other . BIND("targets" AS ?list) }
                      UNION { ?x kg:indication ?other . BIND("indications" AS ?list) }
                      ?x a kg:Compound .
                      OPTIONAL { ?other rdfs:label ?label }
                    } ORDER BY LCASE(STR(?label))"""))) {
                Map<String, Object> c = compounds.get(r.str("x"));
                if (c == null) continue;
                String other = r.str("other");
                list(c, r.str("list")).add(entry("iri", other, "label", r.str("label") == null ? Sparql.localName(other) : r.str("label")));
            }
            for (Row r : Sparql.select(dsg, Sparql.query("""
                    SELECT DISTINCT ?x ?ph ?label ?order ?rel ?status ?date ?doc ?headline ?sentence WHERE {
                      VALUES ?rel { kg:phase kg:plannedPhase }
                      ?ev rdf:predicate ?rel ; rdf:subject ?x ; rdf:object ?ph .
                      ?x a kg:Compound .
                      OPTIONAL { ?ph rdfs:label ?label }
                      OPTIONAL { ?ph kg:stageOrder ?order }
                      OPTIONAL { ?ev kg:status ?status }
                      OPTIONAL { ?ev kg:sentence ?sentence }
                      OPTIONAL { ?ev prov:wasDerivedFrom ?doc .
                                 OPTIONAL { ?doc kg:releaseDate ?date } OPTIONAL { ?doc kg:headline ?headline } }
                    } ORDER BY ?x ?date ?order ?doc"""))) {
                Map<String, Object> c = compounds.get(r.str("x"));
                if (c == null) continue;
                boolean planned = r.str("rel").endsWith("plannedPhase")
                        || (r.str("status") != null && r.str("status").endsWith("Planned"));
                Map<String, Object> step = entry("phase", r.str("label"), "order", r.integer("order"),
                        "date", r.str("date"), "status", planned ? "Planned" : "Achieved");
                step.put("document", r.str("doc"));
                step.put("headline", r.str("headline"));
                step.put("sentence", r.str("sentence"));
                list(c, "timeline").add(step);
            }
            for (Row r : Sparql.select(dsg, Sparql.query("""
                    SELECT DISTINCT ?x ?label ?order WHERE { ?x a kg:Compound ; kg:phase ?ph . ?ph rdfs:label ?label ; kg:stageOrder ?order }"""))) {
                Map<String, Object> c = compounds.get(r.str("x"));
                Integer order = r.integer("order");
                if (c == null || order == null) continue;
                @SuppressWarnings("unchecked")
                Map<String, Object> best = (Map<String, Object>) c.get("highestPhase");
                if (best == null || (Integer) best.get("order") < order) c.put("highestPhase", entry("label", r.str("label"), "order", order));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("phases", phases);
            out.put("compounds", new ArrayList<>(compounds.values()));
            return out;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> c, String key) {
        return (List<Map<String, Object>>) c.get(key);
    }

    private static Map<String, Object> entry(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
