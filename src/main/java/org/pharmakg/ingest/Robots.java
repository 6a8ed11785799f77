package org.pharmakg.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A site's robots.txt as it applies to one crawler (RFC 9309): the allow and disallow rules of the groups
 * naming the crawler's product token, else of the {@code *} groups, and their {@code Crawl-delay}.
 *
 * <pre>{@code
 * Robots r = Robots.parse(robotsTxt, "pharmakg");
 * Robots.Rule rule = r.decisive("/news/a.html?x=1");   // null: no rule matches, allowed
 * if (!r.allows("/news/a.html?x=1")) { ... }            // skip it
 * }</pre>
 *
 * The longest matching rule wins (its length in the octets of its percent-encoded path; {@code *} matches any
 * characters, a final {@code $} the end); between an allow and a disallow rule of the same length, allow. An
 * empty {@code Disallow:} is no rule. Only the first 500 KiB are read, as RFC 9309 permits. Crawl-delay is not
 * in RFC 9309 but widely used: seconds, decimals allowed.
 */
public record Robots(List<Rule> rules, Duration crawlDelay) {

    /** What a site without a robots.txt (or with a 4xx answer for it) allows: everything. */
    public static final Robots ALLOW_ALL = new Robots(List.of(), Duration.ZERO);
    /** What an unreachable robots.txt (5xx, network error) means: nothing allowed. */
    public static final Robots DISALLOW_ALL = new Robots(List.of(new Rule(false, "/")), Duration.ZERO);

    /** Most of a robots.txt that is read (RFC 9309 asks for at least 500 KiB). */
    public static final int MAX_BYTES = 500 * 1024;

    /** One {@code Allow:} or {@code Disallow:} line, its path pattern as written. */
    public record Rule(boolean allow, String pattern) {
        public Rule {
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public String toString() {
            return (allow ? "Allow: " : "Disallow: ") + pattern;
        }
    }

    public Robots {
        rules = List.copyOf(rules);
        Objects.requireNonNull(crawlDelay, "crawlDelay");
    }

    /**
     * The rules of {@code text} for the crawler whose product token is {@code agent} (matched without regard to
     * case); the groups of {@code *} when no group names it; everything allowed when neither exists.
     */
    public static Robots parse(String text, String agent) {
        String token = agent.toLowerCase(Locale.ROOT);
        Group mine = new Group();
        Group star = new Group();
        List<String> agents = new ArrayList<>();
        Group current = null;
        boolean inRules = false;
        for (String raw : limit(text).split("\r\n|\r|\n")) {
            String line = raw.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (inRules) {   // a user-agent line after rules starts a new group
                    agents.clear();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT).split("[/\\s]", 2)[0]);
                current = agents.contains(token) ? mine : agents.contains("*") ? star : null;
                if (current != null) current.named = true;
            } else if (key.equals("allow") || key.equals("disallow") || key.equals("crawl-delay")) {
                inRules = true;
                if (current == null) continue;
                if (key.equals("crawl-delay")) {
                    current.delay = max(current.delay, seconds(value));
                } else if (!value.isEmpty()) {
                    current.rules.add(new Rule(key.equals("allow"), value));
                }
            }
            // sitemap and other records neither start nor end a group
        }
        Group g = mine.named ? mine : star;
        return new Robots(g.rules, g.delay);
    }

    /** Whether {@code pathAndQuery} (the URL's raw path with its query, e.g. {@code /a/b.html?x=1}) may be fetched. */
    public boolean allows(String pathAndQuery) {
        Rule r = decisive(pathAndQuery);
        return r == null || r.allow();
    }

    /** The rule that decides for {@code pathAndQuery}, or null when none matches (allowed). {@code /robots.txt} is always allowed. */
    public Rule decisive(String pathAndQuery) {
        String path = pathAndQuery.isEmpty() ? "/" : normalize(pathAndQuery);
        if (path.equals("/robots.txt")) return null;
        Rule best = null;
        int bestLength = -1;
        for (Rule r : rules) {
            String p = normalize(r.pattern());
            if (!matches(p, path)) continue;
            int length = p.getBytes(StandardCharsets.UTF_8).length;
            if (length > bestLength || (length == bestLength && r.allow() && !best.allow())) {
                best = r;
                bestLength = length;
            }
        }
        return best;
    }

    /** Whether {@code pattern} ({@code *} any characters, a final {@code $} the end) matches the start of {@code path}. */
    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern + "*";
        // wildcard matching with one back-track point (the last *): no exponential blow-up on a hostile pattern
        int i = 0, j = 0, star = -1, mark = 0;
        while (j < path.length()) {
            if (i < p.length() && p.charAt(i) == '*') {
                star = i++;
                mark = j;
            } else if (i < p.length() && p.charAt(i) == path.charAt(j)) {
                i++;
                j++;
            } else if (star >= 0) {
                i = star + 1;
                j = ++mark;
            } else {
                return false;
            }
        }
        while (i < p.length() && p.charAt(i) == '*') i++;
        return i == p.length();
    }

    /** Percent-encodes what is not printable ASCII (as UTF-8) and upper-cases existing escapes, so both sides compare alike. */
    static String normalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            if (c == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2])) {
                b.append('%').append(Character.toUpperCase((char) bytes[i + 1])).append(Character.toUpperCase((char) bytes[i + 2]));
                i += 2;
            } else if (c <= 0x20 || c >= 0x7f) {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    private static boolean hex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static String limit(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return b.length <= MAX_BYTES ? text : new String(b, 0, MAX_BYTES, StandardCharsets.UTF_8);
    }

    private static Duration seconds(String value) {
        try {
            double s = Double.parseDouble(value);
            return s > 0 && s < 86_400 ? Duration.ofMillis(Math.round(s * 1000)) : Duration.ZERO;
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The rules and delay gathered from the groups of one user agent (RFC 9309 merges groups naming the same one). */
    private static final class Group {
        final List<Rule> rules = new ArrayList<>();
        Duration delay = Duration.ZERO;
        boolean named;
    }
}
