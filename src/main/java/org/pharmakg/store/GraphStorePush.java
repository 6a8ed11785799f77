package org.pharmakg.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.pharmakg.PharmakgException;
import org.pharmakg.mapping.Vocab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes named graphs to any store that speaks the SPARQL 1.1 Graph Store Protocol: one {@code PUT ?graph=IRI} per
 * graph, so pushing again replaces a graph and never duplicates it. Graphs go several at a time, each retried with
 * back-off on a network error, 429 or 5xx; every graph that arrived is recorded (IRI and content hash) in a state
 * file, so an interrupted push resumes with the graphs not yet sent, and a re-push sends only what changed.
 *
 * <pre>
 * GraphStorePush.Report r = GraphStorePush.to(URI.create("http://127.0.0.1:8890/sparql-graph-crud"))
 *         .state(Path.of("store.push.tsv")).build().push(GraphStorePush.fromStore(store.dataset()));
 * </pre>
 */
public final class GraphStorePush {
    private static final Logger LOG = LoggerFactory.getLogger(GraphStorePush.class);

    /** One graph to send: its IRI and its triples as N-Triples. */
    public record NamedGraph(String iri, byte[] ntriples) {
        public NamedGraph {
            Objects.requireNonNull(iri);
            Objects.requireNonNull(ntriples);
        }
    }

    /** What a push did. */
    public record Report(int sent, int unchanged, List<String> failures, long bytes, double seconds) {
        public Report {
            failures = List.copyOf(failures);
        }

        public String summary() {
            return String.format(java.util.Locale.ROOT, "push: %d graphs sent, %d unchanged since the last push, %d failed, %.1f MB in %.1f s",
                    sent, unchanged, failures.size(), bytes / 1048576.0, seconds);
        }
    }

    private final URI endpoint;
    private final String authorization;
    private final Path state;
    private final int parallel;
    private final int retries;
    private final Duration backoff;
    private final HttpClient http;

