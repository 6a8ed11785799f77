package org.pharmakg.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A web site for fetching tests on a free loopback port: pages with ETags (304 on a matching If-None-Match),
 * fixed status codes, redirects and a page that never ends; it counts the requests per path and keeps the
 * User-Agent and arrival time of each.
 *
 * <pre>{@code
 * try (LocalSite site = LocalSite.start()) {
 *     site.put("/feed.xml", LocalSite.atom(site.base() + "/news/a.html"));
 *     ...
 *     assertEquals(1, site.hits("/news/a.html"));
 * }
 * }</pre>
 *
 * A path with nothing put answers 404 (so a site without {@code /robots.txt} allows everything).
 */
public final class LocalSite implements AutoCloseable {

    /** One request as the site saw it. */
    public record Request(String path, String userAgent, long nanos) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, Boolean> endless = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();

    private LocalSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** A site on a free port of 127.0.0.1. */
    public static LocalSite start() throws IOException {
        return new LocalSite();
    }

    /** {@code http://127.0.0.1:PORT}, without a slash at the end. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code body} at {@code path} (type from the extension: .xml, .bin, .txt, else HTML). */
    public LocalSite put(String path, byte[] body) {
        pages.put(path, body.clone());
        return this;
    }

    public LocalSite put(String path, String body) {
        return put(path, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code status} with no body at {@code path}. */
    public LocalSite status(String path, int status) {
        statuses.put(path, status);
        return this;
    }

    /** Answers 302 to {@code to} at {@code path}. */
    public LocalSite redirect(String path, String to) {
        redirects.put(path, to);
        return this;
    }

    /** Sends an HTML page at {@code path} that does not end (for 10 s). */
    public LocalSite endless(String path) {
        endless.put(path, true);
        return this;
    }

    /** How many requests {@code path} got. */
    public int hits(String path) {
        return (int) requests().stream().filter(r -> r.path().equals(path)).count();
    }

    /** Every request so far, in order of arrival. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath() + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery());
        synchronized (requests) {
            requests.add(new Request(path, x.getRequestHeaders().getFirst("User-Agent"), System.nanoTime()));
        }
        try (x) {
            if (redirects.containsKey(path)) {
                x.getResponseHeaders().add("Location", redirects.get(path));
                x.sendResponseHeaders(302, -1);
            } else if (statuses.containsKey(path)) {
                x.sendResponseHeaders(statuses.get(path), -1);
            } else if (endless.containsKey(path)) {
                x.getResponseHeaders().add("Content-Type", "text/html");
                x.sendResponseHeaders(200, 0);
                OutputStream o = x.getResponseBody();
                long end = System.currentTimeMillis() + 10_000;
                while (System.currentTimeMillis() < end) {
                    o.write("<p>more ".getBytes(StandardCharsets.UTF_8));
                    o.flush();
                    Thread.sleep(100);
                }
            } else {
                byte[] body = pages.get(path);
                if (body == null) {
                    x.sendResponseHeaders(404, -1);
                    return;
                }
                String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
                if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                    x.sendResponseHeaders(304, -1);
                    return;
                }
                x.getResponseHeaders().add("ETag", etag);
                x.getResponseHeaders().add("Content-Type", path.endsWith(".xml") ? "application/xml"
                        : path.endsWith(".bin") ? "application/octet-stream"
                        : path.endsWith(".txt") ? "text/plain; charset=utf-8" : "text/html; charset=utf-8");
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up on a page that never ends
        }
    }

    /** An Atom feed with one entry per link (dates cycle through three days of 2012–2013). */
    public static String atom(String... links) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>ImmunoGen news</title><id>urn:x</id><updated>2013-07-23T08:00:00Z</updated>\n");
        String[] dates = {"2012-07-11T08:00:00Z", "2012-01-18T08:00:00Z", "2013-07-23T08:00:00Z"};
        for (int i = 0; i < links.length; i++) {
            b.append("<entry><title>Item ").append(i).append("</title><id>urn:item:").append(i).append("</id><link rel=\"alternate\" href=\"")
                    .append(links[i]).append("\"/><updated>").append(dates[i % 3]).append("</updated></entry>\n");
        }
        return b.append("</feed>\n").toString();
    }

    /** An RSS 2.0 feed with one item per link. */
    public static String rss(String... links) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>News</title>\n");
        for (int i = 0; i < links.length; i++) {
            b.append("<item><title>Item ").append(i).append("</title><link>").append(links[i])
                    .append("</link><pubDate>Tue, 23 Jul 2013 08:00:00 GMT</pubDate><guid>g").append(i).append("</guid></item>\n");
        }
        return b.append("</channel></rss>\n").toString();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
