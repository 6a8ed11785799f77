package org.pharmakg.ingest;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * Settings of a {@link PressReleaseReader}: the size limit and the charset tried when a file is
 * neither UTF-8 nor UTF-16.
 *
 * <pre>{@code
 * var reader = new PressReleaseReader(ReaderOptions.defaults().withMaxBytes(50L << 20));
 * }</pre>
 *
 * @param maxBytes        files larger than this are rejected (default 10 MB)
 * @param fallbackCharset used for bytes that are not UTF-8 (default windows-1252)
 */
public record ReaderOptions(long maxBytes, Charset fallbackCharset) {

    /** 10 MB (10 &times; 1024 &times; 1024 bytes). */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    public ReaderOptions {
        Objects.requireNonNull(fallbackCharset, "fallbackCharset");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
    }

    /** 10 MB limit, windows-1252 fallback. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(DEFAULT_MAX_BYTES, Charset.forName("windows-1252"));
    }

    /** A copy with another size limit. */
    public ReaderOptions withMaxBytes(long bytes) {
        return new ReaderOptions(bytes, fallbackCharset);
    }

    /** A copy with another fallback charset. */
    public ReaderOptions withFallbackCharset(Charset charset) {
        return new ReaderOptions(maxBytes, charset);
    }
}
