package org.pharmakg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.pharmakg.PharmakgException;

/**
 * The SPARQL endpoint: an embedded Fuseki serving the store read-only at {@code /kg/sparql} (and
 * {@code /kg/query}), the Graph Store read protocol at {@code /kg/get}, and a home page at {@code /}.
 * Binds 127.0.0.1 unless another host is given; queries are stopped at the timeout (HTTP 503) and
 * capped at a number of rows; SPARQL Update at {@code /kg/update} only when an update password is
 * given, behind HTTP basic auth.
 *
 * <pre>
 * KgServer server = KgServer.builder(store.dataset()).port(3030).build().start();
 * ... server.port() ... server.stop();
 * </pre>
 */
public final class KgServer {
    private final FusekiServer fuseki;
    private final EdgeGuard guard;

    /** Default limit on the size of a request body or query string. */
    public static final long DEFAULT_MAX_QUERY_BYTES = 256 * 1024;
    /** Default byte budget of one answer. */
    public static final long DEFAULT_MAX_RESULT_BYTES = 128L << 20;
    /** Shortest update password accepted. */
    public static final int MIN_PASSWORD = 12;

    /** The only user allowed to update, with the password given to {@link Builder#update}. */
    public static final String UPDATE_USER = "pharmakg";

    private KgServer(Builder b) {
        guardContext(b);
        // the standard read-only services, with a query processor that caps rows and reports timeouts
        DataService.Builder ds = DataService.newBuilder(b.dataset);
        CappedQuery query = new CappedQuery(b.maxRows, b.maxResultBytes, b.timeoutMillis);
        for (String name : new String[] {"", "sparql", "query"}) {
            ds.addEndpoint(Endpoint.create().operation(Operation.Query).endpointName(name).processor(query).build());
        }
        CappedGsp gsp = new CappedGsp(b.maxRows);
        for (String name : new String[] {"", "get", "data"}) {
            ds.addEndpoint(Endpoint.create().operation(Operation.GSP_R).endpointName(name).processor(gsp).build());
        }
        if (b.updatePassword != null) {
            // SPARQL Update only at /kg/update, only for UPDATE_USER with HTTP basic auth; no LOAD, SERVICE or DROP ALL
            ds.addEndpoint(Endpoint.create().operation(Operation.Update).endpointName("update").processor(new GuardedUpdate())
                    .authPolicy(Auth.policyAllowSpecific(UPDATE_USER)).build());
        }
        FusekiServer.Builder fb = FusekiServer.create()
                .port(b.port)
                .enablePing(true)
                .add("/kg", ds)
                .addServlet("", new Home(b.dataset));
        if (b.updatePassword != null) {
            fb.securityHandler(JettySecurityLib.makeSecurityHandler("pharmakg",
                    JettySecurityLib.makeUserStore(UPDATE_USER, b.updatePassword), AuthScheme.BASIC));
        }
        for (var e : b.servlets.entrySet()) fb.addServlet(e.getKey(), e.getValue());
        boolean loopback = "127.0.0.1".equals(b.host) || "localhost".equals(b.host);
        fb.loopback(loopback);
        if (b.timeoutMillis > 0) {
            // a runaway query is stopped after the timeout; the server keeps answering the others
            b.dataset.getContext().set(org.apache.jena.query.ARQ.queryTimeout, Long.toString(b.timeoutMillis));
        }
        this.fuseki = fb.build();
        for (var c : fuseki.getJettyServer().getConnectors()) {
            var http = c.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class);
            if (http == null) continue;
            // Fuseki buffers 5 MB of every response so that an error while writing can still change the status;
            // CappedQuery reads all rows before it writes, so 64 kB do. The 5 MB buffers were allocated afresh for
            // most requests: as direct memory they filled the JVM's limit and the JDK's System.gc() calls made
            // requests wait up to 1.3 s; on the heap each was a humongous object. Heap buffers, as GC likes them.
            http.getHttpConfiguration().setOutputBufferSize(64 * 1024);
            http.getHttpConfiguration().setUseOutputDirectByteBuffers(false);
            http.getHttpConfiguration().setUseInputDirectByteBuffers(false);
            // a query string up to the limit reaches the guard (413 there); beyond twice that Jetty answers 431 itself
            http.getHttpConfiguration().setRequestHeaderSize((int) Math.min(Integer.MAX_VALUE / 2, 2 * b.maxQueryBytes + 16 * 1024));
        }
        if (!loopback && !"0.0.0.0".equals(b.host) && !"*".equals(b.host)) {
            // Fuseki binds either loopback or every interface; --host names one address
            for (var c : fuseki.getJettyServer().getConnectors()) {
                if (c instanceof org.eclipse.jetty.server.ServerConnector sc) sc.setHost(b.host);
            }
        }
        java.util.Set<String> hosts = new java.util.HashSet<>();
        for (String h : b.allowedHosts) hosts.add(h.toLowerCase(java.util.Locale.ROOT));
        if (!loopback) hosts.add(b.host.toLowerCase(java.util.Locale.ROOT));
        if ("0.0.0.0".equals(b.host) || "*".equals(b.host)) {
            try {
                hosts.add(java.net.InetAddress.getLocalHost().getHostName().toLowerCase(java.util.Locale.ROOT));
            } catch (java.io.IOException e) {
                // no name for this machine: IP addresses and --allow-host names still work
            }
        }
        this.guard = new EdgeGuard(b.maxQueryBytes, hosts, b.maxConcurrentQueries, b.queueWaitMillis,
                new LoginThrottle(java.time.Clock.systemUTC()));
        var jetty = fuseki.getJettyServer();
        guard.setHandler(jetty.getHandler());
        jetty.setHandler(guard);
    }

    /**
     * Settings of the dataset's query context: no SERVICE (or only to the allowed prefixes), sorts and DISTINCT spill
     * to disk past {@value #SPILL_ROWS} rows, REGEX and REPLACE that stop at the deadline.
     */
    private static void guardContext(Builder b) {
        var cxt = b.dataset.getContext();
        cxt.set(ARQ.httpServiceAllowed, !b.allowedServices.isEmpty());
        if (!b.allowedServices.isEmpty()) {
            ServiceExecutorRegistry reg = ServiceExecutorRegistry.get().copy();
            List<String> allowed = List.copyOf(b.allowedServices);
            reg.addSingleLink((opExecute, opOriginal, binding, execCxt, chain) -> {
                var service = opExecute.getService();
                if (!service.isURI() || allowed.stream().noneMatch(service.getURI()::startsWith)) {
                    throw new QueryDeniedException("SERVICE <" + (service.isURI() ? service.getURI() : service)
                            + "> is not in the --allow-service list");
                }
                return chain.createExecution(opExecute, opOriginal, binding, execCxt);
            });
            ServiceExecutorRegistry.set(cxt, reg);
        }
        cxt.set(ARQ.spillToDiskThreshold, SPILL_ROWS);
        cxt.set(ARQConstants.sysOptimizerFactory, RegexGuard.optimizer(Optimize.stdOptimizationFactory));
    }

    /** Rows a sort or DISTINCT keeps in memory before spilling to disk. */
    static final long SPILL_ROWS = 50_000;

    /** Queries running now (the concurrency cap counts them). */
    public int queriesRunning() { return guard.queriesRunning(); }

    public static Builder builder(DatasetGraph dsg) { return new Builder(dsg); }

    /** Starts the server; a port in use is an environment error. */
    public KgServer start() {
        try {
            fuseki.start();
        } catch (RuntimeException e) {
            throw new PharmakgException("cannot start the server on port " + fuseki.getHttpPort() + ": " + e.getMessage()
                    + "; choose another with --port", e);
        }
        return this;
    }

    public int port() { return fuseki.getHttpPort(); }

    /** The address the server listens on ("0.0.0.0" for every interface). */
    public String host() {
        for (var c : fuseki.getJettyServer().getConnectors()) {
            if (c instanceof org.eclipse.jetty.server.ServerConnector sc) return sc.getHost() == null ? "0.0.0.0" : sc.getHost();
        }
        return "0.0.0.0";
    }

    public void stop() { fuseki.stop(); }

    public void join() { fuseki.join(); }

    /** The home page: what is here and where the endpoints are. */
    private static final class Home extends HttpServlet {
        private final transient DatasetGraph dsg;

        Home(DatasetGraph dsg) { this.dsg = dsg; }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String base = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort();
            String html = HomePage.render(base, dsg);
            resp.setContentType("text/html; charset=utf-8");
            resp.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Settings of the server. */
    public static final class Builder {
        private final DatasetGraph dataset;
        private int port = 3030;
        private String host = "127.0.0.1";
        private long timeoutMillis = 30_000;
        private long maxRows = 100_000;
        private String updatePassword;
        private long maxQueryBytes = DEFAULT_MAX_QUERY_BYTES;
        private long maxResultBytes = DEFAULT_MAX_RESULT_BYTES;
        private int maxConcurrentQueries = 2 * Runtime.getRuntime().availableProcessors();
        private long queueWaitMillis = 2_000;
        private final List<String> allowedServices = new ArrayList<>();
        private final List<String> allowedHosts = new ArrayList<>();
        private final java.util.Map<String, HttpServlet> servlets = new java.util.LinkedHashMap<>();

        Builder(DatasetGraph dsg) { this.dataset = dsg; }

        /** 0 picks a free port (tests). */
        public Builder port(int p) { this.port = p; return this; }
        public Builder host(String h) { this.host = h; return this; }
        public Builder timeoutMillis(long t) { this.timeoutMillis = t; return this; }
        /** Most rows a query answers (default 100,000; 0 for no cap); a SELECT cut short says so in a header. */
        public Builder maxRows(long n) { this.maxRows = n; return this; }
        /** Most bytes of a request body or query string (default 256 KiB); larger requests get 413 before parsing. */
        public Builder maxQueryBytes(long n) {
            if (n < 1024) throw new IllegalArgumentException("the query size limit must be at least 1024 bytes; got " + n);
            this.maxQueryBytes = n;
            return this;
        }
        /** Estimated bytes of the terms one answer may collect (default 128 MiB; 0 for no budget); past it the answer is cut. */
        public Builder maxResultBytes(long n) { this.maxResultBytes = n; return this; }
        /** Queries that may run at once (default 2 per core); more wait a moment for a slot, then get 503. */
        public Builder maxConcurrentQueries(int n) {
            if (n < 1) throw new IllegalArgumentException("at least one query must be allowed to run; got " + n);
            this.maxConcurrentQueries = n;
            return this;
        }
        /** How long a query waits for a slot before 503 (default 2 s). */
        public Builder queueWaitMillis(long ms) { this.queueWaitMillis = ms; return this; }
        /** Allows SERVICE calls to IRIs starting with this prefix (federation is off unless some prefix is allowed). */
        public Builder allowService(String iriPrefix) {
            if (!iriPrefix.matches("https?://[^/?#]+/.*")) {
                throw new IllegalArgumentException("an allowed SERVICE must be an http(s) IRI prefix with a host and a path, "
                        + "e.g. https://query.wikidata.org/; got " + iriPrefix);
            }
            allowedServices.add(iriPrefix);
            return this;
        }
        /** Accepts requests with this Host name besides loopback names, IP addresses and the bound host (DNS rebinding). */
        public Builder allowHost(String name) { allowedHosts.add(name); return this; }
        /**
         * Enables SPARQL Update at {@code /kg/update} for user {@value #UPDATE_USER} with this password
         * (HTTP basic auth; a wrong or missing password gets 401). Without it the server is read-only.
         */
        public Builder update(String password) {
            if (password == null || password.length() < MIN_PASSWORD) {
                throw new IllegalArgumentException("the update password must have at least " + MIN_PASSWORD + " characters");
            }
            this.updatePassword = password;
            return this;
        }
        /** Adds a servlet at a path spec ("/api/*", "/explore/*"): the extension point for the explorer and API. */
        public Builder servlet(String pathSpec, HttpServlet s) { servlets.put(pathSpec, s); return this; }
        public KgServer build() { return new KgServer(this); }
    }
}
