package org.pharmakg.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.pharmakg.serve.Sparql.Row;
import org.pharmakg.store.NameSearch;

/**
 * What the explorer shows about single things: a name search, an entity with its facts and their
 * evidence, and a press release with its text. Results are plain maps and lists, ready for JSON.
 * Every user value reaches SPARQL as a bound RDF term.
 *
 * <pre>
 * List&lt;Map&lt;String, Object&gt;&gt; hits = EntityViews.search(dsg, "kadcyla", 50);
 * Optional&lt;Map&lt;String, Object&gt;&gt; e = EntityViews.entity(dsg, "https://w3id.org/pharmakg/id/company/bayer");
 * </pre>
 */
public final class EntityViews {
    /** Bounds of an entity answer: a hub of a large store has thousands of facts; the answer says when it was cut. */
    static final int MAX_FACTS = 500, MAX_EVIDENCE = 1_000, MAX_DOCUMENTS = 200;

    private EntityViews() {}

    /**
     * Entities whose label or an alternative label contains {@code q} (any case): iri, type, label
     * and the name that matched; exact matches first, then names starting with q, then names with a word
     * starting with q, then the rest; by label within each. Uses {@code kg:nameContains} (see {@link NameSearch}).
     */
    public static List<Map<String, Object>> search(DatasetGraph dsg, String q, int limit) { return search(dsg, q, limit, Sparql.TYPES); }

    /** As {@link #search(DatasetGraph, String, int)}, for entities of the given types only (local names: Company, Compound, …). */
    public static List<Map<String, Object>> search(DatasetGraph dsg, String q, int limit, List<String> types) {
        String needle = q == null ? "" : q.strip();
        if (needle.isEmpty()) return List.of();
        for (String t : types) {
            if (!Sparql.TYPES.contains(t)) throw new IllegalArgumentException("type must be one of " + Sparql.TYPES + "; got '" + t + "'");
        }
        // with a type filter, more name matches are read so that the best of those types are not crowded out
        int read = types.size() == Sparql.TYPES.size() ? Math.max(1, limit) : Math.max(1, limit) * 20;
        ParameterizedSparqlString pss = Sparql.query("""
                SELECT ?e ?class ?label ?matched ?name WHERE {
                  (?e ?matched ?rank) kg:nameContains (?q %d) .
                  VALUES ?class { %s }
                  ?e a ?class .
                  OPTIONAL { ?e rdfs:label ?label }
                  BIND(LCASE(STR(?label)) AS ?sortKey)
                  OPTIONAL { ?e rdfs:label|skos:altLabel ?name FILTER(LCASE(STR(?name)) = ?matched) }
                } ORDER BY ?rank ?sortKey ?e""".formatted(read, String.join(" ", types.stream().map(t -> "kg:" + t).toList())));
        pss.setLiteral("q", needle);
        Map<String, Map<String, Object>> hits = new LinkedHashMap<>();
        Txn.executeRead(dsg, () -> {
            for (Row r : Sparql.select(dsg, pss)) {
                String e = r.str("e");
                if (hits.containsKey(e)) continue;
                String matched = r.str("name") != null ? r.str("name") : r.str("matched");
                Map<String, Object> hit = new LinkedHashMap<>();
                hit.put("iri", e);
                hit.put("type", Sparql.localName(r.str("class")));
                hit.put("label", r.str("label") == null ? matched : r.str("label"));
                hit.put("matched", matched);
                hits.put(e, hit);
                if (hits.size() >= limit) break;
            }
        });
        return new ArrayList<>(hits.values());
    }

