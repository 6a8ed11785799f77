package org.pharmakg.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.pharmakg.PharmakgException;
import org.pharmakg.serve.DealViews;
import org.pharmakg.serve.NamedQueries;

/**
 * The deals table as CSV, for spreadsheets: one row per deal with the columns of the {@code deals} named query,
 * RFC 4180 (comma-separated, CRLF line ends, a field with a comma, quote or line break in double quotes and
 * its quotes doubled), UTF-8, amounts as plain numbers ("20000000", never "2.0E7").
 *
 * <pre>DealsCsv.write(store.dataset(), out);</pre>
 */
public final class DealsCsv {
    /** Columns holding amounts. */
    private static final Set<String> AMOUNTS = Set.of("upfront", "equity", "milestones", "total");

    private DealsCsv() {}

    /** Writes every deal; returns the number of rows. */
    public static int write(DatasetGraph dsg, OutputStream out) {
        var query = NamedQueries.load("deals").bind(Map.of());
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(query).build()) {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                RowSet rs = qe.select();
                List<String> vars = rs.getResultVars().stream().map(Var::getVarName).toList();
                line(w, vars);
                int n = 0;
                while (rs.hasNext()) {
                    var b = rs.next();
                    String[] cells = new String[vars.size()];
                    for (int i = 0; i < cells.length; i++) {
                        Node v = b.get(vars.get(i));
                        String s = v == null ? "" : v.isURI() ? v.getURI() : v.isLiteral() ? v.getLiteralLexicalForm() : v.toString();
                        cells[i] = AMOUNTS.contains(vars.get(i)) && !s.isEmpty() ? DealViews.plain(s) : s;
                    }
                    line(w, List.of(cells));
                    n++;
                }
                w.flush();
                return n;
            } catch (IOException e) {
                throw new PharmakgException("cannot write the deals CSV: " + e.getMessage(), e);
            }
        });
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) w.write(',');
            w.write(field(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** One RFC 4180 field. */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
