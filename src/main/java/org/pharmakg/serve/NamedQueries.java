package org.pharmakg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.pharmakg.PharmakgException;
import org.pharmakg.store.PropertyFunctions;

/**
 * The named queries of {@code queries/}: found by file stem, described by their header comment,
 * and bound to parameters safely: a parameter becomes {@code VALUES ?x { term }} at the head of the
 * query's WHERE group (and of each sub-SELECT that uses it), built in the query's syntax tree, so no value
 * is ever spliced into text. A parameter whose description starts with "required" must be given.
 *
 * <pre>Query q = NamedQueries.load("partners").bind(Map.of("company", "Bayer"));</pre>
 */
public final class NamedQueries {
    /** Names of the queries shipped in {@code queries/}. */
    public static final List<String> NAMES = List.of("partners", "pipeline", "compounds-by-target", "partner-network",
            "documents", "evidence", "phase-timeline", "current-pipeline", "entity-search", "deals", "deal-history", "largest-deals");
    private static final Pattern PARAM = Pattern.compile("(?m)^#\\s*param:\\s*\\?(\\w+)\\s*(.*)$");

    /** A named query: its name, text, first comment line and declared parameters. */
    public record Named(String name, String text, String description, Map<String, String> params) {
        /** Parameters the query cannot run without (their description starts with "required"). */
        public List<String> required() {
            return params.entrySet().stream().filter(e -> e.getValue().startsWith("required")).map(Map.Entry::getKey).toList();
        }

        /** The query with the given parameters bound (unknown names and missing required ones are usage errors). */
        public Query bind(Map<String, String> values) {
            Query q = parse(name, text);
            for (var e : values.entrySet()) {
                if (!params.containsKey(e.getKey())) {
                    throw new PharmakgException("query " + name + " has no parameter '" + e.getKey() + "'; it takes "
                            + (params.isEmpty() ? "none" : String.join(", ", params.keySet())));
                }
            }
            for (String p : required()) {
                if (!values.containsKey(p)) {
                    throw new PharmakgException("query " + name + " needs parameter '" + p + "': " + params.get(p)
                            + " (--param " + p + "=VALUE)");
                }
            }
            for (var e : values.entrySet()) bindIn(q, Var.alloc(e.getKey()), term(e.getValue()));
            return q;
        }
    }

    /**
     * Adds {@code VALUES ?v { term }} at the head of the query's WHERE group and of every sub-SELECT: a
     * sub-SELECT sees only its own variables, so a parameter must be bound inside it too (where it is not
     * used, one row without shared variables changes nothing).
     */
    private static void bindIn(Query q, Var v, Node value) {
        Element pattern = q.getQueryPattern();
        List<ElementSubQuery> subs = new ArrayList<>();
        ElementWalker.walk(pattern, new ElementVisitorBase() {
            @Override
            public void visit(ElementSubQuery el) { subs.add(el); }
        });
        for (ElementSubQuery sub : subs) bindIn(sub.getQuery(), v, value);
        ElementData data = new ElementData();
        data.add(v);
        data.add(BindingFactory.binding(v, value));
        if (pattern instanceof ElementGroup g) {
            g.getElements().add(0, data);
        } else {
            ElementGroup g = new ElementGroup();
            g.addElement(data);
            g.addElement(pattern);
            q.setQueryPattern(g);
        }
    }

    static {
        PropertyFunctions.register();  // kg:nameContains and kg:latestReleases, used by entity-search and documents
    }

    private NamedQueries() {}

    /** A query by name (from {@code queries/}) or by path to a {@code .rq} file. */
    public static Named load(String nameOrFile) {
        Path p = Path.of(nameOrFile);
        String text;
        String name;
        try {
            if (nameOrFile.endsWith(".rq") && Files.isRegularFile(p)) {
                text = Files.readString(p);
                name = p.getFileName().toString().replaceFirst("\\.rq$", "");
            } else {
                name = nameOrFile.replaceFirst("\\.rq$", "");
                try (InputStream in = NamedQueries.class.getClassLoader().getResourceAsStream("queries/" + name + ".rq")) {
                    if (in == null) {
                        throw new PharmakgException("no query named '" + nameOrFile + "'; the named queries are: "
                                + String.join(", ", NAMES) + " (or give a path to a .rq file)");
                    }
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new PharmakgException("cannot read query " + nameOrFile + ": " + e.getMessage(), e);
        }
        parse(name, text);
        return new Named(name, text, description(text), params(text));
    }

    public static List<Named> all() {
        List<Named> out = new ArrayList<>();
        for (String n : NAMES) out.add(load(n));
        return out;
    }

    static Query parse(String name, String text) {
        try {
            return QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new PharmakgException("query " + name + " does not parse: " + e.getMessage(), e);
        }
    }

    private static String description(String text) {
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("#") && l.length() > 1 && !l.startsWith("# param:")) return l.substring(1).strip();
        }
        return "";
    }

    private static Map<String, String> params(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(text);
        while (m.find()) out.put(m.group(1), m.group(2).strip());
        return out;
    }

    /** A value as an RDF term: {@code <iri>} for IRIs, otherwise a plain string literal. */
    static Node term(String value) {
        String v = value.strip();
        if (v.startsWith("<") && v.endsWith(">") && v.length() > 2 && !v.substring(1, v.length() - 1).matches(".*[\\s<>\"{}|^`\\\\].*")) {
            return NodeFactory.createURI(v.substring(1, v.length() - 1));
        }
        return NodeFactory.createLiteralString(value);
    }
}
