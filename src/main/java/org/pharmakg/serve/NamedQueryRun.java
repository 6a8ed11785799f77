package org.pharmakg.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.pharmakg.PharmakgException;

/**
 * One named query of {@code queries/} run with its parameters bound (as {@link NamedQueries.Named#bind} binds
 * them: RDF terms in the syntax tree, never text), for the explorer API's {@code query?name=deals&company=Bayer}.
 * Answers are cut at {@link #MAX_ROWS} rows and say so.
 *
 * <pre>Map&lt;String, Object&gt; answer = NamedQueryRun.run(dsg, "deals", Map.of("company", "Bayer"));</pre>
 */
final class NamedQueryRun {
    static final int MAX_ROWS = 1000;
    private static final long TIMEOUT_SECONDS = 30;

    private NamedQueryRun() {}

    /**
     * {@code name}, {@code vars}, {@code rows} (each a map from variable to the IRI or the literal's lexical form),
     * {@code truncated}. Unknown queries and parameters are {@link PharmakgException}s that name what exists.
     */
    static Map<String, Object> run(DatasetGraph dsg, String name, Map<String, String> params) {
        if (name == null || name.isBlank()) throw new PharmakgException("name the query: query?name=deals (one of " + String.join(", ", NamedQueries.NAMES) + ")");
        if (!NamedQueries.NAMES.contains(name)) {
            throw new PharmakgException("no query named '" + name + "'; the named queries are: " + String.join(", ", NamedQueries.NAMES));
        }
        Query q = NamedQueries.load(name).bind(params);
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(q).timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).build()) {
                RowSet rs = qe.select();
                List<String> vars = rs.getResultVars().stream().map(Var::getVarName).toList();
                List<Map<String, String>> rows = new ArrayList<>();
                boolean truncated = false;
                while (rs.hasNext()) {
                    var b = rs.next();
                    if (rows.size() == MAX_ROWS) {
                        truncated = true;
                        break;
                    }
                    Map<String, String> row = new LinkedHashMap<>();
                    for (String v : vars) {
                        Node n = b.get(v);
                        if (n != null) row.put(v, n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
                    }
                    rows.add(row);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("name", name);
                out.put("vars", vars);
                out.put("rows", rows);
                out.put("truncated", truncated);
                return out;
            }
        });
    }
}
