package org.pharmakg.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import org.pharmakg.store.GraphStorePush;
import org.pharmakg.store.KgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pharmakg push --endpoint URL}: the store's graphs into another store, over the SPARQL 1.1 Graph Store Protocol. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Sends every named graph of the store (or of a spark-build's part files) to a SPARQL 1.1 Graph Store "
                + "endpoint, one PUT per graph: a re-push replaces, never duplicates.",
                "Credentials for HTTP basic auth come from PHARMAKG_PUSH_USER and PHARMAKG_PUSH_PASSWORD or from "
                        + "--credentials-file (lines user=NAME and password=SECRET), never from the command line.",
                "Graphs that arrived are recorded in a state file; an interrupted push run again sends only the rest."})
final class PushCommand implements Callable<Integer> {
    @Mixin StoreOption store;

    @Option(names = "--endpoint", required = true, paramLabel = "URL",
            description = "The Graph Store endpoint, e.g. http://127.0.0.1:8890/sparql-graph-crud (Virtuoso) or .../kg/data (Fuseki).")
    URI endpoint;

    @Option(names = "--from", paramLabel = "DIR", description = "Push a spark-build's part files (its --output folder) instead of the store.")
    Path from;

    @Option(names = "--state", paramLabel = "FILE", description = "The push's state file (default: beside the store or in --from).")
    Path state;

    @Option(names = "--restart", description = "Forget the state file: push every graph again.")
    boolean restart;

    @Option(names = "--parallel", defaultValue = "4", description = "Graphs in flight at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--retries", defaultValue = "5", description = "Retries of a graph (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--credentials-file", paramLabel = "FILE", description = "A file with lines user=NAME and password=SECRET.")
    Path credentials;

    @Override
    public Integer call() {
        String tag = KgStore.sha256(endpoint.toString().getBytes(StandardCharsets.UTF_8)).substring(7, 19);
        Path st = state != null ? state
                : from != null ? from.resolve("push-" + tag + ".tsv")
                : store.store.toAbsolutePath().resolveSibling(store.store.getFileName() + ".push-" + tag + ".tsv");
        try {
            if (restart) Files.deleteIfExists(st);
        } catch (IOException e) {
            throw new org.pharmakg.PharmakgException("cannot remove " + st + ": " + e.getMessage());
        }
        GraphStorePush.Builder b = GraphStorePush.to(endpoint).state(st).parallel(parallel).retries(retries);
        String[] cred = credentials();
        if (cred != null) b.credentials(cred[0], cred[1]);
        GraphStorePush.Report r;
        if (from != null) {
            r = b.build().push(GraphStorePush.fromNQuads(partFiles(from)));
        } else {
            try (KgStore s = KgStore.open(store.store)) {
                Iterator<GraphStorePush.NamedGraph> graphs = GraphStorePush.fromStore(s.dataset());
                r = b.build().push(graphs);
            }
        }
        r.failures().forEach(f -> System.err.println("pharmakg: push: " + f));
        System.out.println(r.summary());
        return r.failures().isEmpty() ? Main.OK : Main.FAILED;
    }

    private String[] credentials() {
        if (credentials != null) {
            String user = null, password = null;
            try {
                for (String line : Files.readAllLines(credentials, StandardCharsets.UTF_8)) {
                    if (line.startsWith("user=")) user = line.substring(5).strip();
                    if (line.startsWith("password=")) password = line.substring(9).strip();
                }
            } catch (IOException e) {
                throw new Main.EnvironmentException("cannot read " + credentials + ": " + e.getMessage());
            }
            if (user == null || password == null) {
                throw new Main.UsageException(credentials + " needs a line user=NAME and a line password=SECRET");
            }
            return new String[] {user, password};
        }
        String user = System.getenv("PHARMAKG_PUSH_USER"), password = System.getenv("PHARMAKG_PUSH_PASSWORD");
        return user != null && password != null ? new String[] {user, password} : null;
    }

    /** A spark-build's N-Quads ({@link org.pharmakg.store.PartFiles}); a folder that is none is a usage error. */
    static java.util.List<Path> partFiles(Path dir) {
        try {
            return org.pharmakg.store.PartFiles.of(dir);
        } catch (org.pharmakg.PharmakgException e) {
            throw new Main.UsageException("--from " + e.getMessage());
        }
    }
}