    /**
     * An entity: label, type, aliases, identifiers (with links where the scheme is known), facts
     * out and in grouped by relation, each fact with its evidence, and the releases mentioning it.
     * Empty when the IRI names nothing in the store.
     */
    public static Optional<Map<String, Object>> entity(DatasetGraph dsg, String iri) {
        return Txn.calculateRead(dsg, () -> {
            ParameterizedSparqlString basics = Sparql.query("""
                    SELECT ?p ?o WHERE {
                      ?e ?p ?o .
                      FILTER(?p IN (rdf:type, rdfs:label, skos:altLabel, skos:exactMatch, kg:ticker, kg:chemblId, kg:hgncId, kg:hgncSymbol, kg:uniprotId, kg:meshId))
                    }""");
            basics.setIri("e", iri);
            List<Row> rows = Sparql.select(dsg, basics);
            if (rows.isEmpty()) return Optional.empty();
            String label = null, type = null;
            List<String> aliases = new ArrayList<>();
            List<Map<String, Object>> ids = new ArrayList<>();
            for (Row r : rows) {
                String p = Sparql.localName(r.str("p")), o = r.str("o");
                switch (p) {
                    case "label" -> label = o;
                    case "altLabel" -> { if (!aliases.contains(o)) aliases.add(o); }
                    case "type" -> {
                        String t = Sparql.localName(o);
                        if (Sparql.TYPES.contains(t) || (type == null && r.node("o").isURI() && o.startsWith("https://w3id.org/pharmakg/ontology#"))) type = t;
                    }
                    default -> {
                        Map<String, Object> id = Identifiers.describe(p, o);
                        if (!ids.contains(id)) ids.add(id);
                    }
                }
            }
            aliases.sort(String.CASE_INSENSITIVE_ORDER);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("iri", iri);
            out.put("label", label == null ? Sparql.localName(iri) : label);
            out.put("type", type);
            out.put("aliases", aliases);
            out.put("identifiers", ids);
            Facts facts = Facts.of(dsg, iri);
            out.put("out", facts.outgoing());
            out.put("in", facts.incoming());
            List<Map<String, Object>> docs = mentionedIn(dsg, iri);
            boolean docsCut = docs.size() > MAX_DOCUMENTS;
            out.put("documents", docsCut ? docs.subList(0, MAX_DOCUMENTS) : docs);
            out.put("truncated", facts.truncated() || docsCut);
            out.put("limits", Map.of("facts", MAX_FACTS, "evidence", MAX_EVIDENCE, "documents", MAX_DOCUMENTS));
            return Optional.of(out);
        });
    }

    /** A press release: headline, release date, source file, every source (syndicated copies too), issuer and the cleaned text. */
    public static Optional<Map<String, Object>> document(DatasetGraph dsg, String iri) {
        ParameterizedSparqlString pss = Sparql.query("""
                SELECT ?headline ?date ?source ?text ?issuer ?issuerLabel WHERE {
                  ?d a kg:PressRelease .
                  OPTIONAL { ?d kg:headline ?headline }
                  OPTIONAL { ?d kg:releaseDate ?date }
                  OPTIONAL { ?d kg:sourceFile ?source }
                  OPTIONAL { ?d kg:text ?text }
                  OPTIONAL { ?d kg:issuer ?issuer . OPTIONAL { ?issuer rdfs:label ?issuerLabel } }
                }""");
        pss.setIri("d", iri);
        return Txn.calculateRead(dsg, () -> {
            List<Row> rows = Sparql.select(dsg, pss);
            if (rows.isEmpty()) return Optional.empty();
            Row r = rows.get(0);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("iri", iri);
            d.put("headline", r.str("headline"));
            d.put("date", r.str("date"));
            d.put("source", r.str("source"));
            if (r.str("issuer") != null) d.put("issuer", Map.of("iri", r.str("issuer"), "label", String.valueOf(r.str("issuerLabel"))));
            d.put("text", r.str("text") == null ? "" : r.str("text"));
            d.put("sources", sources(dsg, iri));
            return Optional.of(d);
        });
    }

    /** Every kg:source of a document (its URL or file, and those of its syndicated copies), sorted. */
    private static List<String> sources(DatasetGraph dsg, String iri) {
        ParameterizedSparqlString pss = Sparql.query("SELECT DISTINCT ?s WHERE { ?d kg:source ?s } ORDER BY ?s");
        pss.setIri("d", iri);
        List<String> out = new ArrayList<>();
        for (Row r : Sparql.select(dsg, pss)) out.add(r.str("s"));
        return out;
    }

