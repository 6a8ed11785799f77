package org.pharmakg.ingest;

import java.nio.file.Path;
import java.util.Objects;

import org.pharmakg.PharmakgException;

/**
 * The one error of the ingest stage: a file that cannot be read as a press release, with the
 * path, the reason and what the user can do about it.
 *
 * <pre>{@code
 * throw new IngestException(path, "not text (PNG image)", "remove it or convert it to .txt");
 * // message: "cannot read data/x.html: not text (PNG image); remove it or convert it to .txt"
 * }</pre>
 */
public class IngestException extends PharmakgException {

    private static final long serialVersionUID = 1L;
    private static final String DEFAULT_HINT = "fix the file or leave it out";

    private final transient Path path;
    private final String reason;
    private final String hint;

    /** A problem with {@code path}, described by {@code reason}, with a default hint. */
    public IngestException(Path path, String reason) {
        this(path, reason, DEFAULT_HINT, null);
    }

    /** A problem with {@code path}: {@code reason} says what, {@code hint} says what to do. */
    public IngestException(Path path, String reason, String hint) {
        this(path, reason, hint, null);
    }

    /** As {@link #IngestException(Path, String, String)}, keeping the underlying cause. */
    public IngestException(Path path, String reason, String hint, Throwable cause) {
        super(message(path, reason, hint), cause);
        this.path = Objects.requireNonNull(path, "path");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.hint = hint == null || hint.isBlank() ? DEFAULT_HINT : hint;
    }

    private static String message(Path path, String reason, String hint) {
        String h = hint == null || hint.isBlank() ? DEFAULT_HINT : hint;
        return "cannot read " + path + ": " + reason + "; " + h;
    }

    /** The file or directory that could not be read, as it was given. */
    public Path path() {
        return path;
    }

    /** What is wrong, e.g. {@code "empty file"} or {@code "not text (PNG image)"}. */
    public String reason() {
        return reason;
    }

    /** What the user can do, e.g. {@code "remove it or convert it to .txt"}. */
    public String hint() {
        return hint;
    }
}
