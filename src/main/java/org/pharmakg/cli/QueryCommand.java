package org.pharmakg.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.pharmakg.serve.NamedQueries;
import org.pharmakg.store.KgStore;
import org.pharmakg.store.StandardFallbacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pharmakg query NAME}: run a named query (or a .rq file) against the store. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs a named query from queries/ (by file stem) or a .rq file; each query file's head comment says what it"
                + " answers and its parameters.",
                "Parameters are bound as RDF terms, never spliced into the query text: --param company=Bayer."})
final class QueryCommand implements Callable<Integer> {
    @Mixin StoreOption store;

    @Parameters(paramLabel = "NAME-or-FILE", completionCandidates = QueryNames.class,
            description = "A query name (${COMPLETION-CANDIDATES}) or a path to a .rq file.")
    String name;

    @Option(names = {"-p", "--param"}, paramLabel = "k=v", description = "A parameter value (repeatable); <iri> for an IRI.")
    List<String> params = List.of();

    @Option(names = "--endpoint", paramLabel = "URL", description = "Run against another SPARQL 1.1 store's query endpoint "
            + "instead of the local store; pharmakg's property functions are replaced by standard SPARQL.")
    java.net.URI endpoint;

    @Option(names = "--format", defaultValue = "table", description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        if (!List.of("table", "csv", "tsv", "json").contains(format)) {
            throw new Main.UsageException("unknown --format " + format + "; use table, csv, tsv or json");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw new Main.UsageException("--param takes name=value, got: " + p);
            String key = p.substring(0, eq), value = p.substring(eq + 1);
            if (values.containsKey(key)) {
                throw new Main.UsageException("--param " + key + " is given twice; a parameter takes one value");
            }
            checkIri(key, value);
            values.put(key, value);
        }
        NamedQueries.Named named;
        Query bound;
        try {
            named = NamedQueries.load(name);
            bound = named.bind(values);   // also checks the parameters
        } catch (org.pharmakg.PharmakgException e) {
            throw new Main.UsageException(e.getMessage());
        }
        Query q = bound;
        if (!q.isSelectType()) throw new Main.UsageException("only SELECT queries are supported here");
        if (endpoint != null) {
            // another store knows nothing of kg:nameContains and kg:latestReleases: standard SPARQL instead
            try {
                print(StandardFallbacks.selectAt(endpoint.toString(), named.text(), q, values), q);
            } catch (org.apache.jena.atlas.web.HttpException | org.apache.jena.sparql.engine.http.QueryExceptionHTTP e) {
                throw new org.pharmakg.PharmakgException("query " + name + " at " + endpoint + " failed: " + e.getMessage());
            }
            return Main.OK;
        }
        try (KgStore s = KgStore.open(store.store)) {
            Txn.executeRead(s.dataset(), () -> {
                try (QueryExec qe = QueryExec.dataset(s.dataset()).query(q).build()) {
                    print(qe.select(), q);
                }
            });
        }
        return Main.OK;
    }

    private void print(RowSet rows, Query q) {
        ResultSet rs = ResultSet.adapt(rows);
        CheckedOutput.write(null, out -> {
            switch (format) {
                case "csv" -> ResultSetFormatter.outputAsCSV(out, rs);
                case "tsv" -> ResultSetFormatter.outputAsTSV(out, rs);
                case "json" -> ResultSetFormatter.outputAsJSON(out, rs);
                default -> ResultSetFormatter.out(out, rs, q);
            }
        });
    }

    /**
     * A value in angle brackets is meant as an IRI: it must be an absolute IRI with no spaces, angle
     * brackets, quotes or control characters, else a usage error naming the parameter (it used to become a
     * string literal that matched nothing, silently).
     */
    static void checkIri(String key, String value) {
        String v = value.strip();
        if (!v.startsWith("<")) return;
        String problem = null;
        if (!v.endsWith(">") || v.length() < 3) {
            problem = "an IRI is written <scheme:...>, with the closing '>'";
        } else {
            String iri = v.substring(1, v.length() - 1);
            for (int i = 0; i < iri.length() && problem == null; i++) {
                char c = iri.charAt(i);
                if (c <= 0x20 || (c >= 0x7F && c <= 0x9F) || "<>\"{}|^`\\".indexOf(c) >= 0
                        || Character.getType(c) == Character.FORMAT) {
                    problem = "an IRI cannot contain " + describe(c);
                }
            }
            if (problem == null) {
                try {
                    if (!org.apache.jena.irix.IRIx.create(iri).isAbsolute()) problem = "the IRI is not absolute (it needs a scheme such as https:)";
                } catch (org.apache.jena.irix.IRIException e) {
                    problem = "not a valid IRI (" + e.getMessage() + ")";
                }
            }
        }
        if (problem != null) {
            throw new Main.UsageException("--param " + key + ": " + problem + "; give <https://...> or a plain name");
        }
    }

    private static String describe(char c) {
        if (c == ' ') return "a space";
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.getType(c) == Character.FORMAT) {
            return String.format("the control character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    /** The named queries, for the help text. */
    static final class QueryNames implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() { return org.pharmakg.serve.NamedQueries.NAMES.iterator(); }
    }
}
