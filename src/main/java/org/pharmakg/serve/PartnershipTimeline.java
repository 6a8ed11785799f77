package org.pharmakg.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.pharmakg.serve.Sparql.Row;

/**
 * A company's partnerships and deals on a time axis: one row per partner (or owner, or unit) with the dates of the
 * releases stating the tie and the company's deals with it (kind, event, date), earliest tie first. Bounded: at
 * most {@code limit} partners, {@code truncated} when there are more.
 *
 * <pre>Map&lt;String, Object&gt; t = PartnershipTimeline.of(dsg, "https://w3id.org/pharmakg/id/company/immunogen", 100);</pre>
 */
public final class PartnershipTimeline {
    public static final int MAX_PARTNERS = 200;
    /** Dates kept per partner row: the first and the latest matter, the rest is density. */
    private static final int MAX_DATES = 50;

    private PartnershipTimeline() {}

    public static Map<String, Object> of(DatasetGraph dsg, String company, int limit) {
        int max = Math.max(1, Math.min(limit, MAX_PARTNERS));
        return Txn.calculateRead(dsg, () -> {
            Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
            var ties = Sparql.query("""
                    SELECT DISTINCT ?other ?p ?date ?label WHERE {
                      VALUES ?p { kg:partnerOf kg:subsidiaryOf }
                      { ?c ?p ?other } UNION { ?other ?p ?c }
                      FILTER(?other != ?c)
                      OPTIONAL { { ?ev rdf:subject ?c ; rdf:object ?other } UNION { ?ev rdf:subject ?other ; rdf:object ?c }
                                 ?ev rdf:predicate ?p ; prov:wasDerivedFrom ?doc . ?doc kg:releaseDate ?date }
                      OPTIONAL { ?other rdfs:label ?label }
                    }""");
            ties.setIri("c", company);
            for (Row r : Sparql.select(dsg, ties)) {
                Map<String, Object> row = row(rows, r);
                addTo(row, "relations", Sparql.localName(r.str("p")));
                if (r.str("date") != null) addTo(row, "dates", r.str("date"));
            }
            List<Network.Edge> deals = DealViews.edges(dsg, null, null, List.of(company));
            for (Network.Edge e : deals) {
                String other = e.source().equals(company) ? e.target() : e.target().equals(company) ? e.source() : null;
                if (other == null) continue;
                Map<String, Object> row = rows.computeIfAbsent(other, k -> newRow(k, null));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> ds = (List<Map<String, Object>>) row.computeIfAbsent("deals", k -> new ArrayList<>());
                Map<String, Object> d = new LinkedHashMap<>(e.attributes());
                d.put("direction", e.source().equals(company) ? "to" : "from");
                if (ds.stream().noneMatch(x -> x.get("deal").equals(d.get("deal")))) ds.add(d);
            }
            labels(dsg, rows);
            List<Map<String, Object>> all = new ArrayList<>(rows.values());
            for (Map<String, Object> row : all) finish(row);
            all.sort(Comparator.comparing((Map<String, Object> m) -> m.get("first") == null ? "9999" : (String) m.get("first"))
                    .thenComparing(m -> ((String) m.get("label")).toLowerCase(java.util.Locale.ROOT)));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("company", company);
            out.put("label", Sparql.label(dsg, company));
            out.put("partners", all.subList(0, Math.min(max, all.size())));
            out.put("total", all.size());
            out.put("truncated", all.size() > max);
            out.put("limit", max);
            return out;
        });
    }

    private static Map<String, Object> row(Map<String, Map<String, Object>> rows, Row r) {
        Map<String, Object> row = rows.computeIfAbsent(r.str("other"), k -> newRow(k, r.str("label")));
        if (row.get("label") == null && r.str("label") != null) row.put("label", r.str("label"));
        return row;
    }

    private static Map<String, Object> newRow(String iri, String label) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iri", iri);
        m.put("label", label);
        m.put("relations", new TreeSet<String>());
        m.put("dates", new TreeSet<String>());
        m.put("deals", new ArrayList<Map<String, Object>>());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void addTo(Map<String, Object> row, String key, String value) { ((TreeSet<String>) row.get(key)).add(value); }

    /** first and last dates over ties and deals; the dates cut to the first and latest {@link #MAX_DATES}. */
    @SuppressWarnings("unchecked")
    private static void finish(Map<String, Object> row) {
        TreeSet<String> dates = (TreeSet<String>) row.get("dates");
        TreeSet<String> every = new TreeSet<>(dates);
        for (Map<String, Object> d : (List<Map<String, Object>>) row.get("deals")) if (d.get("date") != null) every.add((String) d.get("date"));
        row.put("first", every.isEmpty() ? null : every.first());
        row.put("last", every.isEmpty() ? null : every.last());
        List<String> kept = new ArrayList<>(dates);
        if (kept.size() > MAX_DATES) kept = new ArrayList<>(kept.subList(0, MAX_DATES / 2));
        if (dates.size() > MAX_DATES) kept.addAll(new ArrayList<>(dates).subList(dates.size() - MAX_DATES / 2, dates.size()));
        row.put("dates", kept);
        row.put("datesCut", dates.size() > MAX_DATES);
        row.put("relations", new ArrayList<>((TreeSet<String>) row.get("relations")));
    }

    private static void labels(DatasetGraph dsg, Map<String, Map<String, Object>> rows) {
        List<String> missing = rows.entrySet().stream().filter(e -> e.getValue().get("label") == null).map(Map.Entry::getKey).toList();
        if (!missing.isEmpty()) {
            for (Row r : Sparql.select(dsg, Sparql.query("SELECT ?e ?l WHERE { %s ?e rdfs:label ?l }".formatted(Sparql.values("e", missing))))) {
                rows.get(r.str("e")).putIfAbsent("label", r.str("l"));   // a null label counts as absent
            }
        }
        rows.forEach((iri, row) -> { if (row.get("label") == null) row.put("label", Sparql.localName(iri)); });
    }
}
