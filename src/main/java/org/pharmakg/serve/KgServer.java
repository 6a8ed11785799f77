package org.pharmakg.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.pharmakg.PharmakgException;

/**
 * The SPARQL endpoint: an embedded Fuseki serving the store read-only at {@code /kg/sparql} (and
 * {@code /kg/query}), the Graph Store read protocol at {@code /kg/get}, and a home page at {@code /}.
 *
 * <pre>
 * KgServer server = KgServer.builder(store.dataset()).port(3030).build().start();
 * ... server.port() ... server.stop();
 * </pre>
 */
public final class KgServer {
    private final FusekiServer fuseki;

    private KgServer(Builder b) {
        FusekiServer.Builder fb = FusekiServer.create()
                .port(b.port)
                .enablePing(true)
                .add("/kg", b.dataset, false)
                .addServlet("", new Home(b.dataset));
        for (var e : b.servlets.entrySet()) fb.addServlet(e.getKey(), e.getValue());
        if ("127.0.0.1".equals(b.host) || "localhost".equals(b.host)) {
            fb.loopback(true);
        } else {
            fb.loopback(false);
        }
        if (b.timeoutMillis > 0) {
            // a runaway query is stopped after the timeout; the server keeps answering the others
            b.dataset.getContext().set(org.apache.jena.query.ARQ.queryTimeout, Long.toString(b.timeoutMillis));
        }
        this.fuseki = fb.build();
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
        private final java.util.Map<String, HttpServlet> servlets = new java.util.LinkedHashMap<>();

        Builder(DatasetGraph dsg) { this.dataset = dsg; }

        /** 0 picks a free port (tests). */
        public Builder port(int p) { this.port = p; return this; }
        public Builder host(String h) { this.host = h; return this; }
        public Builder timeoutMillis(long t) { this.timeoutMillis = t; return this; }
        /** Adds a servlet at a path spec ("/api/*", "/explore/*"): the extension point for the explorer and API. */
        public Builder servlet(String pathSpec, HttpServlet s) { servlets.put(pathSpec, s); return this; }
        public KgServer build() { return new KgServer(this); }
    }
}
