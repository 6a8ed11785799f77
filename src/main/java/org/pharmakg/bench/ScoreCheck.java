package org.pharmakg.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.pharmakg.eval.GoldScorer;
import org.pharmakg.extract.Lexicon;
import org.pharmakg.nlp.NlpPipeline;
import org.pharmakg.pipeline.BuildPipeline;
import org.pharmakg.store.KgStore;

/**
 * Checks that speed costs no quality: the same releases built through the fast path (bulk loader, all
 * threads) and the plain path (one thread, one transaction per document), both scored against the gold.
 *
 * <pre>ScoreCheck.Result r = ScoreCheck.run(List.of(data, dev), gold, work, lexicon, nlp);</pre>
 */
public final class ScoreCheck {
    private ScoreCheck() {}

    /** Micro F1 of entities and facts for each path. */
    public record Result(double entityF1Fast, double factF1Fast, double entityF1Plain, double factF1Plain) {
        public boolean same() {
            return Math.abs(entityF1Fast - entityF1Plain) < 1e-9 && Math.abs(factF1Fast - factF1Plain) < 1e-9;
        }
    }

    public static Result run(List<Path> roots, Path gold, Path work, Lexicon lexicon, Supplier<NlpPipeline> nlp, int threads) {
        GoldScorer.Gold g = GoldScorer.loadGold(List.of(gold));
        GoldScorer.Report fast = build(roots, work.resolve("score-fast"), lexicon, nlp, threads, true, g);
        GoldScorer.Report plain = build(roots, work.resolve("score-plain"), lexicon, nlp, 1, false, g);
        return new Result(fast.entitiesMicro().f1(), fast.factsMicro().f1(), plain.entitiesMicro().f1(), plain.factsMicro().f1());
    }

    private static GoldScorer.Report build(List<Path> roots, Path dir, Lexicon lexicon, Supplier<NlpPipeline> nlp, int threads,
                                           boolean bulk, GoldScorer.Gold gold) {
        try (KgStore s = KgStore.open(dir)) {
            BuildPipeline.builder(s).findCopies(false).lexicon(lexicon).nlp(nlp).threads(threads).bulkLoad(bulk).build().run(roots);
            return GoldScorer.score(gold, s.dataset());
        }
    }
}
