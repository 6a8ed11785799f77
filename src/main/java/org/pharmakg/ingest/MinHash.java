package org.pharmakg.ingest;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A MinHash signature of a text's word shingles, to find the same release published on several sites
 * (different furniture, a word changed here and there): two signatures agree in about the share of
 * positions that the texts' shingle sets share (their Jaccard similarity).
 *
 * <pre>{@code
 * MinHash a = MinHash.of(release.text()), b = MinHash.of(copy.text());
 * if (a.similarity(b) >= MinHash.SAME_RELEASE) { ... }   // one document, two sources
 * }</pre>
 *
 * Shingles are five consecutive words, lower-cased, letters and digits only; 128 hash functions. A text
 * with fewer than {@link #MIN_SHINGLES} shingles gets an empty signature, similar to nothing.
 */
public record MinHash(int[] values) {

    /** Similarity from which two texts are the same release. */
    public static final double SAME_RELEASE = 0.8;
    /** Fewest shingles a text needs to be compared at all. */
    public static final int MIN_SHINGLES = 20;

    /** Values in a signature (hash functions). */
    public static final int K = 128;
    private static final int SHINGLE = 5;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    public MinHash {
        values = values.clone();
    }

    /** The signature of {@code text}. */
    public static MinHash of(String text) {
        String[] words = WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(java.util.regex.MatchResult::group).toArray(String[]::new);
        if (words.length - SHINGLE + 1 < MIN_SHINGLES) {
            return new MinHash(new int[0]);
        }
        int[] min = new int[K];
        Arrays.fill(min, Integer.MAX_VALUE);
        for (int i = 0; i + SHINGLE <= words.length; i++) {
            long h = 1125899906842597L;
            for (int j = i; j < i + SHINGLE; j++) {
                h = 31 * h + words[j].hashCode();
                h = mix(h);
            }
            for (int k = 0; k < K; k++) {
                int v = (int) (mix(h ^ (0x9E3779B97F4A7C15L * (k + 1))) >>> 33);
                if (v < min[k]) {
                    min[k] = v;
                }
            }
        }
        return new MinHash(min);
    }

    /** Estimated Jaccard similarity of the two texts' shingles, 0 when either is too short. */
    public double similarity(MinHash other) {
        if (values.length == 0 || other.values.length != values.length) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == other.values[i]) {
                same++;
            }
        }
        return same / (double) values.length;
    }

    /** Hex form, for storing. */
    public String encode() {
        StringBuilder b = new StringBuilder(values.length * 8);
        for (int v : values) {
            b.append(HexFormat.of().toHexDigits(v));
        }
        return b.toString();
    }

    /** The signature {@link #encode} wrote; an unreadable one is empty. */
    public static MinHash decode(String hex) {
        if (hex == null || hex.length() % 8 != 0) {
            return new MinHash(new int[0]);
        }
        try {
            int[] v = new int[hex.length() / 8];
            for (int i = 0; i < v.length; i++) {
                v[i] = (int) Long.parseLong(hex.substring(i * 8, i * 8 + 8), 16);
            }
            return new MinHash(v);
        } catch (NumberFormatException e) {
            return new MinHash(new int[0]);
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinHash m && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "MinHash[" + values.length + "]";
    }
}
