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
 * refused), bodies cut at a size and a time limit, and each site's robots.txt honoured (RFC 9309).
 *
 * <pre>{@code
 * Fetcher f = Fetcher.builder().delay(Duration.ofSeconds(1)).build();
 * Fetcher.Result r = f.get("https://example.com/feed.xml", previousEtag, previousLastModified);
 * if (r.notModified()) { ... }   // 304: nothing new
 * }</pre>
 *
 * Every failure is a {@link FetchException} naming the URL: "HTTP 500 after 3 tries", "redirect loop",
 * "larger than 10 MB", "no complete answer within 30 s", "http://x/robots.txt disallows it (Disallow: /private/)".
 *
 * <p>robots.txt: read once per site (scheme, host and port) with the same User-Agent and pause, kept for 24 hours
 * (RFC 9309 §2.4), its rules for {@link #ROBOTS_AGENT} or else {@code *} applied to every URL and redirect target
 * ({@link Robots}); a 4xx answer (missing) allows everything, a 5xx, 429 or network error after the retries allows
 * nothing on that site (RFC 9309 §2.3.1.4) and says so. Its {@code Crawl-delay} raises the pause between two
 * requests to the site (up to {@link #MAX_CRAWL_DELAY}).
 */
public final class Fetcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);

    /** The User-Agent sent with every request. */
    public static final String USER_AGENT = "pharmakg/1.0 (knowledge-graph builder for press releases; polite: one request per host at a time)";

    /** The product token matched against robots.txt user-agent lines. */
    public static final String ROBOTS_AGENT = "pharmakg";
    /** The longest Crawl-delay honoured; a site asking more gets this (and a warning). */
    public static final Duration MAX_CRAWL_DELAY = Duration.ofMinutes(5);
    private static final long ROBOTS_TTL_MILLIS = Duration.ofHours(24).toMillis();

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
    /** Per site (scheme://host:port): its robots.txt rules, when they were read, and why nothing is allowed (or null). */
    private final Map<String, SiteRules> robots = new HashMap<>();
    /** Per host:port: the pause its robots.txt asks for. */
    private final Map<String, Duration> crawlDelays = new HashMap<>();

    private record SiteRules(Robots robots, long readAt, String unreachable) {
    }
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
        return follow(url, etag, lastModified, false);
    }

    /** GETs {@code url} following redirects; each hop is checked against its site's robots.txt unless this is a robots.txt. */
    private Result follow(String url, String etag, String lastModified, boolean robotsTxt) {
        Set<String> seen = new LinkedHashSet<>();
        String current = url;
        for (int hop = 0; hop <= 5; hop++) {
            if (!seen.add(current)) {
                throw new FetchException(url, "redirect loop (" + String.join(" -> ", seen) + " -> " + current + ")",
                        "check the address; the site sends it round in a circle");
            }
            URI uri = uri(current);
            if (!robotsTxt) checkRobots(url, uri);
            Result r = withRetries(current, hop == 0 ? etag : null, hop == 0 ? lastModified : null, robotsTxt);
            if (r.status() >= 300 && r.status() < 400 && r.status() != 304) {
                String location = r.url();   // withRetries puts the Location there
                current = location;
                continue;
            }
            return r;
        }
        throw new FetchException(url, "more than 5 redirects", "check the address");
    }

    /** Refuses {@code uri} (reported as {@code asked}, the URL first asked for) when its site's robots.txt does not allow it. */
    private void checkRobots(String asked, URI uri) {
        String site = uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority();
        SiteRules rules = robots.get(site);
        if (rules == null || System.currentTimeMillis() - rules.readAt() > ROBOTS_TTL_MILLIS) {
            rules = readRobots(site, hostKey(uri));
            robots.put(site, rules);
        }
        if (rules.unreachable() != null) {
            throw new FetchException(asked, site + "/robots.txt could not be read (" + rules.unreachable()
                    + "), which means nothing on the site may be fetched (RFC 9309)", "skipped; try again later");
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Robots.Rule rule = rules.robots().decisive(path);
        if (rule != null && !rule.allow()) {
            throw new FetchException(asked, site + "/robots.txt disallows " + (asked.equals(uri.toString()) ? "it" : uri) + " (" + rule + ")",
                    "skipped; the site asks crawlers to leave it alone");
        }
    }

    private SiteRules readRobots(String site, String hostKey) {
        long now = System.currentTimeMillis();
        Result r;
        try {
            r = follow(site + "/robots.txt", null, null, true);
        } catch (FetchException e) {
            String reason = e.reason();
            LOG.warn("{}/robots.txt: {}; nothing on {} is fetched (RFC 9309)", site, reason, site);
            return new SiteRules(Robots.DISALLOW_ALL, now, reason);
        }
        if (r.status() != 200) {
            LOG.debug("{}/robots.txt: HTTP {}; everything allowed", site, r.status());
            return new SiteRules(Robots.ALLOW_ALL, now, null);
        }
        Robots parsed = Robots.parse(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8), ROBOTS_AGENT);
        Duration delay = parsed.crawlDelay();
        if (delay.compareTo(MAX_CRAWL_DELAY) > 0) {
            LOG.warn("{}/robots.txt asks for {} s between requests; waiting {} s", site, delay.toSeconds(), MAX_CRAWL_DELAY.toSeconds());
            delay = MAX_CRAWL_DELAY;
        }
        crawlDelays.merge(hostKey, delay, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        LOG.debug("{}/robots.txt: {} rules, crawl delay {}", site, parsed.rules().size(), delay);
        return new SiteRules(parsed, now, null);
    }

    private Result withRetries(String url, String etag, String lastModified, boolean robotsTxt) {
        FetchException last = null;
        for (int attempt = 1; attempt <= tries; attempt++) {
            if (attempt > 1) {
                sleep(backoff.toMillis() * (1L << (attempt - 2)));
            }
            try {
                return once(url, etag, lastModified, robotsTxt);
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

    private static URI uri(String url) {
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
        return uri;
    }

    private static String hostKey(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    /** One request; with {@code robotsTxt}, a 4xx answer is returned (it means no robots.txt) instead of refused. */
    private Result once(String url, String etag, String lastModified, boolean robotsTxt) throws Retry {
        URI uri = uri(url);
        pause(hostKey(uri));
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
            if (robotsTxt) return new Result(url, status, null, type, null, null);
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
            long wait = last + Math.max(delay.toMillis(), crawlDelays.getOrDefault(host, Duration.ZERO).toMillis()) - System.currentTimeMillis();
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
