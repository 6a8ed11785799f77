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
 * The explorer's JSON API over the store, mounted at {@code /api/*}: {@code search?q=&types=&limit=},
 * {@code entity?iri=}, {@code document?iri=}, {@code neighbourhood?iri=&depth=&limit=} (the network around one
 * entity), {@code overview?view=partners|compounds&limit=} (the whole graph's communities, its best-connected nodes),
 * {@code partnerships?company=} (a company's ties and deals in time), {@code partner-network?from=&to=} (with deal
 * edges) and {@code compound-network} (whole networks, for small stores), {@code pipeline?company=&target=&indication=&phase=&q=&sort=&dir=&offset=&limit=}
 * (a page of the pipeline), {@code deals?kind=&from=&to=&minUpfront=&currency=&entity=&sort=&dir=&offset=&limit=}
 * (a page of the deals table), {@code queries} (the named queries) and {@code query?name=&PARAM=} (one named
 * query run with its parameters bound, at most 1,000 rows).
 * Read-only; every request runs in a read transaction; parameters reach SPARQL as bound terms. Every answer is
 * bounded in rows or nodes and says when it was cut ({@code truncated}, {@code more}); none is sent past
 * {@link #MAX_BYTES}.
 *
 * <pre>KgServer.builder(dsg).servlet("/api/*", new ExplorerApi(dsg)).build().start();</pre>
 */
public final class ExplorerApi extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ExplorerApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An absolute http(s) IRI without characters that IRIs may not contain. */
    private static final Pattern IRI = Pattern.compile("https?://[^\\s<>\"{}|^`\\\\]+");
    private static final int SEARCH_LIMIT = 50;
    /** Whole networks are cut to this many nodes (a store of thousands of companies is drawn by neighbourhood or overview). */
    static final int MAX_NETWORK_NODES = 1_000;
    /** No answer is larger: the row and node bounds keep answers far below it, this is the last guard. */
    static final int MAX_BYTES = 8 << 20;

    private final transient DatasetGraph dsg;

    public ExplorerApi(DatasetGraph dsg) { this.dsg = dsg; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        try {
            Object body = switch (path) {
                case "/search" -> search(req);
                case "/neighbourhood" -> FocusNetwork.around(dsg, iri(req), integer(req, "depth", 1), integer(req, "limit", 150),
                        req.getParameter("view") == null ? null : Overview.View.of(req.getParameter("view"))).toJson();
                case "/overview" -> Overview.of(dsg, Overview.View.of(req.getParameter("view")), integer(req, "limit", 300));
                case "/partnerships" -> PartnershipTimeline.of(dsg, iri(req, "company"), integer(req, "limit", 100));
                case "/entity" -> EntityViews.entity(dsg, iri(req))
                        .orElseThrow(() -> new ApiError(404, "no entity " + req.getParameter("iri") + " in the store"));
                case "/document" -> EntityViews.document(dsg, iri(req))
                        .orElseThrow(() -> new ApiError(404, "no press release " + req.getParameter("iri") + " in the store"));
                case "/partner-network" -> partnerNetwork(req);
                case "/compound-network" -> capped(GraphViews.compoundNetwork(dsg));
                case "/pipeline" -> pipeline(req);
                case "/deals" -> deals(req);
                case "/queries" -> queries();
                case "/query" -> NamedQueryRun.run(dsg, req.getParameter("name"), namedParams(req));
                case "/", "" -> Map.of("endpoints", List.of("search?q=&types=&limit=", "entity?iri=", "document?iri=",
                        "neighbourhood?iri=&depth=&limit=&view=", "overview?view=&limit=", "partnerships?company=&limit=",
                        "partner-network?from=&to=", "compound-network",
                        "pipeline?company=&target=&indication=&phase=&q=&sort=&dir=&offset=&limit=",
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
        Map<String, Object> out = capped(net);
        out.put("years", GraphViews.releaseYears(dsg));
        out.put("from", from);
        out.put("to", to);
        return out;
    }

    /** A whole network cut to {@link #MAX_NETWORK_NODES} nodes (the first, by the view's order) and the edges between them. */
    private static Map<String, Object> capped(Network net) {
        boolean cut = net.nodes().size() > MAX_NETWORK_NODES;
        if (cut) {
            List<Network.Node> nodes = net.nodes().subList(0, MAX_NETWORK_NODES);
            java.util.Set<String> ids = new java.util.HashSet<>();
            nodes.forEach(n -> ids.add(n.id()));
            net = new Network(nodes, net.edges().stream().filter(e -> ids.contains(e.source()) && ids.contains(e.target())).toList());
        }
        Map<String, Object> out = new LinkedHashMap<>(net.toCytoscape());
        out.put("truncated", cut);
        out.put("limit", MAX_NETWORK_NODES);
        return out;
    }

    private Map<String, Object> search(HttpServletRequest req) {
        int limit = Math.min(SEARCH_LIMIT, Math.max(1, integer(req, "limit", SEARCH_LIMIT)));
        String types = param(req, "types", "").strip();
        List<String> t = types.isEmpty() ? Sparql.TYPES : List.of(types.split("\\s*,\\s*"));
        List<Map<String, Object>> hits = EntityViews.search(dsg, param(req, "q", ""), limit + 1, t);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", param(req, "q", ""));
        out.put("results", hits.size() > limit ? hits.subList(0, limit) : hits);
        out.put("truncated", hits.size() > limit);
        out.put("limit", limit);
        return out;
    }

    private Map<String, Object> pipeline(HttpServletRequest req) {
        return PipelineView.page(dsg, PipelineView.Filter.builder()
                .company(optionalIri(req, "company")).target(optionalIri(req, "target")).indication(optionalIri(req, "indication"))
                .phase(req.getParameter("phase")).name(req.getParameter("q"))
                .sort(req.getParameter("sort"), "desc".equals(req.getParameter("dir")))
                .page(integer(req, "offset", 0), integer(req, "limit", 25))
                .build());
    }

    private static String optionalIri(HttpServletRequest req, String name) {
        return req.getParameter(name) == null || req.getParameter(name).isBlank() ? null : iri(req, name);
    }

    private Map<String, Object> deals(HttpServletRequest req) {
        Integer from = year(req, "from"), to = year(req, "to");
        if (from != null && to != null && from > to) throw new ApiError(400, "from (" + from + ") is after to (" + to + ")");
        String entity = optionalIri(req, "entity");
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
        byte[] bytes = JSON.writeValueAsBytes(body);
        if (bytes.length > MAX_BYTES) {
            LOG.warn("api answer of {} bytes refused (over {})", bytes.length, MAX_BYTES);
            status = 507;
            bytes = JSON.writeValueAsBytes(Map.of("error", "the answer would be " + bytes.length + " bytes, over the explorer's "
                    + MAX_BYTES + "; narrow it (a filter, a smaller limit, a neighbourhood instead of the whole network)"));
        }
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
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
