package org.pharmakg.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.RDF;
import org.pharmakg.PharmakgException;
import org.pharmakg.mapping.Vocab;

/**
 * Standard SPARQL 1.1 in place of pharmakg's two property functions, for stores that are not ours (Virtuoso,
 * GraphDB, …): {@code (?doc ?date) kg:latestReleases N} becomes a sub-SELECT ordered by date with LIMIT N, and
 * {@code (?e ?matched ?rank) kg:nameContains (TEXT N)} a sub-SELECT over {@code kg:nameKey} with {@code CONTAINS}
 * that computes the same best key and rank. Both give the same rows as the property functions on a store built by
 * pharmakg; they scan instead of using the in-memory views, so they are slower.
 *
 * <pre>Query portable = StandardFallbacks.rewrite(QueryFactory.create(text));</pre>
 *
 * The rewrite works on the syntax tree: variables and the text argument are taken from the parsed query and written
 * back as terms, never as spliced text. Differences: the text is not trimmed; a word start is recognised after a space
 * or one of {@code -/(),.'&+:;[_"}, not after any other character that is no letter or digit; entities with labels
 * but no {@code kg:nameKey} (added by SPARQL Update, not by a build) are not searched.
 */
public final class StandardFallbacks {
    private StandardFallbacks() { }

    private static final Node NAME_CONTAINS = Vocab.iri(NameSearch.IRI);
    private static final Node LATEST = Vocab.iri(LatestReleases.IRI);
    private static final String PREFIXES = "PREFIX kg: <" + Vocab.KG + "> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";
    private static final String WORD_SEPARATORS = " -/(),.'&+:;[_\"";

    /** The query with every use of the two property functions replaced; a query without them is returned as is. */
    public static Query rewrite(Query q) {
        if (!uses(q.toString())) return q;
        return QueryTransformOps.transform(q, new ElementTransformCopyBase() {
            @Override
            public Element transform(ElementPathBlock el) {
                return rewriteBlock(el);
            }
        });
    }

    /**
     * The query with its parameters replaced by constants in the syntax tree (an AST substitution, never text
     * splicing), the terms made as {@code NamedQueries} makes them: {@code <iri>} an IRI, anything else a string.
     * Another store may plan a {@code VALUES} block at the head of a query badly (Virtuoso 7.2 joins it last and takes
     * minutes on the seeds' {@code partners}); a constant it plans well.
     */
    public static Query substitute(Query q, Map<String, String> values) {
        Map<org.apache.jena.sparql.core.Var, Node> m = new HashMap<>();
        for (var e : values.entrySet()) m.put(org.apache.jena.sparql.core.Var.alloc(e.getKey()), term(e.getValue()));
        if (m.isEmpty()) return q;
        Query out = QueryTransformOps.syntaxSubstitute(q, m);
        if (!q.isQueryResultStar()) {
            // the substitution projects every replaced variable; keep the query's own columns
            org.apache.jena.sparql.core.VarExprList was = out.getProject(), keep = new org.apache.jena.sparql.core.VarExprList();
            for (var v : was.getVars()) {
                if (!q.getProjectVars().contains(v)) continue;
                if (was.hasExpr(v)) keep.add(v, was.getExpr(v));
                else keep.add(v);
            }
            was.clear();
            keep.forEachVarExpr((v, e) -> { if (e == null) was.add(v); else was.add(v, e); });
        }
        return out;
    }

    /**
     * A named query as another store should run it: the property functions replaced ({@link #rewrite}), the
     * parameters as constants ({@link #substitute}), and a SELECT without aggregates made DISTINCT: Jena's union
     * default graph is a set of triples, while another store's (Virtuoso's) may hold a triple once per graph, so a
     * type written in a release's graph and in the entities graph would give each row twice.
     *
     * <pre>Query q = StandardFallbacks.portable(named.text(), Map.of("q", "her2"));</pre>
     */
    public static Query portable(String queryText, Map<String, String> values) {
        return distinct(substitute(rewrite(QueryFactory.create(queryText)), values));
    }

    private static Query distinct(Query q) {
        if (q.isSelectType() && !q.hasAggregators() && !q.hasGroupBy()) q.setDistinct(true);
        return q;
    }

