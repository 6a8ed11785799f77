package org.pharmakg.serve;

import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first handler of {@link KgServer}, in front of Fuseki and the explorer: what every request goes
 * through before anything parses it. It
 * <ul>
 * <li>sends {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, a Content-Security-Policy and
 *     {@code Referrer-Policy: no-referrer} on every response;</li>
 * <li>answers 421 to a {@code Host} that is neither a loopback name, an IP address, the configured host nor an allowed
 *     name (DNS rebinding: a page of evil.example resolving its name to 127.0.0.1);</li>
 * <li>answers 413 to a body or query string larger than the limit, before reading it, and 411 to a body without a
 *     length (parsing cost grows with the square of a query's size and the query timeout does not cover parsing);</li>
 * <li>answers 400 to a {@code callback} parameter (JSONP would let a page of another origin read results);</li>
 * <li>lets at most N queries run at once (SPARQL and the explorer API), waiting a little for a free slot, then 503;</li>
 * <li>answers 429 to a client that gave the wrong update password too often ({@link LoginThrottle}).</li>
 * </ul>
 *
 * <pre>EdgeGuard g = new EdgeGuard(settings); g.setHandler(jetty.getHandler()); jetty.setHandler(g);</pre>
 */
final class EdgeGuard extends Handler.Wrapper {
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final long maxBytes;
    private final Set<String> hosts;
    private final Semaphore queries;
    private final int maxQueries;
    private final long queueWaitMillis;
    private final LoginThrottle throttle;

    /**
     * @param maxBytes most bytes of a request body or query string
     * @param hosts host names accepted besides loopback names and IP addresses (lower case)
     * @param maxQueries queries that may run at once
     * @param queueWaitMillis how long a query waits for a free slot before 503
     */
    EdgeGuard(long maxBytes, Set<String> hosts, int maxQueries, long queueWaitMillis, LoginThrottle throttle) {
        this.maxBytes = maxBytes;
        this.hosts = Set.copyOf(hosts);
        this.maxQueries = maxQueries;
        this.queries = new Semaphore(maxQueries, true);
        this.queueWaitMillis = queueWaitMillis;
        this.throttle = throttle;
    }

    /** Queries running now (for tests and the log). */
    int queriesRunning() { return maxQueries - queries.availablePermits(); }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var h = response.getHeaders();
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Content-Security-Policy", CSP);
        h.put("Referrer-Policy", "no-referrer");

        String host = request.getHttpURI().getHost();
        if (host != null && !hostAllowed(host)) {
            return refuse(response, callback, 421, "this server does not answer for the host name in the request; "
                    + "use http://127.0.0.1 or the address it was started with (--host, --allow-host)");
        }
        String query = request.getHttpURI().getQuery();
        if (query != null && query.length() > maxBytes) {
            return refuse(response, callback, 413, "the query string is longer than " + maxBytes
                    + " bytes (--max-query-bytes); send the query in a POST body or raise the limit");
        }
        long length = request.getLength();
        if (length > maxBytes) {
            return refuse(response, callback, 413, "the request body is longer than " + maxBytes
                    + " bytes (--max-query-bytes); raise the limit if the query is meant to be this large");
        }
        if (length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            return refuse(response, callback, 411, "send the request body with a Content-Length");
        }
        if (query != null && hasCallback(query)) {
            return refuse(response, callback, 400, "the callback parameter (JSONP) is not supported: it would let pages of "
                    + "other sites read the results; use CORS-free JSON from the same origin");
        }
        // a request refused before its body is read (401, 403, 415 …) leaves bytes on the connection, which the server
        // then closes: say so in the answer, or a client that reuses the connection reads an empty reply
        final Response out = length != 0 ? new CloseAfterError(request, response) : response;
        String path = Request.getPathInContext(request);
        String client = Request.getRemoteAddr(request);
        if (isUpdate(path)) {
            long wait = throttle.blockedSeconds(client);
            if (wait > 0) {
                h.put("Retry-After", Long.toString(wait));
                return refuse(out, callback, 429, "too many wrong passwords from this address; try again in " + wait + " s");
            }
            boolean gaveCredentials = request.getHeaders().contains(HttpHeader.AUTHORIZATION);
            return super.handle(request, out, new Callback.Nested(callback) {
                @Override public void succeeded() {
                    record(out.getStatus());
                    super.succeeded();
                }

                @Override public void failed(Throwable x) {
                    record(out.getStatus());
                    super.failed(x);
                }

                private void record(int status) {
                    if (status == 401 && gaveCredentials) throttle.failure(client);
                    else if (status / 100 == 2) throttle.success(client);
                }
            });
        }
        if (!isQuery(path)) return super.handle(request, out, callback);
        if (!queries.tryAcquire(queueWaitMillis, TimeUnit.MILLISECONDS)) {
            h.put("Retry-After", "1");
            return refuse(out, callback, 503, "the server is busy: " + maxQueries
                    + " queries are running; try again in a moment");
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) queries.release();
        };
        try {
            boolean handled = super.handle(request, out, new Callback.Nested(callback) {
                @Override public void succeeded() {
                    release.run();
                    super.succeeded();
                }

                @Override public void failed(Throwable x) {
                    release.run();
                    super.failed(x);
                }
            });
            if (!handled) release.run();
            return handled;
        } catch (Exception | Error e) {
            release.run();
            throw e;
        }
    }

    /** Adds {@code Connection: close} to an error answer before it is committed. */
    private static final class CloseAfterError extends Response.Wrapper {
        CloseAfterError(Request request, Response wrapped) { super(request, wrapped); }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (!isCommitted() && getStatus() >= 400) getHeaders().put(HttpHeader.CONNECTION, "close");
            super.write(last, content, callback);
        }
    }

    static boolean isUpdate(String path) { return path != null && path.startsWith("/kg/update"); }

    /** The SPARQL endpoints (and the dataset's Graph Store) and the explorer API: what runs queries. */
    static boolean isQuery(String path) {
        return path != null && ((path.startsWith("/kg") && !isUpdate(path)) || path.startsWith("/api/"));
    }

    private static boolean hasCallback(String query) {
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            if (name.equalsIgnoreCase("callback") || name.equalsIgnoreCase("jsonp")) return true;
        }
        return false;
    }

    /** Loopback names, IP literals (DNS rebinding needs a name), the configured host and allowed names. */
    boolean hostAllowed(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        if (h.equals("localhost") || h.endsWith(".localhost")) return true;
        if (h.startsWith("[") || h.indexOf(':') >= 0) return true;            // IPv6 literal
        if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return true;               // IPv4 literal
        try {
            return hosts.contains(IDN.toASCII(h));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A short plain-text error; the message never repeats what the request sent. */
    private static boolean refuse(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (status == 413 || status == 411) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
