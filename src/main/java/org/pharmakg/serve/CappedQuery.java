package org.pharmakg.serve;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;
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
 * the response header {@code Pharmakg-Truncated: <max rows>}.
 *
 * <pre>Endpoint.create().operation(Operation.Query).endpointName("sparql").processor(new CappedQuery(100_000)).build();</pre>
 */
final class CappedQuery extends SPARQL_QueryDataset {
    /** Response header set when a SELECT had more rows than the cap. */
    static final String TRUNCATED = "Pharmakg-Truncated";

    private final long maxRows;

    CappedQuery(long maxRows) { this.maxRows = maxRows; }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        if (maxRows > 0 && (query.isSelectType() || query.isConstructType() || query.isDescribeType())) {
            long cap = query.isSelectType() ? maxRows + 1 : maxRows;   // one more row tells that it was cut
            if (!query.hasLimit() || query.getLimit() > cap) {
                query = query.cloneQuery();
                query.setLimit(cap);
            }
        }
        return super.createQueryExec(action, query, dataset);
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query requestQuery, String log) {
        if (!requestQuery.isSelectType()) return super.executeQuery(action, exec, requestQuery, log);
        RowSet rs = exec.select();
        List<Binding> rows = new ArrayList<>();
        while (rs.hasNext()) rows.add(rs.next());   // a timeout goes off here, before the response starts
        if (maxRows > 0 && rows.size() > maxRows) {
            rows.subList((int) maxRows, rows.size()).clear();
            action.setResponseHeader(TRUNCATED, Long.toString(maxRows));
            action.log.info(String.format("[%d] result cut at %d rows (--max-rows)", action.id, maxRows));
        }
        return new QueryExecResult(RowSetStream.create(rs.getResultVars(), rows.iterator()));
    }
}
