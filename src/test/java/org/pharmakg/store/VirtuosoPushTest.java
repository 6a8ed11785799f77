package org.pharmakg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.bench.QueryBench;
import org.pharmakg.cli.Main;
import org.pharmakg.mapping.Vocab;
import org.pharmakg.serve.NamedQueries;

/**
 * A second, real store: the seed graph pushed into Virtuoso Open Source over the Graph Store Protocol answers every
 * named query (with standard SPARQL in place of pharmakg's property functions) with the same rows as Fuseki on the
 * same data. Virtuoso comes from Debian ({@code scripts/test-packages.txt}); when it is missing the test fails and
 * says how to install it.
 */
class VirtuosoPushTest {
    private static final String INSTALL = "Virtuoso is not installed: run scripts/test (it installs the Debian packages of"
            + " scripts/test-packages.txt) or `sudo apt-get install virtuoso-opensource-7-bin libpcre3`";

    @Test
    void pushedSeedGraphAnswersEveryNamedQueryAsFuseki(@TempDir Path tmp) throws Exception {
        Path virtuoso = find("virtuoso-t"), isql = find("isql-vt");
        if (virtuoso == null || isql == null) fail(INSTALL);

        Path store = tmp.resolve("store");
        assertEquals(0, Main.run("build", "--store", store.toString(), "data"));
        try (Virtuoso v = Virtuoso.start(virtuoso, isql, tmp.resolve("virtuoso"))) {
            String gsp = v.http + "/sparql-graph-crud", sparql = v.http + "/sparql";
            assertEquals(0, Main.run("push", "--store", store.toString(), "--endpoint", gsp));
            long pushed = count(sparql);
            // pushed again: nothing changed, nothing sent; with --restart every graph is replaced, never duplicated
            assertEquals(0, Main.run("push", "--store", store.toString(), "--endpoint", gsp));
            assertEquals(0, Main.run("push", "--store", store.toString(), "--endpoint", gsp, "--restart"));
            assertEquals(pushed, count(sparql), "a re-push replaces graphs");

            try (KgStore s = KgStore.open(store)) {
                long local = Txn.calculateRead(s.dataset(), () -> {
                    long[] n = {0};
                    s.dataset().find().forEachRemaining(q -> { if (!q.getGraph().equals(Vocab.META_GRAPH)) n[0]++; });
                    return n[0];
                });
                assertEquals(local, pushed, "every quad but the meta graph's arrived");
                FusekiServer fuseki = FusekiServer.create().port(0).loopback(true).add("/kg", s.dataset()).build().start();
                try {
                    String fusekiUrl = "http://127.0.0.1:" + fuseki.getPort() + "/kg/sparql";
                    List<String> differ = new ArrayList<>();
                    int compared = 0;
                    for (String name : NamedQueries.NAMES) {
                        NamedQueries.Named named = NamedQueries.load(name);
                        // with the parameters the benchmark uses (Virtuoso 7.2 treats BIND(LCASE(STR(?unbound))) as
                        // a value, not an error, so a named query whose optional parameter is left out matches nothing there)
                        for (Map<String, String> params : List.of(QueryBench.PARAMS.getOrDefault(name, Map.of()))) {
                            Query ours = named.bind(params);
                            List<String> a = rows(fusekiUrl, ours), b = portableRows(sparql, named, params);
                            compared++;
                            if (!a.equals(b)) {
                                differ.add(name + " " + params + ":\n  Fuseki (" + a.size() + "): " + head(a) + "\n  Virtuoso (" + b.size()
                                        + "): " + head(b));
                            }
                            assertTrue(!a.isEmpty() || params.isEmpty() || name.equals("current-pipeline"),
                                    name + " " + params + " answers something on the seeds");
                        }
                    }
                    assertTrue(differ.isEmpty(), "named queries that answer differently on Virtuoso:\n" + String.join("\n", differ));
                    assertEquals(NamedQueries.NAMES.size(), compared, "every named query, partner-network included");
                } finally {
                    fuseki.stop();
                }
            }
            // the CLI runs a named query against the other store
            assertEquals(0, Main.run("query", "entity-search", "--param", "q=her2", "--endpoint", sparql, "--format", "csv"));
        }
    }

    /** Rows as sorted strings; numbers compared by value, literals by lexical form and datatype (strings plain). */
    private static List<String> rows(String endpoint, Query q) {
        try {
            return rows1(endpoint, q);
        } catch (RuntimeException e) {
            throw new AssertionError(endpoint + " failed (" + e + ") on:\n" + q, e);
        }
    }

    /** As {@code query --endpoint} runs a named query at another store. */
    private static List<String> portableRows(String endpoint, NamedQueries.Named named, Map<String, String> params) {
        try {
            return strings(StandardFallbacks.selectAt(endpoint, named.text(), named.bind(params), params));
        } catch (RuntimeException e) {
            throw new AssertionError(endpoint + " failed (" + e + ") on " + named.name() + " " + params, e);
        }
    }

    private static List<String> rows1(String endpoint, Query q) {
        try (var qe = QueryExecHTTP.service(endpoint).query(q.toString()).timeout(60, java.util.concurrent.TimeUnit.SECONDS).build()) {
            return strings(qe.select());
        }
    }

