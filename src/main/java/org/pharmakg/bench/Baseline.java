package org.pharmakg.bench;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The reference the build is compared with: CoreNLP's default {@code tokenize,ssplit,pos,lemma,ner} pipeline
 * (fine-grained NER, SUTime, numeric classifiers: nothing set) over the same texts, one shared pipeline on a
 * pool of the same number of threads. Not a stage of ours, so it may touch CoreNLP here.
 *
 * <pre>Baseline.Result r = Baseline.run(texts, 2);</pre>
 */
public final class Baseline {
    private Baseline() {}

    /** Texts annotated, their tokens, seconds annotating (after the load), seconds loading the models. */
    public record Result(int texts, long tokens, double seconds, double loadSeconds) {
        public double releasesPerSecond() { return texts / seconds; }
        public double tokensPerSecond() { return tokens / seconds; }
    }

    public static Result run(List<String> texts, int threads) {
        long t0 = System.nanoTime();
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        StanfordCoreNLP corenlp = new StanfordCoreNLP(props);
        double load = (System.nanoTime() - t0) / 1e9;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            long t1 = System.nanoTime();
            List<Future<Integer>> fs = new ArrayList<>();
            for (String t : texts) {
                fs.add(pool.submit(() -> {
                    Annotation a = new Annotation(t);
                    corenlp.annotate(a);
                    return a.get(CoreAnnotations.TokensAnnotation.class).size();
                }));
            }
            long tokens = 0;
            for (Future<Integer> f : fs) tokens += f.get();
            return new Result(texts.size(), tokens, (System.nanoTime() - t1) / 1e9, load);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("baseline interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("CoreNLP baseline failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
