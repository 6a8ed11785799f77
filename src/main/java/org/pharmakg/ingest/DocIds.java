package org.pharmakg.ingest;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Makes a document id from a file name: the stem, lower-cased, accents removed, runs of other
 * characters than {@code [a-z0-9_-]} replaced by one {@code -}, trimmed of {@code -}.
 *
 * <pre>{@code
 * DocIds.fromFile(Path.of("Société Générale Q3.txt"), "sha256:ab12...");   // "societe-generale-q3"
 * }</pre>
 */
final class DocIds {

    private DocIds() {
    }

    /** The id for {@code file}; {@code "doc-"} plus 12 hex digits of the hash when the stem gives none. */
    static String fromFile(Path file, String contentHash) {
        Path name = file.getFileName();
        String stem = name == null ? "" : name.toString();
        int dot = stem.lastIndexOf('.');
        if (dot > 0) {
            stem = stem.substring(0, dot);
        }
        String slug = slug(stem);
        if (!slug.isEmpty()) {
            return slug;
        }
        String hex = contentHash.startsWith("sha256:") ? contentHash.substring(7) : contentHash;
        return "doc-" + hex.substring(0, Math.min(12, hex.length()));
    }

    static String slug(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^-+|-+$", "");
    }
}
