package org.pharmakg.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.pharmakg.serve.Sparql.Row;
import org.pharmakg.store.StoreViews;

/**
 * The development pipeline, a page at a time: compounds filtered by developer, target, indication, highest phase
 * or name, sorted and paged on the server, each row with its developers, targets, indications, highest achieved
 * phase (and the date a release first stated it) and its phase timeline. The filter and sort keys of every
 * compound are kept in memory per store state, so a page of 10,000 compounds costs what a page of 50 does; the
 * row details are read for the page's rows only.
 *
 * <pre>
 * Map&lt;String, Object&gt; page = PipelineView.page(dsg, PipelineView.Filter.builder().target(her2).sort("phase", true).build());
 * </pre>
 */
public final class PipelineView {
    public static final int MAX_LIMIT = 500;
    public static final List<String> SORTS = List.of("label", "phase", "latest");

    private PipelineView() {}

    /** What to show: IRIs of a developer, target and indication, a phase label, a name part; sort and page. */
    public record Filter(String company, String target, String indication, String phase, String name,
                         String sort, boolean descending, int offset, int limit) {
        public Filter {
            sort = sort == null || sort.isBlank() ? "label" : sort;
            if (!SORTS.contains(sort)) throw new IllegalArgumentException("sort must be one of " + SORTS + "; got '" + sort + "'");
            if (offset < 0) throw new IllegalArgumentException("offset must be 0 or more; got " + offset);
            if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + "; got " + limit);
            name = name == null || name.isBlank() ? null : name.strip().toLowerCase(Locale.ROOT);
            phase = phase == null || phase.isBlank() ? null : phase;
        }

        /** Every compound, by name, the first 25. */
        public static Filter all() { return builder().build(); }

        public static Builder builder() { return new Builder(); }

        /** {@code Filter.builder().target(her2).sort("phase", true).page(0, 25).build()}. */
        public static final class Builder {
            private String company, target, indication, phase, name, sort = "label";
            private boolean descending;
            private int offset, limit = 25;

