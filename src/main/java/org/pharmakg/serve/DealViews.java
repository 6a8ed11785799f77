package org.pharmakg.serve;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.pharmakg.serve.Sparql.Row;

/**
 * What the explorer shows of deals: a filtered, sorted page of the deals table with the evidence of every term,
 * the deal edges of the partner network, and money as people write it ("$13M"). Results are plain maps, ready
 * for JSON; every user value reaches SPARQL as a bound term or is compared in Java.
 *
 * <pre>
 * Map&lt;String, Object&gt; page = DealViews.page(dsg, DealViews.Filter.builder().kind("licence").sort("upfront").build());
 * List&lt;Network.Edge&gt; edges = DealViews.edges(dsg, 2013, 2015);
 * </pre>
 */
public final class DealViews {
    /** Rows of one page at most (the API refuses more). */
    public static final int MAX_LIMIT = 100;

    private static final java.util.regex.Pattern SAFE_IRI = java.util.regex.Pattern.compile("https?://[^\\s<>\"{}|^`\\\\]+");

    private DealViews() {}

    /** Which deals, in which order, which page. Years and the minimum upfront may be null (no bound). */
    public record Filter(String kind, Integer fromYear, Integer toYear, BigDecimal minUpfront, String currency,
                         String entity, String sort, boolean descending, int offset, int limit) {
        public static final List<String> KINDS = List.of("licence", "collaboration", "option", "acquisition");
        public static final List<String> SORTS = List.of("date", "upfront", "total");

        public Filter {
            kind = kind == null || kind.isBlank() ? null : kind.strip().toLowerCase(Locale.ROOT);
            if (kind != null && !KINDS.contains(kind)) throw new IllegalArgumentException("kind must be one of " + KINDS + "; got '" + kind + "'");
            sort = sort == null || sort.isBlank() ? "date" : sort.strip().toLowerCase(Locale.ROOT);
            if (!SORTS.contains(sort)) throw new IllegalArgumentException("sort must be one of " + SORTS + "; got '" + sort + "'");
            currency = currency == null || currency.isBlank() ? "USD" : currency.strip().toUpperCase(Locale.ROOT);
            if (!currency.matches("[A-Z]{3}")) throw new IllegalArgumentException("currency must be an ISO 4217 code like USD; got '" + currency + "'");
            if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
            if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + "; got " + limit);
        }

        public static Builder builder() { return new Builder(); }

        /** Settings of a {@link Filter}; everything optional (newest first, 25 a page). */
        public static final class Builder {
            private String kind, currency, entity, sort = "date";
            private Integer from, to;
            private BigDecimal minUpfront;
            private boolean descending = true;
            private int offset, limit = 25;