    private static List<String> strings(RowSet rs) {
        List<String> out = new ArrayList<>();
        {
            List<Var> vars = rs.getResultVars();
            while (rs.hasNext()) {
                Binding b = rs.next();
                StringBuilder sb = new StringBuilder();
                for (Var v : vars) sb.append(v.getVarName()).append('=').append(term(b.get(v))).append(' ');
                out.add(sb.toString());
            }
        }
        java.util.Collections.sort(out);
        return out;
    }

    private static String term(Node n) {
        if (n == null) return "-";
        if (!n.isLiteral()) return n.toString();
        String dt = n.getLiteralDatatypeURI();
        if (n.getLiteralDatatype() instanceof XSDDatatype x && x.isValidLiteral(n.getLiteral()) && isNumber(dt)) {
            return new BigDecimal(n.getLiteralLexicalForm()).stripTrailingZeros().toPlainString();
        }
        boolean plain = dt == null || dt.equals(XSDDatatype.XSDstring.getURI());
        if (plain) {
            // GROUP_CONCAT: its order is not defined (Virtuoso sorts), and over no values Jena leaves it unbound
            // where Virtuoso gives ""; the same normalisation on both sides
            String v = n.getLiteralLexicalForm();
            if (v.isEmpty()) return "-";
            List<String> parts = new ArrayList<>(List.of(v.split(", ")));
            java.util.Collections.sort(parts);
            return "\"" + String.join(", ", parts) + "\"";
        }
        return "\"" + n.getLiteralLexicalForm() + "\"^^" + dt;
    }

    private static boolean isNumber(String dt) {
        return dt != null && dt.startsWith(XSDDatatype.XSD + "#") && List.of("integer", "int", "long", "short", "decimal",
                "nonNegativeInteger", "double", "float").contains(dt.substring(dt.indexOf('#') + 1));
    }

    private static String head(List<String> rows) {
        return rows.size() <= 4 ? rows.toString() : rows.subList(0, 4) + " …";
    }

    private static long count(String sparql) {
        try (var qe = QueryExecHTTP.service(sparql).query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                + "FILTER(STRSTARTS(STR(?g), \"https://w3id.org/pharmakg/graph/\")) }").build()) {
            return Long.parseLong(qe.select().next().get(Var.alloc("n")).getLiteralLexicalForm());
        }
    }

    private static Path find(String program) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin").split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** A Virtuoso server of its own, on loopback ports that were free, in a folder of the test; stopped by close. */
    static final class Virtuoso implements AutoCloseable {
        final String http;
        private final Process process;
        private final Path dir;

        private Virtuoso(String http, Process process, Path dir) {
            this.http = http;
            this.process = process;
            this.dir = dir;
        }

        static Virtuoso start(Path binary, Path isql, Path dir) throws IOException, InterruptedException {
            Files.createDirectories(dir.resolve("db"));
            Files.createDirectories(dir.resolve("www"));
            int sqlPort = freePort(), httpPort = freePort();
            Files.writeString(dir.resolve("virtuoso.ini"), String.join("\n",
                    "[Database]", "DatabaseFile = db/virtuoso.db", "ErrorLogFile = db/virtuoso.log",
                    "TransactionFile = db/virtuoso.trx", "xa_persistent_file = db/virtuoso.pxa",
                    "[TempDatabase]", "DatabaseFile = db/virtuoso-temp.db", "TransactionFile = db/virtuoso-temp.trx",
                    "[Parameters]", "ServerPort = 127.0.0.1:" + sqlPort, "NumberOfBuffers = 10000", "MaxDirtyBuffers = 6000",
                    "DirsAllowed = .",
                    "[HTTPServer]", "ServerPort = 127.0.0.1:" + httpPort, "ServerRoot = www", "MaxClientConnections = 8",
                    "ServerThreads = 8",
                    "[SPARQL]", "ResultSetMaxRows = 1000000", "MaxQueryExecutionTime = 120", ""), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(binary.toString(), "+foreground", "+configfile", "virtuoso.ini").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("virtuoso.out").toFile()).start();
            Virtuoso v = new Virtuoso("http://127.0.0.1:" + httpPort, p, dir);
            try {
                v.awaitOnline();
                // the anonymous SPARQL user may write (the Graph Store Protocol at /sparql-graph-crud runs as it)
                Process g = new ProcessBuilder(isql.toString(), "127.0.0.1:" + sqlPort, "dba", "dba",
                        "exec=GRANT SPARQL_UPDATE TO \"SPARQL\";").redirectErrorStream(true)
                        .redirectOutput(dir.resolve("isql.out").toFile()).start();
                if (g.waitFor() != 0) throw new IllegalStateException("isql-vt failed: " + Files.readString(dir.resolve("isql.out")));
                return v;
            } catch (IOException | InterruptedException | RuntimeException e) {
                v.close();
                throw e;
            }
        }

        private void awaitOnline() throws IOException, InterruptedException {
            HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < until) {
                if (!process.isAlive()) throw new IllegalStateException("Virtuoso stopped: " + log());
                try {
                    HttpResponse<Void> r = c.send(HttpRequest.newBuilder(URI.create(http + "/sparql?query=ASK%7B%7D")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) return;
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("Virtuoso did not come online in 120 s: " + log());
        }

        private String log() throws IOException {
            Path out = dir.resolve("virtuoso.out");
            return Files.exists(out) ? Files.readString(out) : "(no output)";
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
