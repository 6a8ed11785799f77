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
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * The SPARQL query processor of {@link KgServer}: caps every SELECT, CONSTRUCT and DESCRIBE at a
 * number of rows and reads a SELECT's rows before answering, so a query that hits the timeout gets
 * HTTP 503 ("Query timed out") instead of a truncated 200 response. A SELECT cut at the cap carries
 * the response header {@code Pharmakg-Truncated: <max rows>}. Parsed queries are kept by their text (the
 * named queries and the explorer send the same texts again and again; parsing was a tenth of the server's
 * CPU under the query benchmark), and the query is formatted for the log only when the log wants it.
 *
 * <pre>Endpoint.create().operation(Operation.Query).endpointName("sparql").processor(new CappedQuery(100_000)).build();</pre>
 */
final class CappedQuery extends SPARQL_QueryDataset {
    /** Response header set when a SELECT had more rows than the cap. */
    static final String TRUNCATED = "Pharmakg-Truncated";

    private final long maxRows;

    CappedQuery(long maxRows) { this.maxRows = maxRows; }

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
            try (QueryExec qExec = createQueryExec(action, q, p.getLeft())) {
                QueryExecResult result = executeQuery(action, qExec, query, queryString);
                sendResults(action, result, query.getPrologue());
            }
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
        if (maxRows > 0 && (query.isConstructType() || query.isDescribeType())) {
            if (!query.hasLimit() || query.getLimit() > maxRows) {
                query = query.cloneQuery();
                query.setLimit(maxRows);
            }
        }
        return super.createQueryExec(action, query, dataset);
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query requestQuery, String log) {
        if (!requestQuery.isSelectType()) return super.executeQuery(action, exec, requestQuery, log);
        RowSet rs = exec.select();
        List<Binding> rows = new ArrayList<>();
        // a timeout goes off here, before the response starts; one row more than the cap tells that it was cut
        while (rs.hasNext() && (maxRows <= 0 || rows.size() <= maxRows)) rows.add(rs.next());
        if (maxRows > 0 && rows.size() > maxRows) {
            rows.subList((int) maxRows, rows.size()).clear();
            action.setResponseHeader(TRUNCATED, Long.toString(maxRows));
            action.log.info(String.format("[%d] result cut at %d rows (--max-rows)", action.id, maxRows));
        }
        return new QueryExecResult(RowSetStream.create(rs.getResultVars(), rows.iterator()));
    }
}
