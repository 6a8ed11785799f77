package org.pharmakg.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Finds the stored signature most similar to a new one without comparing with every stored one: MinHash LSH
 * banding. The 128 values of a signature are cut into {@link #BANDS} bands of {@link #ROWS}; two signatures are
 * candidates when one band agrees entirely, and only candidates are compared value by value.
 *
 * <pre>{@code
 * MinHashIndex idx = new MinHashIndex();
 * idx.put("doc-1", MinHash.of(text1));
 * MinHashIndex.Match m = idx.nearest(MinHash.of(text2), null);   // null: no candidate at all
 * if (m != null && m.similarity() >= MinHash.SAME_RELEASE) { ... }
 * }</pre>
 *
 * 32 bands of 4 rows miss nothing at {@link MinHash#SAME_RELEASE}: a similarity of 0.8 or more means at least 103
 * of the 128 values agree, so at most 25 differ and spoil at most 25 bands; of 32 at least 7 agree entirely. The
 * nearest match at or above the threshold is therefore the one a linear scan finds (ties: the one put first). A
 * pair of similarity s shares a band with probability 1 - (1 - s^4)^32: 0.23 at s = 0.3, 0.05 at 0.2, 0.0002 at
 * 0.05, so unrelated releases are rarely compared. docs/DESIGN.md ("Syndicated copies") has the reasoning.
 */
public final class MinHashIndex {

    /** Bands a signature is cut into. */
    public static final int BANDS = 32;
    /** Values per band. */
    public static final int ROWS = MinHash.K / BANDS;

    /** The nearest candidate: its id, estimated similarity, and how many candidates were compared to find it. */
    public record Match(String id, double similarity, int compared) {
        public Match {
            Objects.requireNonNull(id, "id");
        }
    }

    private record Entry(long order, MinHash sig) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Map<Long, List<String>>> bands = new ArrayList<>(BANDS);
    private long next;
    private long compared;

    public MinHashIndex() {
        for (int b = 0; b < BANDS; b++) bands.add(new HashMap<>());
    }

    /** Adds or replaces the signature of {@code id}; a replaced one keeps its place in the order of ties. Empty signatures are not indexed. */
    public void put(String id, MinHash sig) {
        Entry old = entries.get(id);
        if (old != null) unband(id, old.sig());
        if (sig.values().length != MinHash.K) {
            if (old != null) entries.remove(id);
            return;
        }
        entries.put(id, new Entry(old == null ? next++ : old.order(), sig));
        for (int b = 0; b < BANDS; b++) {
            bands.get(b).computeIfAbsent(key(sig.values(), b), k -> new ArrayList<>(1)).add(id);
        }
    }

    /** Removes {@code id}'s signature, if any. */
    public void remove(String id) {
        Entry old = entries.remove(id);
        if (old != null) unband(id, old.sig());
    }

    /**
     * The most similar signature among those sharing a band with {@code sig} (ties: the one put first), not
     * counting {@code except} (may be null); null when none shares a band.
     */
    public Match nearest(MinHash sig, String except) {
        if (sig.values().length != MinHash.K) return null;
        TreeMap<Long, String> candidates = new TreeMap<>();
        for (int b = 0; b < BANDS; b++) {
            List<String> ids = bands.get(b).get(key(sig.values(), b));
            if (ids == null) continue;
            for (String id : ids) {
                if (!id.equals(except)) candidates.put(entries.get(id).order(), id);
            }
        }
        String best = null;
        double top = -1;
        for (String id : candidates.values()) {
            double s = sig.similarity(entries.get(id).sig());
            if (s > top) {
                top = s;
                best = id;
            }
        }
        compared += candidates.size();
        return best == null ? null : new Match(best, top, candidates.size());
    }

    /** How many signatures are indexed. */
    public int size() {
        return entries.size();
    }

    /** How many value-by-value comparisons {@link #nearest} has made so far. */
    public long compared() {
        return compared;
    }

    private void unband(String id, MinHash sig) {
        for (int b = 0; b < BANDS; b++) {
            long k = key(sig.values(), b);
            List<String> ids = bands.get(b).get(k);
            if (ids == null) continue;
            ids.remove(id);
            if (ids.isEmpty()) bands.get(b).remove(k);
        }
    }

    /** A band's values folded into one key (a collision only adds a candidate, which the comparison then rejects). */
    private static long key(int[] values, int band) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = band * ROWS; i < band * ROWS + ROWS; i++) {
            h = (h ^ (values[i] & 0xffffffffL)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        return h;
    }
}
