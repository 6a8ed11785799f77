package org.pharmakg.ingest;

import java.util.Objects;

/**
 * A classified stretch {@code [start, end)} of {@link PressRelease#text()}.
 *
 * <pre>{@code
 * Section s = new Section(SectionKind.ABOUT, "About ImmunoGen, Inc.", 1520, 2310);
 * String covered = release.text().substring(s.start(), s.end());
 * }</pre>
 *
 * @param kind  what the stretch is
 * @param title its heading text, e.g. {@code "About ImmunoGen, Inc."}, or {@code ""}
 * @param start offset of the first character (inclusive)
 * @param end   offset after the last character (exclusive)
 */
public record Section(SectionKind kind, String title, int start, int end) {

    public Section {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad section span [" + start + ", " + end + ")");
        }
    }

    /** Whether {@code offset} lies in {@code [start, end)}. */
    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    /** Number of characters covered. */
    public int length() {
        return end - start;
    }
}