            public Builder company(String iri) { company = iri; return this; }
            public Builder target(String iri) { target = iri; return this; }
            public Builder indication(String iri) { indication = iri; return this; }
            public Builder phase(String label) { phase = label; return this; }
            public Builder name(String part) { name = part; return this; }
            public Builder sort(String key, boolean desc) { sort = key; descending = desc; return this; }
            public Builder page(int off, int lim) { offset = off; limit = lim; return this; }
            public Filter build() { return new Filter(company, target, indication, phase, name, sort, descending, offset, limit); }
        }
    }

    /** One compound's filter and sort keys. */
    record Key(String iri, String label, Set<String> developers, Set<String> targets, Set<String> indications,
               int order, String phase, String phaseDate, String latest) {
        Key {
            Objects.requireNonNull(iri, "iri");
        }
    }

    /** A page of the pipeline: {phases, compounds (the rows), total, offset, limit, more, truncated}. */
    public static Map<String, Object> page(DatasetGraph dsg, Filter f) {
        return Txn.calculateRead(dsg, () -> {
            List<Key> all = StoreViews.get(dsg, "pipeline-keys", PipelineView::keys);
            List<Key> hits = new ArrayList<>();
            for (Key k : all) if (passes(k, f)) hits.add(k);
            Comparator<Key> by = switch (f.sort()) {
                case "phase" -> Comparator.comparingInt(Key::order);
                case "latest" -> Comparator.comparing((Key k) -> k.latest() == null ? "" : k.latest());
                default -> Comparator.comparing((Key k) -> k.label().toLowerCase(Locale.ROOT));
            };
            if (f.descending()) by = by.reversed();
            hits.sort(by.thenComparing(k -> k.label().toLowerCase(Locale.ROOT)).thenComparing(Key::iri));
            List<Key> rows = hits.subList(Math.min(f.offset(), hits.size()), Math.min(f.offset() + f.limit(), hits.size()));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("phases", phases(dsg));
            Map<String, Object> filters = new LinkedHashMap<>();
            for (String[] kv : new String[][] {{"company", f.company()}, {"target", f.target()}, {"indication", f.indication()}}) {
                if (kv[1] != null) filters.put(kv[0], entry("iri", kv[1], "label", Sparql.label(dsg, kv[1])));
            }
            out.put("filters", filters);
            out.put("compounds", details(dsg, rows));
            out.put("total", hits.size());
            out.put("offset", f.offset());
            out.put("limit", f.limit());
            boolean more = f.offset() + rows.size() < hits.size();
            out.put("more", more);
            out.put("truncated", more || f.offset() > 0);
            return out;
        });
    }

    private static boolean passes(Key k, Filter f) {
        return (f.company() == null || k.developers().contains(f.company()))
                && (f.target() == null || k.targets().contains(f.target()))
                && (f.indication() == null || k.indications().contains(f.indication()))
                && (f.phase() == null || f.phase().equals(k.phase()) || f.phase().equals("none") && k.phase() == null)
                && (f.name() == null || k.label().toLowerCase(Locale.ROOT).contains(f.name()));
    }

    private static List<Map<String, Object>> phases(DatasetGraph dsg) {
        List<Map<String, Object>> phases = new ArrayList<>();
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT DISTINCT ?ph ?label ?order WHERE { ?ph kg:stageOrder ?order ; rdfs:label ?label } ORDER BY ?order"""))) {
            phases.add(entry("iri", r.str("ph"), "label", r.str("label"), "order", r.integer("order")));
        }
        return phases;
    }

    /** Every compound's keys; call inside a read transaction. */
    static List<Key> keys(DatasetGraph dsg) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Row r : Sparql.select(dsg, Sparql.query("SELECT ?x (SAMPLE(?l) AS ?label) WHERE { ?x a kg:Compound . OPTIONAL { ?x rdfs:label ?l } } GROUP BY ?x"))) {
            labels.put(r.str("x"), r.str("label") == null ? Sparql.localName(r.str("x")) : r.str("label"));
        }
        Map<String, Map<String, Set<String>>> links = new HashMap<>();
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT DISTINCT ?x ?list ?other WHERE {
                  { ?other kg:develops ?x . BIND("developers" AS ?list) }
                  UNION { ?x kg:targets ?other . BIND("targets" AS ?list) }
                  UNION { ?x kg:indication ?other . BIND("indications" AS ?list) }
                }"""))) {
            links.computeIfAbsent(r.str("x"), k -> new HashMap<>()).computeIfAbsent(r.str("list"), k -> new LinkedHashSet<>()).add(r.str("other"));
        }
        Map<String, Integer> order = new HashMap<>();
        Map<String, String> phase = new HashMap<>();
        for (Row r : Sparql.select(dsg, Sparql.query("SELECT DISTINCT ?x ?label ?order WHERE { ?x kg:phase ?ph . ?ph rdfs:label ?label ; kg:stageOrder ?order }"))) {
            Integer o = r.integer("order");
            if (o != null && o > order.getOrDefault(r.str("x"), -1)) {
                order.put(r.str("x"), o);
                phase.put(r.str("x"), r.str("label"));
            }
        }
        Map<String, String> phaseDate = new HashMap<>(), latest = new HashMap<>();
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT ?x ?order ?rel (MIN(?date) AS ?first) (MAX(?date) AS ?last) WHERE {
                  VALUES ?rel { kg:phase kg:plannedPhase }
                  ?ev rdf:predicate ?rel ; rdf:subject ?x ; rdf:object ?ph ; prov:wasDerivedFrom ?doc .
                  ?doc kg:releaseDate ?date . OPTIONAL { ?ph kg:stageOrder ?order }
                } GROUP BY ?x ?order ?rel"""))) {
            String x = r.str("x");
            latest.merge(x, r.str("last"), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            if (r.str("rel").endsWith("#phase") && Objects.equals(r.integer("order"), order.get(x))) {
                phaseDate.merge(x, r.str("first"), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        List<Key> out = new ArrayList<>(labels.size());
        for (var e : labels.entrySet()) {
            String x = e.getKey();
            Map<String, Set<String>> l = links.getOrDefault(x, Map.of());
            out.add(new Key(x, e.getValue(), l.getOrDefault("developers", Set.of()), l.getOrDefault("targets", Set.of()),
                    l.getOrDefault("indications", Set.of()), order.getOrDefault(x, -1), phase.get(x), phaseDate.get(x), latest.get(x)));
        }
        return List.copyOf(out);
    }

    /** The page's rows with the names of their developers, targets and indications and their phase timelines. */
    private static List<Map<String, Object>> details(DatasetGraph dsg, List<Key> rows) {
        Map<String, Map<String, Object>> compounds = new LinkedHashMap<>();
        for (Key k : rows) {
            Map<String, Object> c = entry("iri", k.iri(), "label", k.label());
            c.put("developers", new ArrayList<>());
            c.put("targets", new ArrayList<>());
            c.put("indications", new ArrayList<>());
            c.put("highestPhase", k.phase() == null ? null : entry("label", k.phase(), "order", k.order(), "date", k.phaseDate()));
            c.put("latest", k.latest());
            c.put("timeline", new ArrayList<>());
            compounds.put(k.iri(), c);
        }
        if (rows.isEmpty()) return List.of();
        String values = Sparql.values("x", compounds.keySet());
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT DISTINCT ?x ?list ?other ?label WHERE {
                  %s
                  { ?other kg:develops ?x . BIND("developers" AS ?list) }
                  UNION { ?x kg:targets ?other . BIND("targets" AS ?list) }
                  UNION { ?x kg:indication ?other . BIND("indications" AS ?list) }
                  OPTIONAL { ?other rdfs:label ?label }
                } ORDER BY LCASE(STR(?label))""".formatted(values)))) {
            Map<String, Object> c = compounds.get(r.str("x"));
            String other = r.str("other");
            List<Map<String, Object>> list = list(c, r.str("list"));
            if (list.stream().noneMatch(m -> other.equals(m.get("iri")))) {
                list.add(entry("iri", other, "label", r.str("label") == null ? Sparql.localName(other) : r.str("label")));
            }
        }
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT DISTINCT ?x ?ph ?label ?order ?rel ?status ?date ?doc ?headline ?sentence WHERE {
                  %s
                  ?ev rdf:subject ?x ; rdf:predicate ?rel .
                  FILTER(?rel IN (kg:phase, kg:plannedPhase))   # from the page's compounds: a VALUES on ?rel reads every phase statement
                  ?ev rdf:object ?ph .
                  OPTIONAL { ?ph rdfs:label ?label }
                  OPTIONAL { ?ph kg:stageOrder ?order }
                  OPTIONAL { ?ev kg:status ?status }
                  OPTIONAL { ?ev kg:sentence ?sentence }
                  OPTIONAL { ?ev prov:wasDerivedFrom ?doc .
                             OPTIONAL { ?doc kg:releaseDate ?date } OPTIONAL { ?doc kg:headline ?headline } }
                } ORDER BY ?x ?date ?order ?doc""".formatted(values)))) {
            boolean planned = r.str("rel").endsWith("plannedPhase")
                    || (r.str("status") != null && r.str("status").endsWith("Planned"));
            Map<String, Object> step = entry("phase", r.str("label"), "order", r.integer("order"),
                    "date", r.str("date"), "status", planned ? "Planned" : "Achieved");
            step.put("document", r.str("doc"));
            step.put("headline", r.str("headline"));
            step.put("sentence", r.str("sentence"));
            list(compounds.get(r.str("x")), "timeline").add(step);
        }
        return new ArrayList<>(compounds.values());
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