    /**
     * Runs a named query's SELECT at another store's endpoint: first {@link #portable} (parameters as constants); when
     * that is no valid SPARQL (a parameter tested with BOUND) or the store rejects it, again with the parameters in {@code VALUES} blocks as {@code bound} has them (Virtuoso
     * 7.2 fails to compile {@code partner-network} with a constant, and plans {@code partners} badly with VALUES).
     * Queries go as GET, or as an HTML-form POST when long: Virtuoso 7.2 never answers a POST of
     * {@code application/sparql-query}. The rows are read before returning.
     *
     * <pre>RowSet rows = StandardFallbacks.selectAt("http://127.0.0.1:8890/sparql", named.text(), named.bind(p), p);</pre>
     */
    public static org.apache.jena.sparql.exec.RowSet selectAt(String endpoint, String queryText, Query bound,
                                                              Map<String, String> values) {
        try {
            return select(endpoint, portable(queryText, values));
        } catch (org.apache.jena.atlas.web.HttpException | org.apache.jena.sparql.engine.http.QueryExceptionHTTP
                 | org.apache.jena.query.QueryParseException e) {
            // a constant where the query tests BOUND(?param) is no SPARQL: that query keeps its VALUES
            if (values.isEmpty()) throw e;
            org.slf4j.LoggerFactory.getLogger(StandardFallbacks.class).debug("{} rejected the query with constants ({}); with VALUES", endpoint, e.getMessage());
            return select(endpoint, distinct(rewrite(bound)));
        }
    }

    private static org.apache.jena.sparql.exec.RowSet select(String endpoint, Query q) {
        try (var qe = org.apache.jena.sparql.exec.http.QueryExecHTTP.service(endpoint).query(q.toString())
                .sendMode(org.apache.jena.sparql.exec.http.QuerySendMode.asGetWithLimitForm).build()) {
            return org.apache.jena.sparql.exec.RowSetMem.create(qe.select());
        }
    }

    private static Node term(String value) {
        String v = value.strip();
        if (v.startsWith("<") && v.endsWith(">") && v.length() > 2 && !v.substring(1, v.length() - 1).matches(".*[\\s<>\"{}|^`\\\\].*")) {
            return org.apache.jena.graph.NodeFactory.createURI(v.substring(1, v.length() - 1));
        }
        return org.apache.jena.graph.NodeFactory.createLiteralString(value);
    }

    private static boolean uses(String text) {
        return text.contains("nameContains") || text.contains("latestReleases");
    }

    private static Element rewriteBlock(ElementPathBlock el) {
        List<TriplePath> paths = el.getPattern().getList();
        Map<Node, Node> first = new HashMap<>(), rest = new HashMap<>();
        List<TriplePath> calls = new ArrayList<>();
        for (TriplePath tp : paths) {
            if (!tp.isTriple()) continue;
            Triple t = tp.asTriple();
            if (t.getPredicate().equals(RDF.Nodes.first)) first.put(t.getSubject(), t.getObject());
            else if (t.getPredicate().equals(RDF.Nodes.rest)) rest.put(t.getSubject(), t.getObject());
            else if (t.getPredicate().equals(NAME_CONTAINS) || t.getPredicate().equals(LATEST)) calls.add(tp);
        }
        if (calls.isEmpty()) return el;
        Set<Node> listNodes = new java.util.HashSet<>();
        ElementGroup group = new ElementGroup();
        List<Element> subs = new ArrayList<>();
        for (TriplePath call : calls) {
            Triple t = call.asTriple();
            List<Node> args = list(t.getSubject(), first, rest, listNodes);
            List<Node> in = list(t.getObject(), first, rest, listNodes);
            String sub = t.getPredicate().equals(LATEST) ? latest(args, in) : nameContains(args, in);
            Query subQuery = QueryFactory.create(PREFIXES + sub);
            subQuery.getPrefixMapping().clearNsPrefixMap(); // a sub-SELECT has no prologue of its own: full IRIs
            subs.add(new ElementSubQuery(subQuery));
        }
        ElementPathBlock rest1 = new ElementPathBlock();
        for (TriplePath tp : paths) {
            if (calls.contains(tp)) continue;
            if (tp.isTriple() && listNodes.contains(tp.getSubject())
                    && (tp.getPredicate().equals(RDF.Nodes.first) || tp.getPredicate().equals(RDF.Nodes.rest))) continue;
            rest1.addTriplePath(tp);
        }
        if (!rest1.isEmpty()) group.addElement(rest1);
        subs.forEach(group::addElement);
        return group;
    }

