package org.pharmakg.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

/**
 * SELECT queries for the explorer views: a query text with the common prefixes, values bound as
 * RDF terms through {@link ParameterizedSparqlString} (never spliced), rows as maps from variable
 * name to node. Callers run it inside a read transaction.
 *
 * <pre>
 * var q = Sparql.query("SELECT ?l WHERE { ?e rdfs:label ?l }");
 * q.setIri("e", iri);
 * List&lt;Sparql.Row&gt; rows = Sparql.select(dsg, q);
 * </pre>
 */
final class Sparql {
    static final String PREFIXES = """
            PREFIX kg:      <https://w3id.org/pharmakg/ontology#>
            PREFIX rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
            PREFIX prov:    <http://www.w3.org/ns/prov#>
            PREFIX oa:      <http://www.w3.org/ns/oa#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;

    /** The relations shown between entities, in display order. */
    static final List<String> RELATIONS = List.of("partnerOf", "subsidiaryOf", "develops", "evaluates", "targets",
            "indication", "phase", "plannedPhase");

    /** The entity classes (local names under kg:). */
    static final List<String> TYPES = List.of("Company", "Compound", "Target", "Indication", "ClinicalTrial", "TrialPhase");

    static {
        org.pharmakg.store.PropertyFunctions.register();
    }

    private Sparql() {}

    /** A query over the explorer prefixes, ready for parameters. */
    static ParameterizedSparqlString query(String body) {
        return new ParameterizedSparqlString(PREFIXES + body);
    }

    /** Runs a SELECT; call inside a read transaction. */
    static List<Row> select(DatasetGraph dsg, ParameterizedSparqlString q) {
        List<Row> rows = new ArrayList<>();
        try (QueryExec qe = QueryExec.dataset(dsg).query(q.asQuery()).build()) {
            RowSet rs = qe.select();
            List<String> vars = rs.getResultVars().stream().map(v -> v.getVarName()).toList();
            rs.forEachRemaining(b -> {
                Map<String, Node> m = new HashMap<>();
                for (String v : vars) {
                    Node n = b.get(v);
                    if (n != null) m.put(v, n);
                }
                rows.add(new Row(m));
            });
        }
        return rows;
    }

    /** One result row. */
    record Row(Map<String, Node> values) {
        Node node(String v) { return values.get(v); }

        /** The lexical form of a literal, the IRI of a resource, or null when unbound. */
        String str(String v) {
            Node n = values.get(v);
            if (n == null) return null;
            if (n.isURI()) return n.getURI();
            if (n.isLiteral()) return n.getLiteralLexicalForm();
            return n.toString();
        }

        Integer integer(String v) { return number(v, Integer::valueOf); }

        Double decimal(String v) { return number(v, Double::valueOf); }

        /** The value parsed as a number, or null when unbound or not a number. */
        private <T> T number(String v, java.util.function.Function<String, T> parse) {
            String s = str(v);
            if (s == null) return null;
            try {
                return parse.apply(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /**
     * {@code VALUES ?var { <a> <b> }} for IRIs the store gave or the API checked, each written as an escaped RDF
     * term (never spliced as text), for queries over a set of entities.
     */
    static String values(String var, java.util.Collection<String> iris) {
        StringBuilder sb = new StringBuilder("VALUES ?").append(var).append(" {");
        for (String iri : iris) sb.append(' ').append(org.apache.jena.sparql.util.FmtUtils.stringForNode(org.apache.jena.graph.NodeFactory.createURI(iri)));
        return sb.append(" }").toString();
    }

    /** The entity's rdfs:label, else its IRI's local name; call inside a read transaction. */
    static String label(DatasetGraph dsg, String iri) {
        ParameterizedSparqlString q = query("SELECT ?l WHERE { ?e rdfs:label ?l } LIMIT 1");
        q.setIri("e", iri);
        List<Row> rows = select(dsg, q);
        return rows.isEmpty() ? localName(iri) : rows.get(0).str("l");
    }

    /** The local name after '#' (or the last '/'). */
    static String localName(String iri) {
        if (iri == null) return null;
        int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(i + 1);
    }
}
