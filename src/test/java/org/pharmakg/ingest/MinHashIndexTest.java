package org.pharmakg.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** LSH banding finds what a linear scan finds at the copy threshold, and compares only what shares a band. */
public class MinHashIndexTest {

    /** A signature of random values (unrelated to every other). */
    public static MinHash random(Random rnd) {
        int[] v = new int[MinHash.K];
        for (int i = 0; i < v.length; i++) v[i] = rnd.nextInt(Integer.MAX_VALUE);
        return new MinHash(v);
    }

    /** {@code sig} with {@code changes} distinct random positions given new values: similarity 1 - changes/128. */
    public static MinHash variant(MinHash sig, int changes, Random rnd) {
        int[] v = sig.values().clone();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < v.length; i++) positions.add(i);
        java.util.Collections.shuffle(positions, rnd);
        for (int i = 0; i < changes; i++) v[positions.get(i)] = ~v[positions.get(i)];
        return new MinHash(v);
    }

    @Test
    void theBandsCannotMissAPairAtTheThreshold() {
        assertEquals(MinHash.K, MinHashIndex.BANDS * MinHashIndex.ROWS, "every value in a band");
        int mostDiffering = (int) Math.floor(MinHash.K * (1 - MinHash.SAME_RELEASE) + 1e-9);
        assertTrue(MinHashIndex.BANDS > mostDiffering, "a pair at the threshold differs in " + mostDiffering
                + " values; with fewer bands they could spoil all of them");
        Random rnd = new Random(14);
        for (int trial = 0; trial < 2000; trial++) {
            MinHash a = random(rnd);
            MinHashIndex idx = new MinHashIndex();
            idx.put("a", a);
            MinHash b = variant(a, rnd.nextInt(mostDiffering + 1), rnd);
            assertTrue(b.similarity(a) >= MinHash.SAME_RELEASE);
            MinHashIndex.Match m = idx.nearest(b, null);
            assertNotNull(m, "trial " + trial + ": similarity " + b.similarity(a) + " not a candidate");
            assertEquals("a", m.id());
        }
    }

    @Test
    void sameAnswerAsALinearScan() {
        Random rnd = new Random(9309);
        Map<String, MinHash> all = new LinkedHashMap<>();
        MinHashIndex idx = new MinHashIndex();
        List<MinHash> bases = new ArrayList<>();
        for (int f = 0; f < 20; f++) bases.add(random(rnd));
        for (int i = 0; i < 400; i++) {
            // families of near and not-so-near variants: similarities from 0.5 to 1 inside a family
            MinHash s = variant(bases.get(rnd.nextInt(bases.size())), rnd.nextInt(65), rnd);
            all.put("d" + i, s);
            idx.put("d" + i, s);
        }
        int copies = 0;
        for (int q = 0; q < 400; q++) {
            MinHash query = variant(bases.get(rnd.nextInt(bases.size())), rnd.nextInt(65), rnd);
            String linear = null;
            double top = 0;
            for (Map.Entry<String, MinHash> e : all.entrySet()) {
                double s = query.similarity(e.getValue());
                if (s > top) {
                    top = s;
                    linear = e.getKey();
                }
            }
            MinHashIndex.Match m = idx.nearest(query, null);
            if (top >= MinHash.SAME_RELEASE) {
                copies++;
                assertNotNull(m, "query " + q);
                assertEquals(linear, m.id(), "query " + q);
                assertEquals(top, m.similarity());
            } else {
                assertTrue(m == null || m.similarity() < MinHash.SAME_RELEASE, "query " + q);
            }
        }
        assertTrue(copies > 50, "the test has copies to find: " + copies);
    }

    @Test
    void aNonCopySharingAFewBandsIsComparedAndRejected() {
        Random rnd = new Random(1);
        MinHash a = random(rnd);
        int[] v = random(rnd).values().clone();
        // the same values in bands 3 and 17 only: 8 of 128
        for (int band : new int[] {3, 17}) {
            for (int i = band * MinHashIndex.ROWS; i < (band + 1) * MinHashIndex.ROWS; i++) v[i] = a.values()[i];
        }
        MinHash b = new MinHash(v);
        MinHashIndex idx = new MinHashIndex();
        idx.put("a", a);
        MinHashIndex.Match m = idx.nearest(b, null);
        assertNotNull(m, "two shared bands make it a candidate");
        assertEquals(1, m.compared());
        assertEquals(8 / 128.0, m.similarity());
        assertTrue(m.similarity() < MinHash.SAME_RELEASE);
    }

    @Test
    void replacedAndRemovedSignaturesLeaveTheBands() {
        Random rnd = new Random(2);
        MinHash a = random(rnd), b = random(rnd), c = random(rnd);
        MinHashIndex idx = new MinHashIndex();
        idx.put("x", a);
        idx.put("y", c);
        idx.put("x", b);   // the release changed
        assertNull(idx.nearest(a, null), "the old signature is gone from every band");
        assertEquals("x", idx.nearest(b, null).id());
        assertNull(idx.nearest(b, "x"), "the release itself is left out");
        idx.remove("x");
        assertNull(idx.nearest(b, null));
        assertEquals(1, idx.size());
        idx.put("short", new MinHash(new int[0]));
        assertEquals(1, idx.size(), "an empty signature (a text too short) is similar to nothing and not indexed");
    }
}
