package org.pharmakg.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;

/**
 * SPARQL Update at {@code /kg/update}, refusing what turns the update password into more than write access to the
 * graph: {@code LOAD} (it reads {@code file:///} and any URL from the server), {@code SERVICE} in a WHERE clause (the
 * same), and {@code DROP}/{@code CLEAR} of ALL, NAMED or DEFAULT (the whole store at once); all with 400. Against
 * cross-site requests from a browser that has cached the password it takes only {@code application/sparql-update}
 * bodies (a page of another site cannot send that type without a CORS preflight, which is never granted) and refuses
 * a request whose {@code Origin} is not this server (403).
 *
 * <pre>Endpoint.create().operation(Operation.Update).endpointName("update").processor(new GuardedUpdate()).build();</pre>
 */
final class GuardedUpdate extends SPARQL_Update {
    @Override
    public void validate(HttpAction action) {
        if ("POST".equalsIgnoreCase(action.getRequestMethod()) || "PATCH".equalsIgnoreCase(action.getRequestMethod())) {
            String ct = action.getRequestContentType();
            if (ct == null || !ct.toLowerCase(Locale.ROOT).strip().startsWith("application/sparql-update")) {
                ServletOps.error(415, "SPARQL Update is accepted only as a request body of type application/sparql-update "
                        + "(HTML forms are refused: another site's page could submit one with your cached password)");
            }
            String origin = action.getRequestHeader("Origin");
            if (origin != null && !sameOrigin(origin, action.getRequestHeader("Host"))) {
                ServletOps.error(403, "SPARQL Update from a page of another origin is refused");
            }
        }
        super.validate(action);
    }

    /** An Origin header naming this server (scheme aside): its host and port are those of the Host header. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null || origin.equals("null")) return false;
        try {
            URI o = URI.create(origin.strip());
            if (o.getHost() == null) return false;
            String authority = o.getHost() + (o.getPort() >= 0 ? ":" + o.getPort() : "");
            return authority.equalsIgnoreCase(host.strip()) || (o.getPort() < 0 && (o.getHost() + ":80").equalsIgnoreCase(host.strip()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        byte[] body;
        try {
            body = input.readAllBytes();   // the edge guard has capped its size
        } catch (IOException e) {
            ServletOps.errorOccurred(e);
            return;
        }
        UpdateRequest request;
        try {
            request = UpdateFactory.read(new ByteArrayInputStream(body), org.apache.jena.fuseki.Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
        } catch (QueryParseException | UpdateException e) {
            ServletOps.errorBadRequest(e.getMessage());
            return;
        }
        for (Update u : request.getOperations()) {
            String refused = refusal(u);
            if (refused != null) ServletOps.errorBadRequest(refused);
        }
        super.execute(action, new ByteArrayInputStream(body));
    }

    /** Why this operation is refused, or null. */
    static String refusal(Update u) {
        if (u instanceof UpdateLoad) {
            return "LOAD is refused: it would read files and URLs on the server's behalf; insert the data with INSERT DATA, "
                    + "or add the release with `pharmakg build`";
        }
        if (u instanceof UpdateDropClear dc && (dc.isAll() || dc.isAllNamed() || dc.isDefault())) {
            return "DROP/CLEAR of ALL, NAMED or DEFAULT is refused (the whole store at once); drop graphs one by one "
                    + "(DROP GRAPH <iri>) or rebuild the store with `pharmakg build`";
        }
        if (u instanceof UpdateModify m && m.getWherePattern() != null && hasService(m.getWherePattern())) {
            return "SERVICE is refused in updates: federated queries are disabled on this server";
        }
        return null;
    }

    static boolean hasService(Element e) {
        boolean[] found = new boolean[1];
        ElementWalker.walk(e, new ElementVisitorBase() {
            @Override public void visit(ElementService el) { found[0] = true; }

            @Override public void visit(ElementSubQuery el) {
                if (el.getQuery().getQueryPattern() != null && hasService(el.getQuery().getQueryPattern())) found[0] = true;
            }
        });
        return found[0];
    }
}