    private static List<Map<String, Object>> mentionedIn(DatasetGraph dsg, String iri) {
        ParameterizedSparqlString pss = Sparql.query("""
                SELECT DISTINCT ?d ?headline ?date WHERE {
                  ?d kg:mentions ?e . OPTIONAL { ?d kg:headline ?headline } OPTIONAL { ?d kg:releaseDate ?date }
                } ORDER BY DESC(?date) ?d LIMIT %d""".formatted(MAX_DOCUMENTS + 1));
        pss.setIri("e", iri);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Row r : Sparql.select(dsg, pss)) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("iri", r.str("d"));
            d.put("headline", r.str("headline"));
            d.put("date", r.str("date"));
            docs.add(d);
        }
        return docs;
    }

    /** The facts around one entity, with their evidence. */
    private record Facts(List<Map<String, Object>> outgoing, List<Map<String, Object>> incoming, boolean truncated) {
        static Facts of(DatasetGraph dsg, String iri) {
            ParameterizedSparqlString ev = Sparql.query("""
                    SELECT DISTINCT ?ev ?s ?p ?o ?sentence ?start ?end ?doc ?date ?headline ?extractor ?confidence ?status WHERE {
                      { ?ev rdf:subject ?e } UNION { ?ev rdf:object ?e }
                      ?ev a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                      OPTIONAL { ?ev kg:sentence ?sentence }
                      OPTIONAL { ?ev oa:hasSelector ?sel . ?sel oa:start ?start ; oa:end ?end }
                      OPTIONAL { ?ev prov:wasDerivedFrom ?doc .
                                 OPTIONAL { ?doc kg:releaseDate ?date } OPTIONAL { ?doc kg:headline ?headline } }
                      OPTIONAL { ?ev kg:extractor ?extractor }
                      OPTIONAL { ?ev kg:confidence ?confidence }
                      OPTIONAL { ?ev kg:status ?status }
                    } ORDER BY ?date ?doc ?start ?ev LIMIT %d""".formatted(MAX_EVIDENCE + 1));
            ev.setIri("e", iri);
            Map<String, List<Map<String, Object>>> evidence = new LinkedHashMap<>();
            List<Row> evRows = Sparql.select(dsg, ev);
            boolean cut = evRows.size() > MAX_EVIDENCE;
            for (Row r : cut ? evRows.subList(0, MAX_EVIDENCE) : evRows) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("iri", r.str("ev"));
                e.put("sentence", r.str("sentence"));
                e.put("start", r.integer("start"));
                e.put("end", r.integer("end"));
                e.put("date", r.str("date"));
                e.put("document", r.str("doc"));
                e.put("headline", r.str("headline"));
                e.put("extractor", r.str("extractor"));
                e.put("confidence", r.decimal("confidence"));
                e.put("status", r.str("status") == null ? null : Sparql.localName(r.str("status")));
                String key = r.str("s") + " " + r.str("p") + " " + r.str("o");
                evidence.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            }
            ParameterizedSparqlString facts = Sparql.query("""
                    SELECT DISTINCT ?s ?p ?o ?dir ?label ?class WHERE {
                      VALUES ?p { kg:partnerOf kg:subsidiaryOf kg:develops kg:evaluates kg:targets kg:indication kg:phase kg:plannedPhase }
                      { ?e ?p ?o . BIND(?e AS ?s) BIND(?o AS ?other) BIND("out" AS ?dir) }
                      UNION
                      { ?s ?p ?e . BIND(?e AS ?o) BIND(?s AS ?other) BIND("in" AS ?dir) }
                      OPTIONAL { ?other rdfs:label ?label }
                      OPTIONAL { VALUES ?class { kg:Company kg:Compound kg:Target kg:Indication kg:ClinicalTrial kg:TrialPhase }
                                 ?other a ?class }
                    } ORDER BY LCASE(STR(?label)) LIMIT %d""".formatted(MAX_FACTS + 1));
            facts.setIri("e", iri);
            Map<String, Map<String, Map<String, Object>>> out = new TreeMap<>(Comparator.comparing(Facts::relationOrder));
            Map<String, Map<String, Map<String, Object>>> in = new TreeMap<>(Comparator.comparing(Facts::relationOrder));
            List<Row> factRows = Sparql.select(dsg, facts);
            cut |= factRows.size() > MAX_FACTS;
            for (Row r : factRows.size() > MAX_FACTS ? factRows.subList(0, MAX_FACTS) : factRows) {
                String s = r.str("s"), p = r.str("p"), o = r.str("o");
                String rel = Sparql.localName(p);
                boolean symmetric = rel.equals("partnerOf");
                boolean outgoing = "out".equals(r.str("dir")) || symmetric;
                String other = iri.equals(s) ? o : s;
                var group = (outgoing ? out : in).computeIfAbsent(rel, k -> new LinkedHashMap<>());
                Map<String, Object> fact = group.computeIfAbsent(other, k -> {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("iri", other);
                    f.put("label", r.str("label") == null ? Sparql.localName(other) : r.str("label"));
                    f.put("type", r.str("class") == null ? null : Sparql.localName(r.str("class")));
                    f.put("evidence", new ArrayList<Map<String, Object>>());
                    return f;
                });
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> list = (List<Map<String, Object>>) fact.get("evidence");
                List<String> keys = new ArrayList<>(List.of(s + " " + p + " " + o));
                if (symmetric) keys.add(o + " " + p + " " + s);
                for (String k : keys) {
                    for (Map<String, Object> e : evidence.getOrDefault(k, List.of())) if (!list.contains(e)) list.add(e);
                }
            }
            return new Facts(groups(out), groups(in), cut);
        }

        private static List<Map<String, Object>> groups(Map<String, Map<String, Map<String, Object>>> byRelation) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (var e : byRelation.entrySet()) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("relation", e.getKey());
                g.put("facts", new ArrayList<>(e.getValue().values()));
                out.add(g);
            }
            return out;
        }

        private static int relationOrder(String rel) {
            int i = Sparql.RELATIONS.indexOf(rel);
            return i < 0 ? Sparql.RELATIONS.size() : i;
        }
    }
}
