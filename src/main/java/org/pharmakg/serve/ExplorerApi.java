package org.pharmakg.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The explorer's JSON API over the store, mounted at {@code /api/*}: {@code search?q=},
 * {@code entity?iri=}, {@code document?iri=}, {@code partner-network?from=&to=} (with deal edges),
 * {@code compound-network}, {@code pipeline}, {@code deals?kind=&from=&to=&minUpfront=&currency=&entity=&sort=&dir=&offset=&limit=}
 * (a page of the deals table), {@code queries} (the named queries) and {@code query?name=&PARAM=} (one named
 * query run with its parameters bound, at most 1,000 rows).
 * Read-only; every request runs in a read transaction; parameters reach SPARQL as bound terms.
 *
 * <pre>KgServer.builder(dsg).servlet("/api/*", new ExplorerApi(dsg)).build().start();</pre>
 */
public final class ExplorerApi extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ExplorerApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An absolute http(s) IRI without characters that IRIs may not contain. */
    private static final Pattern IRI = Pattern.compile("https?://[^\\s<>\"{}|^`\\\\]+");
    private static final int SEARCH_LIMIT = 50;

    private final transient DatasetGraph dsg;

    public ExplorerApi(DatasetGraph dsg) { this.dsg = dsg; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        try {
            Object body = switch (path) {
                case "/search" -> Map.of("query", param(req, "q", ""), "results",
                        EntityViews.search(dsg, param(req, "q", ""), SEARCH_LIMIT));
                case "/entity" -> EntityViews.entity(dsg, iri(req))
                        .orElseThrow(() -> new ApiError(404, "no entity " + req.getParameter("iri") + " in the store"));
                case "/document" -> EntityViews.document(dsg, iri(req))
                        .orElseThrow(() -> new ApiError(404, "no press release " + req.getParameter("iri") + " in the store"));
                case "/partner-network" -> partnerNetwork(req);
                case "/compound-network" -> GraphViews.compoundNetwork(dsg).toCytoscape();
                case "/pipeline" -> PipelineView.pipeline(dsg);
                case "/deals" -> deals(req);
                case "/queries" -> queries();
                case "/query" -> NamedQueryRun.run(dsg, req.getParameter("name"), namedParams(req));
                case "/", "" -> Map.of("endpoints", List.of("search?q=", "entity?iri=", "document?iri=",
                        "partner-network?from=&to=", "compound-network", "pipeline",
                        "deals?kind=&from=&to=&minUpfront=&currency=&entity=&sort=&dir=&offset=&limit=", "queries", "query?name=&PARAM="));
                default -> throw new ApiError(404, "no API endpoint " + path + "; see /api/");
            };
            send(resp, 200, body);
        } catch (ApiError e) {
            send(resp, e.status, Map.of("error", e.getMessage()));
        } catch (IllegalArgumentException | org.pharmakg.PharmakgException e) {
            send(resp, 400, Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("api {} failed: {}", path, e.toString());
            send(resp, 500, Map.of("error", "the request failed: " + e.getMessage()));
        }
    }

    private Map<String, Object> partnerNetwork(HttpServletRequest req) {
        Integer from = year(req, "from"), to = year(req, "to");
        if (from != null && to != null && from > to) throw new ApiError(400, "from (" + from + ") is after to (" + to + ")");
        Network net = GraphViews.partnerNetwork(dsg, from, to);
        if (!"false".equals(req.getParameter("deals"))) {
            // deals as labelled edges between companies the network shows
            java.util.Set<String> ids = new java.util.HashSet<>();
            net.nodes().forEach(n -> ids.add(n.id()));
            List<Network.Edge> edges = new ArrayList<>(net.edges());
            for (Network.Edge e : DealViews.edges(dsg, from, to)) if (ids.contains(e.source()) && ids.contains(e.target())) edges.add(e);
            net = new Network(net.nodes(), edges);
        }
        Map<String, Object> out = new LinkedHashMap<>(net.toCytoscape());
        out.put("years", GraphViews.releaseYears(dsg));
        out.put("from", from);
        out.put("to", to);
        return out;
    }

    private Map<String, Object> deals(HttpServletRequest req) {
        Integer from = year(req, "from"), to = year(req, "to");
        if (from != null && to != null && from > to) throw new ApiError(400, "from (" + from + ") is after to (" + to + ")");
        String entity = req.getParameter("entity") == null || req.getParameter("entity").isBlank() ? null : iri(req, "entity");
        DealViews.Filter f = DealViews.Filter.builder()
                .kind(req.getParameter("kind"))
                .years(from, to)
                .minUpfront(decimal(req, "minUpfront"), req.getParameter("currency"))
                .entity(entity)
                .sort(req.getParameter("sort"), !"asc".equals(param(req, "dir", "desc")))
                .page(integer(req, "offset", 0), integer(req, "limit", 25))
                .build();
        return DealViews.page(dsg, f);
    }

    /** The request's parameters other than {@code name}, each given once, for a named query. */
    private static Map<String, String> namedParams(HttpServletRequest req) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : req.getParameterMap().entrySet()) {
            if (e.getKey().equals("name")) continue;
            if (e.getValue().length != 1) throw new ApiError(400, "parameter " + e.getKey() + " is given " + e.getValue().length + " times; give it once");
            if (!e.getValue()[0].isEmpty()) out.put(e.getKey(), e.getValue()[0]);
        }
        return out;
    }

    private static java.math.BigDecimal decimal(HttpServletRequest req, String name) {
        String v = param(req, name, "").strip();
        if (v.isEmpty()) return null;
        try {
            return new java.math.BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + " must be a number (e.g. 10000000); got '" + v + "'");
        }
    }

    private static int integer(HttpServletRequest req, String name, int dflt) {
        String v = param(req, name, "").strip();
        if (v.isEmpty()) return dflt;
        if (!v.matches("\\d{1,6}")) throw new ApiError(400, name + " must be a whole number; got '" + v + "'");
        return Integer.parseInt(v);
    }

    private static List<Map<String, Object>> queries() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NamedQueries.Named q : NamedQueries.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", q.name());
            m.put("description", q.description());
            m.put("params", q.params());
            m.put("text", q.text());
            out.add(m);
        }
        return out;
    }

    private static String iri(HttpServletRequest req) { return iri(req, "iri"); }

    private static String iri(HttpServletRequest req, String name) {
        String v = param(req, name, "").strip();
        if (v.startsWith("<") && v.endsWith(">")) v = v.substring(1, v.length() - 1);
        if (!IRI.matcher(v).matches()) {
            throw new ApiError(400, name + " must be an absolute http(s) IRI, e.g. https://w3id.org/pharmakg/id/company/bayer; got '" + v + "'");
        }
        return v;
    }

    private static Integer year(HttpServletRequest req, String name) {
        String v = param(req, name, "").strip();
        if (v.isEmpty()) return null;
        if (!v.matches("\\d{4}")) throw new ApiError(400, name + " must be a year (YYYY); got '" + v + "'");
        return Integer.valueOf(v);
    }

    private static String param(HttpServletRequest req, String name, String dflt) {
        String v = req.getParameter(name);
        return v == null ? dflt : v;
    }

    private static void send(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        JSON.writeValue(resp.getOutputStream(), body);
    }

    /** A request the API answers with an error status and message. */
    private static final class ApiError extends RuntimeException {
        final int status;

        ApiError(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