            public Builder kind(String k) { kind = k; return this; }
            public Builder years(Integer f, Integer t) { from = f; to = t; return this; }
            public Builder minUpfront(BigDecimal m, String cur) { minUpfront = m; currency = cur; return this; }
            /** Only deals with this company as a party or this compound covered. */
            public Builder entity(String iri) { entity = iri; return this; }
            public Builder sort(String key, boolean desc) { sort = key; descending = desc; return this; }
            public Builder sort(String key) { return sort(key, true); }
            public Builder page(int off, int lim) { offset = off; limit = lim; return this; }
            public Filter build() { return new Filter(kind, from, to, minUpfront, currency, entity, sort, descending, offset, limit); }
        }
    }

    /** One deal's sortable summary. */
    private record Summary(String iri, String date, String kind, Money upfront, Money total) {}

    /** An amount with its currency. */
    private record Money(BigDecimal amount, String currency) {}

    /**
     * A page of deals: {@code deals} (each with its terms and their evidence), {@code total} (deals matching the
     * filter), {@code offset}, {@code limit}, {@code more} (true when the page was cut: more deals match), and for
     * the filter controls {@code years} and {@code currencies} (of upfronts) of all the deals.
     */
    public static Map<String, Object> page(DatasetGraph dsg, Filter f) {
        return Txn.calculateRead(dsg, () -> {
            // every deal's summary is kept per store state (a page of 10,000 deals costs what one of 50 does); an
            // entity's deals are few and read each time
            List<Summary> every = f.entity() == null
                    ? org.pharmakg.store.StoreViews.get(dsg, "deal-summaries", d -> List.copyOf(summaries(d, null)))
                    : summaries(dsg, f.entity());
            java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
            java.util.TreeSet<String> currencies = new java.util.TreeSet<>();
            for (Summary s : every) {
                Integer y = GraphViews.year(s.date());
                if (y != null) years.add(y);
                if (s.upfront() != null && !s.upfront().currency().isEmpty()) currencies.add(s.upfront().currency());
            }
            List<Summary> all = new ArrayList<>(every.stream().filter(s -> passes(s, f)).toList());
            Comparator<Summary> order = switch (f.sort()) {
                case "upfront" -> Comparator.comparing((Summary s) -> s.upfront() == null ? null : s.upfront().amount(),
                        Comparator.nullsFirst(Comparator.naturalOrder()));
                case "total" -> Comparator.comparing((Summary s) -> s.total() == null ? null : s.total().amount(),
                        Comparator.nullsFirst(Comparator.naturalOrder()));
                default -> Comparator.comparing(Summary::date);
            };
            if (f.descending()) order = order.reversed();
            // a deal without the sorted term goes last either way; ties newest first, then by IRI
            Comparator<Summary> missingLast = Comparator.comparing(s -> !f.sort().equals("date") && missing(s, f.sort()));
            all.sort(missingLast.thenComparing(order).thenComparing(Summary::date, Comparator.reverseOrder()).thenComparing(Summary::iri));
            int from = Math.min(f.offset(), all.size()), to = Math.min(all.size(), from + f.limit());
            List<String> iris = all.subList(from, to).stream().map(Summary::iri).toList();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("deals", details(dsg, iris));
            out.put("total", all.size());
            out.put("offset", from);
            out.put("limit", f.limit());
            out.put("more", to < all.size());
            out.put("years", new ArrayList<>(years));
            out.put("currencies", new ArrayList<>(currencies));
            if (f.entity() != null) {
                ParameterizedSparqlString l = Sparql.query("SELECT ?l WHERE { ?e rdfs:label ?l } LIMIT 1");
                l.setIri("e", f.entity());
                Sparql.select(dsg, l).stream().findFirst().ifPresent(r -> out.put("entityLabel", r.str("l")));
            }
            return out;
        });
    }

    private static boolean missing(Summary s, String sort) {
        return sort.equals("upfront") ? s.upfront() == null : s.total() == null;
    }

    /** Every deal (of the entity, when given: as a party or a compound covered) with what filters and sorting need. */
    private static List<Summary> summaries(DatasetGraph dsg, String entity) {
        ParameterizedSparqlString q = Sparql.query("""
                SELECT ?deal (SAMPLE(?date0) AS ?date) (SAMPLE(?kindIri) AS ?kind)
                       (SAMPLE(?ua) AS ?upfront) (SAMPLE(?uc) AS ?upfrontCurrency) (SAMPLE(?ta) AS ?total) (SAMPLE(?tc) AS ?totalCurrency)
                WHERE {
                  %s
                  ?deal kg:announcedIn ?doc .
                  OPTIONAL { ?deal kg:dealDate ?dd }
                  OPTIONAL { ?doc kg:releaseDate ?rd }
                  BIND(STR(COALESCE(?dd, ?rd, "")) AS ?date0)
                  OPTIONAL { ?deal kg:dealKind ?kindIri }
                  OPTIONAL { ?deal kg:upfront ?u . ?u kg:amount ?ua ; kg:currency ?uc }
                  OPTIONAL { ?deal kg:totalValue ?t . ?t kg:amount ?ta ; kg:currency ?tc }
                } GROUP BY ?deal""".formatted(entity == null ? "?deal a kg:Deal ."
                : "{ ?deal kg:party ?entity } UNION { ?deal kg:covers ?entity } ?deal a kg:Deal ."));
        if (entity != null) q.setIri("entity", entity);
        List<Summary> out = new ArrayList<>();
        for (Row r : Sparql.select(dsg, q)) {
            String date = r.str("date") == null ? "" : r.str("date");
            String kind = r.str("kind") == null ? null : Sparql.localName(r.str("kind")).toLowerCase(Locale.ROOT);
            out.add(new Summary(r.str("deal"), date, kind, money(r.str("upfront"), r.str("upfrontCurrency")),
                    money(r.str("total"), r.str("totalCurrency"))));
        }
        return out;
    }

    private static boolean passes(Summary s, Filter f) {
        Integer year = GraphViews.year(s.date());
        if (f.kind() != null && !f.kind().equals(s.kind())) return false;
        if (f.fromYear() != null && (year == null || year < f.fromYear())) return false;
        if (f.toYear() != null && (year == null || year > f.toYear())) return false;
        return f.minUpfront() == null || s.upfront() != null && s.upfront().currency().equals(f.currency())
                && s.upfront().amount().compareTo(f.minUpfront()) >= 0;
    }

    private static Money money(String amount, String currency) {
        if (amount == null) return null;
        try {
            return new Money(new BigDecimal(amount.strip()), currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The deals with every term and its evidence, in the order given; call inside a read transaction. */
    static List<Map<String, Object>> details(DatasetGraph dsg, List<String> iris) {
        // the deal IRIs come from the store, never from a request; one that could not be written as <IRI> is left out
        iris = iris.stream().filter(i -> SAFE_IRI.matcher(i).matches()).toList();
        if (iris.isEmpty()) return List.of();
        String values = "VALUES ?deal { " + String.join(" ", iris.stream().map(i -> "<" + i + ">").toList()) + " }";
        Map<String, Map<String, Object>> deals = new LinkedHashMap<>();
        for (String i : iris) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("iri", i);
            d.put("parties", new ArrayList<Map<String, Object>>());
            d.put("assets", new ArrayList<Map<String, Object>>());
            deals.put(i, d);
        }
        Map<String, Map<String, Object>> evidence = evidence(dsg, values);
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT ?deal ?p ?o ?label ?amount ?currency ?text WHERE {
                  %s
                  ?deal ?p ?o .
                  OPTIONAL { ?o rdfs:label ?label FILTER(isIRI(?o)) }
                  OPTIONAL { ?o kg:amount ?amount ; kg:currency ?currency . OPTIONAL { ?o kg:amountText ?text } }
                }""".formatted(values)))) {
            Map<String, Object> d = deals.get(r.str("deal"));
            String p = Sparql.localName(r.str("p")), o = r.str("o");
            Map<String, Object> ev = evidence.get(r.str("deal") + " " + r.str("p") + " " + key(r.node("o")));
            switch (p) {
                case "label" -> d.put("label", o);
                case "announcedIn" -> d.put("release", Map.of("iri", o));
                case "dealDate" -> d.put("dealDate", o);
                case "dealKind" -> d.put("kind", term(Sparql.localName(o).toLowerCase(Locale.ROOT), ev));
                case "dealEvent" -> d.put("event", term(Sparql.localName(o).toLowerCase(Locale.ROOT), ev));
                case "party" -> addOnce(d, "parties", entity(o, r.str("label"), ev));
                case "covers" -> addOnce(d, "assets", entity(o, r.str("label"), ev));
                case "licensor", "licensee" -> d.put(p, entity(o, r.str("label"), ev));
                case "upfront", "equity", "milestones", "totalValue" -> {
                    if (r.str("amount") == null) break;
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("amount", plain(r.str("amount")));
                    m.put("currency", r.str("currency"));
                    m.put("text", r.str("text"));
                    m.put("label", format(r.str("amount"), r.str("currency")));
                    m.put("evidence", ev);
                    d.put(p.equals("totalValue") ? "total" : p, m);
                }
                case "royalties" -> d.put("royalties", term(Boolean.parseBoolean(o), ev));
                case "royaltyTerms" -> d.put("royaltyTerms", term(o, ev));
                case "territory" -> d.put("territory", term(o, ev));
                case "sameAgreement" -> { }
                default -> { }
            }
        }
        releases(dsg, values, deals);
        for (Map<String, Object> d : deals.values()) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parties = (List<Map<String, Object>>) d.get("parties");
            parties.sort(Comparator.comparing(m -> String.valueOf(m.get("label")).toLowerCase(Locale.ROOT)));
        }
        return new ArrayList<>(deals.values());
    }

    /** Release headline and date, the deal's date (its own, else the release's) and the size of its agreement. */
    private static void releases(DatasetGraph dsg, String values, Map<String, Map<String, Object>> deals) {
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT ?deal ?doc ?headline ?date (COUNT(DISTINCT ?other) AS ?others) WHERE {
                  %s
                  ?deal kg:announcedIn ?doc .
                  OPTIONAL { ?doc kg:headline ?headline }
                  OPTIONAL { ?doc kg:releaseDate ?date }
                  OPTIONAL { ?deal kg:sameAgreement ?other }
                } GROUP BY ?deal ?doc ?headline ?date""".formatted(values)))) {
            Map<String, Object> d = deals.get(r.str("deal"));
            Map<String, Object> rel = new LinkedHashMap<>();
            rel.put("iri", r.str("doc"));
            rel.put("headline", r.str("headline"));
            rel.put("date", r.str("date"));
            d.put("release", rel);
            d.put("date", d.containsKey("dealDate") ? d.remove("dealDate") : r.str("date"));
            d.put("agreementDeals", 1 + Objects.requireNonNullElse(r.integer("others"), 0));
        }
    }

    /** Evidence of every term of the deals, by "deal property value"; the earliest span when several. */
    private static Map<String, Map<String, Object>> evidence(DatasetGraph dsg, String values) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (Row r : Sparql.select(dsg, Sparql.query("""
                SELECT ?deal ?p ?o ?doc ?sentence ?start ?end ?extractor ?confidence WHERE {
                  %s
                  ?ev rdf:subject ?deal ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?doc .
                  OPTIONAL { ?ev kg:sentence ?sentence }
                  OPTIONAL { ?ev oa:hasSelector ?sel . ?sel oa:start ?start ; oa:end ?end }
                  OPTIONAL { ?ev kg:extractor ?extractor }
                  OPTIONAL { ?ev kg:confidence ?confidence }
                } ORDER BY ?start""".formatted(values)))) {
            String k = r.str("deal") + " " + r.str("p") + " " + key(r.node("o"));
            if (out.containsKey(k)) continue;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("document", r.str("doc"));
            e.put("sentence", r.str("sentence"));
            e.put("start", r.integer("start"));
            e.put("end", r.integer("end"));
            e.put("extractor", r.str("extractor"));
            e.put("confidence", r.decimal("confidence"));
            out.put(k, e);
        }
        return out;
    }

    /** A term's value as a key: IRIs as they are, literals by value (so "true" and true^^xsd:boolean agree). */
    private static String key(Node n) {
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    private static Map<String, Object> term(Object value, Map<String, Object> ev) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("evidence", ev);
        return m;
    }

    private static Map<String, Object> entity(String iri, String label, Map<String, Object> ev) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iri", iri);
        m.put("label", label == null ? Sparql.localName(iri) : label);
        m.put("evidence", ev);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void addOnce(Map<String, Object> d, String key, Map<String, Object> item) {
        List<Map<String, Object>> list = (List<Map<String, Object>>) d.get(key);
        if (list.stream().noneMatch(m -> m.get("iri").equals(item.get("iri")))) list.add(item);
    }

    /** An amount as a plain number: "13000000", "10.5" (no exponent, no trailing zeros). */
    public static String plain(String amount) {
        try {
            BigDecimal b = new BigDecimal(amount.strip()).stripTrailingZeros();
            return (b.scale() < 0 ? b.setScale(0) : b).toPlainString();
        } catch (NumberFormatException | NullPointerException e) {
            return amount;
        }
    }

    private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "EUR", "€", "GBP", "£", "JPY", "¥", "CNY", "CN¥");

    /** Money as people write it: "$13M", "€5.5M", "$1.2B", "CHF 300K", "$950". */
    public static String format(String amount, String currency) {
        BigDecimal b;
        try {
            b = new BigDecimal(amount.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return amount;
        }
        String cur = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
        String sym = SYMBOLS.getOrDefault(cur, cur.isEmpty() ? "" : cur + " ");
        String[] units = {"", "K", "M", "B", "T"};
        int u = 0;
        BigDecimal v = b.abs();
        while (u < units.length - 1 && v.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            v = v.divide(BigDecimal.valueOf(1000));
            u++;
        }
        BigDecimal r = v.setScale(v.compareTo(BigDecimal.TEN) < 0 ? 2 : 1, RoundingMode.HALF_UP).stripTrailingZeros();
        return (b.signum() < 0 ? "-" : "") + sym + (r.scale() < 0 ? r.setScale(0) : r).toPlainString() + units[u];
    }

    /**
     * The deals as edges between their parties (licensor to licensee when both are known, else each pair of
     * parties), labelled with kind and value: "licence · $20M upfront", "option exercised · $5M upfront",
     * "acquisition completed · $10.4B total". With a year range, only deals dated in it. Read transaction inside.
     */
    public static List<Network.Edge> edges(DatasetGraph dsg, Integer fromYear, Integer toYear) {
        return edges(dsg, fromYear, toYear, null);
    }

    /**
     * As {@link #edges(DatasetGraph, Integer, Integer)}, only the deals with a party among {@code companies} (all
     * deals when null): the deals of a neighbourhood, without reading every deal of the store.
     */
    public static List<Network.Edge> edges(DatasetGraph dsg, Integer fromYear, Integer toYear, java.util.Collection<String> companies) {
        if (companies != null && companies.isEmpty()) return List.of();
        String among = companies == null ? "" : Sparql.values("among", companies) + " ?deal kg:party ?among .";
        return Txn.calculateRead(dsg, () -> {
            Map<String, List<String>> parties = new LinkedHashMap<>();
            Map<String, Row> info = new LinkedHashMap<>();
            for (Row r : Sparql.select(dsg, Sparql.query("""
                    SELECT DISTINCT ?deal ?party ?licensor ?licensee ?kind ?event ?date ?ua ?uc ?ta ?tc ?ma ?mc WHERE {
                      %s
                      ?deal a kg:Deal ; kg:party ?party ; kg:announcedIn ?doc .
                      ?party a kg:Company .
                      OPTIONAL { ?deal kg:licensor ?licensor } OPTIONAL { ?deal kg:licensee ?licensee }
                      OPTIONAL { ?deal kg:dealKind ?kind } OPTIONAL { ?deal kg:dealEvent ?event }
                      OPTIONAL { ?deal kg:dealDate ?dd } OPTIONAL { ?doc kg:releaseDate ?rd }
                      BIND(COALESCE(?dd, ?rd) AS ?date)
                      OPTIONAL { ?deal kg:upfront ?u . ?u kg:amount ?ua ; kg:currency ?uc }
                      OPTIONAL { ?deal kg:totalValue ?t . ?t kg:amount ?ta ; kg:currency ?tc }
                      OPTIONAL { ?deal kg:milestones ?m . ?m kg:amount ?ma ; kg:currency ?mc }
                    } ORDER BY ?date ?deal ?party""".formatted(among)))) {
                Integer y = GraphViews.year(r.str("date"));
                if ((fromYear != null || toYear != null) && (y == null || fromYear != null && y < fromYear || toYear != null && y > toYear)) continue;
                List<String> ps = parties.computeIfAbsent(r.str("deal"), k -> new ArrayList<>());
                if (!ps.contains(r.str("party"))) ps.add(r.str("party"));
                info.putIfAbsent(r.str("deal"), r);
            }
            List<Network.Edge> out = new ArrayList<>();
            for (var e : parties.entrySet()) {
                Row r = info.get(e.getKey());
                List<String[]> pairs = new ArrayList<>();
                String lor = r.str("licensor"), lee = r.str("licensee");
                if (lor != null && lee != null && !lor.equals(lee) && e.getValue().contains(lor) && e.getValue().contains(lee)) {
                    pairs.add(new String[] {lor, lee});
                } else {
                    List<String> ps = e.getValue().stream().sorted().toList();
                    for (int i = 0; i < ps.size(); i++) for (int j = i + 1; j < ps.size(); j++) pairs.add(new String[] {ps.get(i), ps.get(j)});
                }
                Map<String, Object> attrs = new LinkedHashMap<>();
                attrs.put("label", label(r));
                attrs.put("deal", e.getKey());
                attrs.put("kind", r.str("kind") == null ? null : Sparql.localName(r.str("kind")).toLowerCase(Locale.ROOT));
                attrs.put("event", r.str("event") == null ? null : Sparql.localName(r.str("event")).toLowerCase(Locale.ROOT));
                attrs.put("date", r.str("date"));
                for (String[] p : pairs) out.add(new Network.Edge(e.getKey() + " " + p[0] + " " + p[1], p[0], p[1], "deal", attrs));
            }
            return out;
        });
    }

    /** "licence · $20M upfront": kind, the event unless signed, and the first money term of upfront, total, milestones. */
    private static String label(Row r) {
        String kind = r.str("kind") == null ? "deal" : Sparql.localName(r.str("kind")).toLowerCase(Locale.ROOT);
        String event = r.str("event") == null ? "signed" : Sparql.localName(r.str("event")).toLowerCase(Locale.ROOT);
        String what = event.equals("signed") ? kind : kind + " " + event;
        if (r.str("ua") != null) return what + " · " + format(r.str("ua"), r.str("uc")) + " upfront";
        if (r.str("ta") != null) return what + " · " + format(r.str("ta"), r.str("tc")) + " total";
        if (r.str("ma") != null) return what + " · " + format(r.str("ma"), r.str("mc")) + " milestones";
        return what;
    }
}
