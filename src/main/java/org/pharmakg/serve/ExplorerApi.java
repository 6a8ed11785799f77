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
 * {@code entity?iri=}, {@code document?iri=}, {@code partner-network?from=&to=},
 * {@code compound-network}, {@code pipeline} and {@code queries} (the named queries).
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
                case "/queries" -> queries();
                case "/", "" -> Map.of("endpoints", List.of("search?q=", "entity?iri=", "document?iri=",
                        "partner-network?from=&to=", "compound-network", "pipeline", "queries"));
                default -> throw new ApiError(404, "no API endpoint " + path + "; see /api/");
            };
            send(resp, 200, body);
        } catch (ApiError e) {
            send(resp, e.status, Map.of("error", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("api {} failed: {}", path, e.toString());
            send(resp, 500, Map.of("error", "the request failed: " + e.getMessage()));
        }
    }

    private Map<String, Object> partnerNetwork(HttpServletRequest req) {
        Integer from = year(req, "from"), to = year(req, "to");
        if (from != null && to != null && from > to) throw new ApiError(400, "from (" + from + ") is after to (" + to + ")");
        Map<String, Object> out = new LinkedHashMap<>(GraphViews.partnerNetwork(dsg, from, to).toCytoscape());
        out.put("years", GraphViews.releaseYears(dsg));
        out.put("from", from);
        out.put("to", to);
        return out;
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

    private static String iri(HttpServletRequest req) {
        String v = param(req, "iri", "").strip();
        if (v.startsWith("<") && v.endsWith(">")) v = v.substring(1, v.length() - 1);
        if (!IRI.matcher(v).matches()) {
            throw new ApiError(400, "iri must be an absolute http(s) IRI, e.g. https://w3id.org/pharmakg/id/company/bayer; got '" + v + "'");
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
