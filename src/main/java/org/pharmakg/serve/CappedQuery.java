package org.pharmakg.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.server.CounterName;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.ActionExecLib;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * The SPARQL query processor of {@link KgServer}: caps every SELECT, CONSTRUCT and DESCRIBE at a
 * number of rows and reads a SELECT's rows before answering, so a query that hits the timeout gets
 * HTTP 503 ("Query timed out") instead of a truncated 200 response. A SELECT cut at the cap carries
 * the response header {@code Pharmakg-Truncated: <rows sent>}; so do CONSTRUCT and DESCRIBE answers cut at the cap (in
 * triples), and any answer cut at the byte budget ({@code maxResultBytes}, estimated from the terms' lengths) that keeps
 * one query from filling the heap. REGEX and REPLACE are stopped at the timeout ({@link RegexGuard}); a query that
 * uses {@code SERVICE} gets 400 (federation is disabled on the dataset unless allowed), and a SERVICE that fails
 * never passes on what the remote server answered (502). Parsed queries are kept by their text (the
 * named queries and the explorer send the same texts again and again; parsing was a tenth of the server's
 * CPU under the query benchmark), and the query is formatted for the log only when the log wants it.
 *
 * <pre>Endpoint.create().operation(Operation.Query).endpointName("sparql").processor(new CappedQuery(100_000)).build();</pre>
 */
final class CappedQuery extends SPARQL_QueryDataset {
    /** Response header set when a SELECT had more rows than the cap. */
    static final String TRUNCATED = "Pharmakg-Truncated";

    private final long maxRows;
    private final long maxResultBytes;
    private final long timeoutMillis;

    /**
     * @param maxRows rows (SELECT) or triples (CONSTRUCT, DESCRIBE) answered at most; 0 for no cap
     * @param maxResultBytes estimated bytes of the terms collected for one answer at most; 0 for no cap
     * @param timeoutMillis the query timeout, which REGEX and REPLACE also obey; 0 for none
     */
    CappedQuery(long maxRows, long maxResultBytes, long timeoutMillis) {
        this.maxRows = maxRows;
        this.maxResultBytes = maxResultBytes;
        this.timeoutMillis = timeoutMillis;
    }

    CappedQuery(long maxRows) { this(maxRows, 0, 0); }

    /** Parsed queries by text, least recently used dropped first; each request gets its own copy. */
    private static final int CACHED = 256, CACHED_TEXT = 64 * 1024;
    private final Map<String, Query> parsed = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Query> e) { return size() > CACHED; }
    };

    private Query parse(String text) {
        Query cached;
        synchronized (parsed) {
            cached = parsed.get(text);
        }
        if (cached == null) {
            cached = QueryFactory.create(text, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
            cached.getResultVars();   // computed lazily: do it before the query is shared
            if (text.length() <= CACHED_TEXT) {
                synchronized (parsed) {
                    parsed.put(text, cached);
                }
            }
        }
        synchronized (cached) {
            return cached.cloneQuery();
        }
    }

    /** The query in the request body: read as it comes (Fuseki's reader takes large buffers for every request). */
    @Override
    protected void executeBody(HttpAction action) {
        String queryString = null;
        try {
            queryString = new String(action.getRequestInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException ex) {
            org.apache.jena.fuseki.servlets.ActionLib.consumeBody(action);
            ServletOps.errorOccurred(ex);
        }
        execute(queryString, action);
    }

    /** As {@code SPARQLQueryProcessor.execute}, with {@link #parse} and the log line only when logged. */
    @Override
    protected void execute(String queryString, HttpAction action) {
        if (queryString == null || queryString.isBlank()) ServletOps.errorBadRequest("Error: Empty query string");
        if (action.log.isInfoEnabled()) {
            action.log.info(String.format("[%d] Query = %s", action.id, ServletOps.formatForLog(queryString)));
        }
        Query query = null;
        try {
            query = parse(queryString);
            validateQuery(action, query);
        } catch (ActionErrorException ex) {
            throw ex;
        } catch (QueryParseException ex) {
            String msg = SPARQLProtocol.messageForParseException(ex);
            action.log.warn(String.format("[%d] %s", action.id, msg));
            ServletOps.errorBadRequest(msg);
        } catch (QueryException ex) {
            String msg = SPARQLProtocol.messageForException(ex);
            action.log.warn(String.format("[%d] %s", action.id, msg));
            ServletOps.errorBadRequest("Error: \n" + queryString + "\n" + msg);
        }
        try {
            action.beginRead();
            Pair<DatasetGraph, Query> p = decideDataset(action, query, queryString);
            Query q = p.getRight() == null ? query : p.getRight();
            final Query rq = query;
            long deadline = System.nanoTime() + (timeoutMillis > 0 ? timeoutMillis : 3_600_000L) * 1_000_000L;
            try (QueryExec qExec = createQueryExec(action, q, p.getLeft())) {
                QueryExecResult result = RegexGuard.withDeadline(deadline, () -> executeQuery(action, qExec, rq, queryString));
                sendResults(action, result, query.getPrologue());
            }
        } catch (RegexGuard.LimitException ex) {
            action.abortSilent();
            ServletOps.errorBadRequest(ex.getMessage());
        } catch (QueryDeniedException ex) {
            action.abortSilent();
            ServletOps.errorBadRequest("SERVICE (federated query) is not allowed on this server"
                    + (ex.getMessage() != null && ex.getMessage().startsWith("SERVICE <") ? ": " + ex.getMessage() : ""));
        } catch (QueryExceptionHTTP | org.apache.jena.atlas.web.HttpException ex) {
            // a SERVICE call failed: say so, but never pass on what the remote server answered
            action.abortSilent();
            action.log.warn(String.format("[%d] SERVICE failed: %s", action.id, ex.getClass().getSimpleName()));
            ServletOps.error(502, "a SERVICE request failed; the remote answer is not passed on");
        } catch (QueryParseException ex) {
            action.abortSilent();
            ServletOps.errorBadRequest("Query parse error: \n" + queryString + "\n" + SPARQLProtocol.messageForException(ex));
        } catch (QueryCancelledException ex) {
            action.abortSilent();
            ActionExecLib.incCounter(action.getEndpoint().getCounters(), CounterName.QueryTimeouts);
            throw ex;
        } finally {
            action.endRead();
        }
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        // a SELECT is cut while its rows are read (executeQuery): a LIMIT here would turn every ORDER BY into a
        // top-N sort with a queue of max rows + 1 allocated per request
        // a CONSTRUCT is cut in triples while they are made (executeQuery); a DESCRIBE describes at most max rows resources
        if (maxRows > 0 && query.isDescribeType()) {
            if (!query.hasLimit() || query.getLimit() > maxRows) {
                query = query.cloneQuery();
                query.setLimit(maxRows);
            }
        }
        return super.createQueryExec(action, query, dataset);
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query requestQuery, String log) {
        if (requestQuery.isConstructType()) return construct(action, exec, requestQuery);
        if (requestQuery.isDescribeType()) return describe(action, exec);
        if (!requestQuery.isSelectType()) return super.executeQuery(action, exec, requestQuery, log);
        RowSet rs = exec.select();
        List<Binding> rows = new ArrayList<>();
        long bytes = 0;
        // a timeout goes off here, before the response starts; one row more than the cap tells that it was cut
        while (rs.hasNext() && (maxRows <= 0 || rows.size() <= maxRows)) {
            Binding b = rs.next();
            bytes += bytes(b);
            if (maxResultBytes > 0 && bytes > maxResultBytes) {
                cut(action, rows.size(), "bytes (--max-rows byte budget)");
                return new QueryExecResult(RowSetStream.create(rs.getResultVars(), rows.iterator()));
            }
            rows.add(b);
        }
        if (maxRows > 0 && rows.size() > maxRows) {
            rows.subList((int) maxRows, rows.size()).clear();
            cut(action, maxRows, "rows (--max-rows)");
        }
        return new QueryExecResult(RowSetStream.create(rs.getResultVars(), rows.iterator()));
    }

    /** The triples (or quads) of a CONSTRUCT up to the row cap and the byte budget. */
    private QueryExecResult construct(HttpAction action, QueryExec exec, Query query) {
        DatasetGraph out = org.apache.jena.sparql.core.DatasetGraphFactory.create();
        out.prefixes().putAll(query.getPrologue().getPrefixMapping().getNsPrefixMap());
        java.util.Iterator<Quad> it = query.isConstructQuad() ? exec.constructQuads()
                : org.apache.jena.atlas.iterator.Iter.map(exec.constructTriples(), t -> Quad.create(Quad.defaultGraphIRI, t));
        long n = 0, bytes = 0;
        while (it.hasNext()) {
            if (maxRows > 0 && n >= maxRows) {
                cut(action, n, "triples (--max-rows)");
                break;
            }
            Quad q = it.next();
            bytes += bytes(q.getGraph()) + bytes(q.getSubject()) + bytes(q.getPredicate()) + bytes(q.getObject());
            if (maxResultBytes > 0 && bytes > maxResultBytes) {
                cut(action, n, "triples (byte budget)");
                break;
            }
            out.add(q);
            n++;
        }
        if (query.isConstructQuad()) return new QueryExecResult(out);
        return new QueryExecResult(out.getDefaultGraph());
    }

    /** A DESCRIBE's graph, cut at the row cap in triples. */
    private QueryExecResult describe(HttpAction action, QueryExec exec) {
        org.apache.jena.graph.Graph g = exec.describe();
        if (maxRows <= 0 || g.size() <= maxRows) return new QueryExecResult(g);
        org.apache.jena.graph.Graph out = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(g.getPrefixMapping());
        g.find().forEachRemaining(t -> {
            if (out.size() < maxRows) out.add(t);
        });
        cut(action, out.size(), "triples (--max-rows)");
        return new QueryExecResult(out);
    }

    private static void cut(HttpAction action, long kept, String why) {
        action.setResponseHeader(TRUNCATED, Long.toString(kept));
        action.log.info(String.format("[%d] result cut at %d %s", action.id, kept, why));
    }

    /** Roughly the heap a term holds: its characters and an object's overhead. */
    private static long bytes(Node n) {
        if (n == null) return 0;
        if (n.isURI()) return 48 + 2L * n.getURI().length();
        if (n.isLiteral()) return 64 + 2L * n.getLiteralLexicalForm().length() + 2L * n.getLiteralLanguage().length();
        return 48;
    }

    private static long bytes(Binding b) {
        long sum = 32;
        for (var it = b.vars(); it.hasNext(); ) sum += bytes(b.get(it.next()));
        return sum;
    }
}
