package org.pharmakg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.TestSupport;
import org.pharmakg.eval.GoldScorer;
import org.pharmakg.store.KgStore;

/**
 * Quality cannot slip silently: the five seed releases of data/, scored against their gold
 * (src/test/resources/gold, copied from the development gold) with the Java port of the reference
 * scorer, must keep entity F1 >= 0.90 per type with no duplicates, and fact F1 >= 0.85 overall and
 * >= 0.75 per relation (the thresholds of issues 3 and 4).
 */
class SeedQualityTest {
    @Test
    void seedScoresHoldTheBar(@TempDir Path tmp) {
        try (KgStore store = KgStore.open(tmp.resolve("store"))) {
            TestSupport.build(store, List.of(TestSupport.data()));
            GoldScorer.Report r = GoldScorer.score(GoldScorer.loadGold(List.of(Path.of("src/test/resources/gold"))), store.dataset());
            String report = r.toText(true);
            r.entities().forEach((type, s) -> {
                if (s.gold() > 0) assertTrue(s.f1() >= 0.90, type + " entity F1 " + s.f1() + " < 0.90\n" + report);
            });
            assertEquals(0, r.entitiesMicro().duplicates(), "duplicates\n" + report);
            assertTrue(r.factsMicro().f1() >= 0.85, "fact F1 " + r.factsMicro().f1() + " < 0.85\n" + report);
            r.facts().forEach((rel, s) -> {
                if (s.gold() > 0) assertTrue(s.f1() >= 0.75, rel + " F1 " + s.f1() + " < 0.75\n" + report);
            });
        }
    }
}
