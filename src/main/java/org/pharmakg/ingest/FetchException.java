package org.pharmakg.ingest;

import org.pharmakg.PharmakgException;

/**
 * A feed or page that cannot be fetched: names the URL, says what went wrong and what to do.
 *
 * <pre>{@code
 * throw new FetchException(url, "HTTP 500 after 3 tries", "try again later");
 * // "cannot fetch https://x/feed.xml: HTTP 500 after 3 tries; try again later"
 * }</pre>
 */
public class FetchException extends PharmakgException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public FetchException(String url, String reason, String hint) {
        super("cannot fetch " + url + ": " + reason + "; " + hint);
        this.reason = reason;
    }

    public FetchException(String url, String reason, String hint, Throwable cause) {
        super("cannot fetch " + url + ": " + reason + "; " + hint, cause);
        this.reason = reason;
    }

    /** What went wrong, without the URL and the hint ("HTTP 500 after 3 tries"). */
    public String reason() {
        return reason;
    }
}