    /** The members of an RDF list written in the query ({@code (?a ?b)}), or the single term itself. */
    private static List<Node> list(Node n, Map<Node, Node> first, Map<Node, Node> rest, Set<Node> listNodes) {
        if (!first.containsKey(n)) return n.equals(RDF.Nodes.nil) ? List.of() : List.of(n);
        List<Node> out = new ArrayList<>();
        for (Node at = n; at != null && first.containsKey(at); at = rest.get(at)) {
            listNodes.add(at);
            out.add(first.get(at));
        }
        return out;
    }

    private static String var(List<Node> args, int i, String fallback) {
        if (i < args.size() && args.get(i).isVariable()) return "?" + args.get(i).getName();
        if (i < args.size()) throw new PharmakgException("the standard form of this query needs variables as the outputs of the property function");
        return fallback;
    }

    private static String limit(List<Node> in, int i) {
        if (i >= in.size()) return "";
        Node n = in.get(i);
        if (n.isLiteral()) {
            try {
                return " LIMIT " + Long.parseLong(n.getLiteralLexicalForm().strip());
            } catch (NumberFormatException e) {
                return "";
            }
        }
        return "";
    }

    /** {@code (?doc ?date) kg:latestReleases N}: newest first, undated last, ties by IRI. */
    private static String latest(List<Node> out, List<Node> in) {
        String doc = var(out, 0, "?__doc"), date = var(out, 1, "?__date");
        return "SELECT " + doc + " " + date + " WHERE { " + doc + " a kg:PressRelease . OPTIONAL { " + doc + " kg:releaseDate "
                + date + " } } ORDER BY DESC(COALESCE(STR(" + date + "), \"\")) " + doc + limit(in, 0);
    }

    /** {@code (?e ?matched ?rank) kg:nameContains (TEXT N)}: each entity's best key (rank, then shorter), best first. */
    private static String nameContains(List<Node> out, List<Node> in) {
        String e = var(out, 0, "?__e"), matched = var(out, 1, "?__matched"), rank = var(out, 2, "?__rank");
        String text = in.isEmpty() ? "\"\"" : in.get(0).isVariable() ? "?" + in.get(0).getName() : FmtUtils.stringForNode(in.get(0));
        StringBuilder word = new StringBuilder();
        for (char c : WORD_SEPARATORS.toCharArray()) {
            if (word.length() > 0) word.append(" || ");
            word.append("CONTAINS(?__k, CONCAT(").append(FmtUtils.stringForString(String.valueOf(c))).append(", ?__t))");
        }
        // the best key of an entity is the smallest "rank, zero-padded length, key"
        return "SELECT " + e + " " + matched + " " + rank + " WHERE {\n"
                + "  { SELECT " + e + " (MIN(?__sk) AS ?__best) WHERE {\n"
                + "      " + e + " kg:nameKey ?__k .\n"
                + "      BIND(LCASE(STR(COALESCE(" + text + ", \"\"))) AS ?__t)\n"
                + "      FILTER(!STRSTARTS(?__k, \"http:\") && !STRSTARTS(?__k, \"https:\") && CONTAINS(?__k, ?__t))\n"
                + "      BIND(IF(?__t = \"\", 3, IF(?__k = ?__t, 0, IF(STRSTARTS(?__k, ?__t), 1, IF(" + word + ", 2, 3)))) AS ?__r)\n"
                + "      BIND(STR(STRLEN(?__k)) AS ?__len)\n"
                + "      BIND(CONCAT(STR(?__r), SUBSTR(\"000000\", STRLEN(?__len) + 1), ?__len, ?__k) AS ?__sk)\n"
                + "    } GROUP BY " + e + " }\n"
                + "  BIND(xsd:integer(SUBSTR(?__best, 1, 1)) AS " + rank + ")\n"
                + "  BIND(SUBSTR(?__best, 8) AS " + matched + ")\n"
                + "} ORDER BY " + rank + " STRLEN(" + matched + ") " + matched + " " + e + limit(in, 1);
    }
}
