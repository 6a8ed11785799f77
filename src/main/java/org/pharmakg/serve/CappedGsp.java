package org.pharmakg.serve;

import java.util.Iterator;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.servlets.GraphTarget;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The Graph Store read protocol ({@code GET /kg}, {@code /kg/get?graph=IRI}, {@code ?default}) cut at the row cap like
 * the queries: at most max rows quads (or triples) are sent, and a cut answer carries the header
 * {@code Pharmakg-Truncated} with the number sent. Without it {@code GET /kg} wrote the whole dataset whatever
 * {@code --max-rows} said; for the whole graph use {@code pharmakg export}.
 *
 * <pre>ds.addEndpoint(Endpoint.create().operation(Operation.GSP_R).endpointName("get").processor(new CappedGsp(100_000)).build());</pre>
 */
final class CappedGsp extends GSP_R {
    private final long maxRows;

    CappedGsp(long maxRows) { this.maxRows = maxRows; }

    @Override
    protected void execGetQuads(HttpAction action) {
        if (maxRows <= 0) {
            super.execGetQuads(action);
            return;
        }
        ActionLib.setCommonHeaders(action);
        MediaType mediaType = ActionLib.contentNegotationQuads(action);
        Lang lang = RDFLanguages.contentTypeToLang(mediaType.getContentTypeStr());
        if (lang == null) lang = RDFLanguages.TRIG;
        if (!RDFLanguages.isQuads(lang)) ServletOps.errorBadRequest("Not a quads format: " + mediaType);
        action.beginRead();
        try {
            DatasetGraph out = DatasetGraphFactory.create();
            copyCapped(action, action.getActiveDSG().find(), out::add);
            ActionLib.datasetResponse(action, out, lang);
            ServletOps.success(action);
        } finally {
            action.endRead();
        }
    }

    @Override
    protected void execGetGSP(HttpAction action) {
        if (maxRows <= 0) {
            super.execGetGSP(action);
            return;
        }
        ActionLib.setCommonHeaders(action);
        MediaType mediaType = ActionLib.contentNegotationRDF(action);
        Lang lang = RDFLanguages.contentTypeToLang(mediaType.getContentTypeStr());
        if (lang == null) lang = RDFLanguages.TURTLE;
        action.beginRead();
        try {
            GraphTarget target = GraphTarget.determineTargetGSP(action.getActiveDSG(), action);
            if (!target.exists()) ServletOps.errorNotFound("No such graph: " + target.label());
            Graph out = GraphFactory.createDefaultGraph();
            out.getPrefixMapping().setNsPrefixes(target.graph().getPrefixMapping());
            copyCapped(action, target.graph().find(), out::add);
            ActionLib.graphResponse(action, out, lang);
            ServletOps.success(action);
        } finally {
            action.endRead();
        }
    }

    /** Copies at most --max-rows items into the answer; a cut answer carries the truncation header. */
    private <T> void copyCapped(HttpAction action, Iterator<T> it, java.util.function.Consumer<T> out) {
        long n = 0;
        while (it.hasNext() && n < maxRows) {
            out.accept(it.next());
            n++;
        }
        if (it.hasNext()) cut(action, n);
    }

    private static void cut(HttpAction action, long n) {
        action.setResponseHeader(CappedQuery.TRUNCATED, Long.toString(n));
        action.log.info(String.format("[%d] Graph Store answer cut at %d rows (--max-rows)", action.id, n));
    }
}