    private GraphStorePush(Builder b) {
        this.endpoint = b.endpoint;
        this.authorization = b.user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((b.user + ":" + b.password).getBytes(StandardCharsets.UTF_8));
        this.state = b.state;
        this.parallel = b.parallel;
        this.retries = b.retries;
        this.backoff = b.backoff;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static Builder to(URI endpoint) { return new Builder(endpoint); }

    /** Pushes the graphs; what the state file records with the same content is skipped. */
    public Report push(Iterator<NamedGraph> graphs) {
        long t0 = System.nanoTime();
        Map<String, String> done = readState();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        long[] bytes = {0};
        int unchanged = 0;
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "pharmakg-push");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(parallel * 2);
        List<Future<?>> futures = new ArrayList<>();
        try {
            while (graphs.hasNext()) {
                NamedGraph g = graphs.next();
                String hash = KgStore.sha256(g.ntriples());
                if (hash.equals(done.get(g.iri()))) {
                    unchanged++;
                    continue;
                }
                slots.acquireUninterruptibly();
                bytes[0] += g.ntriples().length;
                futures.add(pool.submit(() -> {
                    try {
                        put(g);
                        record(g.iri(), hash);
                        sent.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(g.iri() + ": " + e.getMessage());
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(String.valueOf(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PharmakgException("push interrupted; run it again to send the rest");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Report(sent.get(), unchanged, failures, bytes[0], (System.nanoTime() - t0) / 1e9);
    }

    private void put(NamedGraph g) {
        URI uri = URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + "graph="
                + URLEncoder.encode(g.iri(), StandardCharsets.UTF_8));
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                // N-Triples is Turtle, and every Graph Store takes Turtle
                .header("Content-Type", "text/turtle; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(g.ntriples()));
        if (authorization != null) rb.header("Authorization", authorization);
        HttpRequest req = rb.build();
        String last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) sleep(backoff.multipliedBy(1L << Math.min(attempt - 1, 6)));
            try {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                int c = r.statusCode();
                if (c >= 200 && c < 300) {
                    LOG.debug("push: {} -> {}", g.iri(), c);
                    return;
                }
                last = "HTTP " + c + " " + abbreviate(r.body());
                if (c == 401 || c == 403) {
                    throw new PharmakgException(endpoint + " refused the push (" + c + "): give a user and password in"
                            + " PHARMAKG_PUSH_USER and PHARMAKG_PUSH_PASSWORD or --credentials-file");
                }
                if (c != 429 && c < 500) break;   // the request itself is wrong: retrying does not help
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PharmakgException("push interrupted");
            }
            LOG.warn("push: {}: {} (attempt {} of {})", g.iri(), last, attempt + 1, retries + 1);
        }
        throw new PharmakgException("PUT " + uri + " failed: " + last);
    }

    private static String abbreviate(String s) {
        s = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, String> readState() {
        Map<String, String> m = new HashMap<>();
        if (state == null || !Files.exists(state)) return m;
        try {
            for (String line : Files.readAllLines(state, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) m.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new PharmakgException("cannot read the push state " + state + ": " + e.getMessage() + "; remove it to push everything");
        }
        return m;
    }

    private synchronized void record(String iri, String hash) {
        if (state == null) return;
        try {
            Files.writeString(state, iri + "\t" + hash + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named graphs of a store, one at a time, each read in its own transaction; the meta graph stays home. */
    public static Iterator<NamedGraph> fromStore(DatasetGraph dsg) {
        List<Node> names = Txn.calculateRead(dsg, () -> {
            List<Node> out = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(out::add);
            return out;
        });
        names.removeIf(n -> n.equals(Vocab.META_GRAPH) || !n.isURI());
        names.sort(java.util.Comparator.comparing(Node::getURI));
        Iterator<Node> it = names.iterator();
        return new Iterator<>() {
            @Override public boolean hasNext() { return it.hasNext(); }

            @Override public NamedGraph next() {
                Node g = it.next();
                byte[] nt = Txn.calculateRead(dsg, () -> ntriples(dsg.getGraph(g).find()));
                return new NamedGraph(g.getURI(), nt);
            }
        };
    }

    /**
     * The named graphs of gzipped N-Quads files (a Spark build's part files), in which each graph's quads are
     * consecutive, as the Spark build writes them.
     */
    public static Iterator<NamedGraph> fromNQuads(List<Path> files) {
        Map<String, List<Triple>> byGraph = new java.util.LinkedHashMap<>();
        List<NamedGraph> out = new ArrayList<>();
        for (Path f : files) {
            try (InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(f)) : Files.newInputStream(f)) {
                RDFParser.source(in).lang(Lang.NQUADS).parse(new StreamRDFBase() {
                    @Override public void quad(Quad q) {
                        byGraph.computeIfAbsent(q.getGraph().getURI(), k -> new ArrayList<>()).add(q.asTriple());
                    }
                });
            } catch (IOException e) {
                throw new PharmakgException("cannot read " + f + ": " + e.getMessage());
            }
            byGraph.forEach((g, ts) -> out.add(new NamedGraph(g, ntriples(ts.iterator()))));
            byGraph.clear();
        }
        Iterator<NamedGraph> it = out.iterator();
        return new Iterator<>() {
            @Override public boolean hasNext() { return it.hasNext(); }

            @Override public NamedGraph next() {
                if (!it.hasNext()) throw new NoSuchElementException();
                return it.next();
            }
        };
    }

    private static byte[] ntriples(Iterator<Triple> triples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.writeTriples(out, triples);
        return out.toByteArray();
    }

    /** Settings of a push. */
    public static final class Builder {
        private final URI endpoint;
        private String user, password;
        private Path state;
        private int parallel = 4;
        private int retries = 5;
        private Duration backoff = Duration.ofMillis(500);

        Builder(URI endpoint) { this.endpoint = Objects.requireNonNull(endpoint); }

        /** HTTP basic credentials (from the environment or a file, never from the command line). */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }
        /** The file that records the graphs that arrived (resume, and skip what did not change); none: push all. */
        public Builder state(Path p) { this.state = p; return this; }
        /** Graphs in flight at once (default 4). */
        public Builder parallel(int n) { this.parallel = Math.max(1, n); return this; }
        /** Retries of a graph after the first attempt (default 5), waiting 0.5 s, 1 s, 2 s … */
        public Builder retries(int n) { this.retries = Math.max(0, n); return this; }
        public Builder backoff(Duration d) { this.backoff = d; return this; }
        public GraphStorePush build() { return new GraphStorePush(this); }
    }
}
