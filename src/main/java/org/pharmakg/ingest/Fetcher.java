package org.pharmakg.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches feeds and release pages politely: a User-Agent naming pharmakg, one request at a time and a
 * pause between two requests to the same host, retries with back-off on network errors, 429 and 5xx,
 * conditional requests (If-None-Match, If-Modified-Since), redirects followed by hand (at most 5, loops
 * refused), bodies cut at a size and a time limit.
 *
 * <pre>{@code
 * Fetcher f = Fetcher.builder().delay(Duration.ofSeconds(1)).build();
 * Fetcher.Result r = f.get("https://example.com/feed.xml", previousEtag, previousLastModified);
 * if (r.notModified()) { ... }   // 304: nothing new
 * }</pre>
 *
 * Every failure is a {@link FetchException} naming the URL: "HTTP 500 after 3 tries", "redirect loop",
 * "larger than 10 MB", "no complete answer within 30 s".
 */
public final class Fetcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);

    /** The User-Agent sent with every request. */
    public static final String USER_AGENT = "pharmakg/1.0 (knowledge-graph builder for press releases; polite: one request per host at a time)";

    /** A fetched body with its validators; {@code body} is null when the server said 304 Not Modified. */
    public record Result(String url, int status, byte[] body, String contentType, String etag, String lastModified) {
        public boolean notModified() {
            return status == 304;
        }
    }

    private final HttpClient client;
    private final Duration delay;
    private final Duration timeout;
    private final long maxBytes;
    private final int tries;
    private final Duration backoff;
    private final Map<String, Long> lastRequest = new HashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pharmakg-fetch-watchdog");
        t.setDaemon(true);
        return t;
    });
    private int requests;

    private Fetcher(Builder b) {
        this.delay = b.delay;
        this.timeout = b.timeout;
        this.maxBytes = b.maxBytes;
        this.tries = b.tries;
        this.backoff = b.backoff;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(b.timeout).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many HTTP requests this fetcher has sent. */
    public synchronized int requests() {
        return requests;
    }

    /**
     * GETs {@code url}, conditionally when a validator is given.
     *
     * @throws FetchException when it cannot be fetched
     */
    public synchronized Result get(String url, String etag, String lastModified) {
        Set<String> seen = new LinkedHashSet<>();
        String current = url;
        for (int hop = 0; hop <= 5; hop++) {
            if (!seen.add(current)) {
                throw new FetchException(url, "redirect loop (" + String.join(" -> ", seen) + " -> " + current + ")",
                        "check the address; the site sends it round in a circle");
            }
            Result r = withRetries(current, hop == 0 ? etag : null, hop == 0 ? lastModified : null);
            if (r.status() >= 300 && r.status() < 400 && r.status() != 304) {
                String location = r.url();   // withRetries puts the Location there
                current = location;
                continue;
            }
            return r;
        }
        throw new FetchException(url, "more than 5 redirects", "check the address");
    }

    private Result withRetries(String url, String etag, String lastModified) {
        FetchException last = null;
        for (int attempt = 1; attempt <= tries; attempt++) {
            if (attempt > 1) {
                sleep(backoff.toMillis() * (1L << (attempt - 2)));
            }
            try {
                return once(url, etag, lastModified, attempt);
            } catch (Retry e) {
                last = new FetchException(url, e.getMessage() + " after " + attempt + (attempt == 1 ? " try" : " tries"),
                        "try again later");
                LOG.debug("{}: {} (try {} of {})", url, e.getMessage(), attempt, tries);
            }
        }
        throw last;
    }

    /** A failure worth another try. */
    private static final class Retry extends Exception {
        private static final long serialVersionUID = 1L;

        Retry(String message) {
            super(message, null, false, false);
        }
    }

    private Result once(String url, String etag, String lastModified, int attempt) throws Retry {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new FetchException(url, "not a valid URL", "check the address");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new FetchException(url, "not an http(s) URL", "give an http:// or https:// address, or a file");
        }
        pause(uri.getHost() + ":" + uri.getPort());
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT)
                .header("Accept", "application/atom+xml, application/rss+xml, text/html, application/pdf, */*;q=0.5");
        if (etag != null) rb.header("If-None-Match", etag);
        if (lastModified != null) rb.header("If-Modified-Since", lastModified);
        HttpResponse<InputStream> resp;
        requests++;
        try {
            resp = client.send(rb.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new Retry("network error (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url, "interrupted", "run it again");
        }
        int status = resp.statusCode();
        String type = resp.headers().firstValue("Content-Type").orElse(null);
        if (status == 304) {
            close(resp.body());
            return new Result(url, 304, null, type, etag, lastModified);
        }
        if (status >= 300 && status < 400) {
            close(resp.body());
            String loc = resp.headers().firstValue("Location").orElseThrow(() ->
                    new FetchException(url, "HTTP " + status + " without a Location", "check the address"));
            return new Result(uri.resolve(loc).toString(), status, null, type, null, null);
        }
        if (status == 429 || status >= 500) {
            close(resp.body());
            throw new Retry("HTTP " + status);
        }
        if (status != 200) {
            close(resp.body());
            throw new FetchException(url, "HTTP " + status, status == 404 || status == 410 ? "the page is gone; check the link"
                    : "check the address and whether the site allows it");
        }
        byte[] body = read(url, resp.body());
        return new Result(url, 200, body, type, resp.headers().firstValue("ETag").orElse(null),
                resp.headers().firstValue("Last-Modified").orElse(null));
    }

    /** The body, at most {@code maxBytes}, within {@code timeout}: a page that never ends is cut off and refused. */
    private byte[] read(String url, InputStream in) {
        boolean[] timedOut = {false};
        ScheduledFuture<?> guard = watchdog.schedule(() -> {
            timedOut[0] = true;
            close(in);
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (in) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
            if (b.length > maxBytes) {
                throw new FetchException(url, "larger than " + PressReleaseReader.formatSize(maxBytes) + " (it may never end)",
                        "check the link; a release is far smaller");
            }
            return b;
        } catch (IOException e) {
            if (timedOut[0]) {
                throw new FetchException(url, "no complete answer within " + timeout.toSeconds() + " s (the page does not end)",
                        "check the link, or try again later");
            }
            throw new FetchException(url, "network error while reading (" + e.getMessage() + ")", "try again later", e);
        } finally {
            guard.cancel(false);
        }
    }

    private void pause(String host) {
        Long last = lastRequest.get(host);
        if (last != null) {
            long wait = last + delay.toMillis() - System.currentTimeMillis();
            if (wait > 0) sleep(wait);
        }
        lastRequest.put(host, System.currentTimeMillis());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a stream we give up on
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    /** Settings: delay between requests to one host (1 s), time limit per request (30 s), size limit (10 MB), tries (3), first back-off (2 s). */
    public static final class Builder {
        private Duration delay = Duration.ofSeconds(1);
        private Duration timeout = Duration.ofSeconds(30);
        private long maxBytes = 10L << 20;
        private int tries = 3;
        private Duration backoff = Duration.ofSeconds(2);

        public Builder delay(Duration d) { this.delay = d; return this; }
        public Builder timeout(Duration d) { this.timeout = d; return this; }
        public Builder maxBytes(long n) { this.maxBytes = n; return this; }
        public Builder tries(int n) { this.tries = Math.max(1, n); return this; }
        public Builder backoff(Duration d) { this.backoff = d; return this; }
        public Fetcher build() { return new Fetcher(this); }
    }
}
