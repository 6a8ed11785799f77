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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pharmakg query NAME}: run a named query (or a .rq file) against the store. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs a named query from queries/ (by file stem) or a .rq file. Named queries: "
                + "partners, pipeline, compounds-by-target, partner-network, documents, evidence, phase-timeline, "
                + "current-pipeline, entity-search.",
                "Parameters are bound as RDF terms, never spliced into the query text: --param company=Bayer."})
final class QueryCommand implements Callable<Integer> {
    @Mixin StoreOption store;

    @Parameters(paramLabel = "NAME-or-FILE", description = "A query name or a path to a .rq file.")
    String name;

    @Option(names = {"-p", "--param"}, paramLabel = "k=v", description = "A parameter value (repeatable); <iri> for an IRI.")
    List<String> params = List.of();

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
            values.put(p.substring(0, eq), p.substring(eq + 1));
        }
        NamedQueries.Named named;
        Query q;
        try {
            named = NamedQueries.load(name);
            q = named.bind(values);
        } catch (org.pharmakg.PharmakgException e) {
            throw new Main.UsageException(e.getMessage());
        }
        try (KgStore s = KgStore.open(store.store)) {
            Txn.executeRead(s.dataset(), () -> {
                try (QueryExec qe = QueryExec.dataset(s.dataset()).query(q).build()) {
                    if (!q.isSelectType()) throw new Main.UsageException("only SELECT queries are supported here");
                    RowSet rows = qe.select();
                    ResultSet rs = ResultSet.adapt(rows);
                    switch (format) {
                        case "csv" -> ResultSetFormatter.outputAsCSV(System.out, rs);
                        case "tsv" -> ResultSetFormatter.outputAsTSV(System.out, rs);
                        case "json" -> ResultSetFormatter.outputAsJSON(System.out, rs);
                        default -> ResultSetFormatter.out(System.out, rs, q);
                    }
                }
            });
        }
        return Main.OK;
    }
}
