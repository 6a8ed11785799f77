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
import org.apache.jena.sparql.core.DatasetGraph;
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

    /** The only user allowed to update, with the password given to {@link Builder#update}. */
    public static final String UPDATE_USER = "pharmakg";

    private KgServer(Builder b) {
        // the standard read-only services, with a query processor that caps rows and reports timeouts
        DataService.Builder ds = DataService.newBuilder(b.dataset);
        for (String name : new String[] {"", "sparql", "query"}) {
            ds.addEndpoint(Endpoint.create().operation(Operation.Query).endpointName(name)
                    .processor(new CappedQuery(b.maxRows)).build());
        }
        for (String name : new String[] {"", "get", "data"}) ds.addEndpoint(Operation.GSP_R, name);
        if (b.updatePassword != null) {
            // SPARQL Update only at /kg/update, only for UPDATE_USER with HTTP basic auth
            ds.addEndpoint(Operation.Update, "update", Auth.policyAllowSpecific(UPDATE_USER));
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
        }
        if (!loopback && !"0.0.0.0".equals(b.host) && !"*".equals(b.host)) {
            // Fuseki binds either loopback or every interface; --host names one address
            for (var c : fuseki.getJettyServer().getConnectors()) {
                if (c instanceof org.eclipse.jetty.server.ServerConnector sc) sc.setHost(b.host);
            }
        }
    }

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
        private final java.util.Map<String, HttpServlet> servlets = new java.util.LinkedHashMap<>();

        Builder(DatasetGraph dsg) { this.dataset = dsg; }

        /** 0 picks a free port (tests). */
        public Builder port(int p) { this.port = p; return this; }
        public Builder host(String h) { this.host = h; return this; }
        public Builder timeoutMillis(long t) { this.timeoutMillis = t; return this; }
        /** Most rows a query answers (default 100,000; 0 for no cap); a SELECT cut short says so in a header. */
        public Builder maxRows(long n) { this.maxRows = n; return this; }
        /**
         * Enables SPARQL Update at {@code /kg/update} for user {@value #UPDATE_USER} with this password
         * (HTTP basic auth; a wrong or missing password gets 401). Without it the server is read-only.
         */
        public Builder update(String password) {
            if (password == null || password.isEmpty()) throw new IllegalArgumentException("an update password is required");
            this.updatePassword = password;
            return this;
        }
        /** Adds a servlet at a path spec ("/api/*", "/explore/*"): the extension point for the explorer and API. */
        public Builder servlet(String pathSpec, HttpServlet s) { servlets.put(pathSpec, s); return this; }
        public KgServer build() { return new KgServer(this); }
    }
}
