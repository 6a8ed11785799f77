package org.pharmakg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.RobustnessSupport;
import org.pharmakg.cli.Main;

/**
 * Issue 6, "crashes lose nothing": {@code pharmakg build} in a child JVM is killed with SIGKILL
 * three times at random points (during start-up and model loading, while documents are being
 * written, while the resolver runs); after each kill the store opens and validates, and after a
 * re-run of the same build it is identical (sorted N-Quads, without build timestamps) to a store
 * built without interruption. The corpus is large enough for a fresh build to go through the bulk
 * loader, so both write paths (bulk, one transaction per document) are killed.
 */
class CrashRecoveryTest {

    @Test
    void killedBuildsLeaveAStoreThatACompleteRunMakesIdentical(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        List<Path> seeds;
        try (var s = Files.list(RobustnessSupport.data())) {
            seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path p : seeds) Files.copy(p, corpus.resolve(p.getFileName()));
        // enough documents for a fresh build to take the bulk loader, and for kills to land between writes
        int variants = Math.max(3, BuildPipeline.BULK_THRESHOLD + 1 - seeds.size());
        for (int i = 0; i < variants; i++) {
            Files.writeString(corpus.resolve("variant-" + i + ".txt"), Files.readString(seeds.get(i % seeds.size()))
                    + "\n\nThis is variant " + i + " of the release, edited for the crash test.\n");
        }
        Path reference = tmp.resolve("reference");
        Path crashed = tmp.resolve("crashed");

        Child ref = Child.start("build", "--store", reference.toString(), corpus.toString());
        assertEquals(0, ref.waitFor(180), ref.output());

        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        System.err.println("CrashRecoveryTest seed " + seed);
        List<String> kills = new ArrayList<>();
        // 1: 1-6 s after start (JVM start, ontology, reading, CoreNLP loading)
        kills.add(killAfter(crashed, corpus, null, 1000 + rnd.nextInt(5000)));
        // 2: while documents are written: after the first progress line, plus 0-1.5 s
        kills.add(killAfter(crashed, corpus, l -> l.startsWith("extract: "), rnd.nextInt(1500)));
        // 3: after the last document, while the resolver runs: plus 0-0.4 s
        kills.add(killAfter(crashed, corpus, l -> l.startsWith("extract: ") && l.contains("(100%)"), rnd.nextInt(400)));
        System.err.println("CrashRecoveryTest kills: " + kills);
        assertTrue(kills.stream().filter(k -> k.startsWith("killed")).count() >= 2, "too few kills landed: " + kills);

        Child last = Child.start("build", "--store", crashed.toString(), corpus.toString());
        assertEquals(0, last.waitFor(180), last.output());
        assertEquals(Main.OK, RobustnessSupport.cli("validate", "--store", crashed.toString()).code());

        List<String> expected = RobustnessSupport.stableQuads(reference);
        List<String> actual = RobustnessSupport.stableQuads(crashed);
        assertTrue(expected.size() > 1000, "reference store too small: " + expected.size());
        if (!expected.equals(actual)) {
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(actual);
            List<String> extra = new ArrayList<>(actual);
            extra.removeAll(expected);
            System.err.println("missing after crashes:\n  " + String.join("\n  ", missing.subList(0, Math.min(40, missing.size())))
                    + "\nextra after crashes:\n  " + String.join("\n  ", extra.subList(0, Math.min(40, extra.size()))));
        }
        assertTrue(expected.equals(actual), "store after kills and a re-run differs from one built in one go ("
                + expected.size() + " vs " + actual.size() + " quads; diff on stderr); seed " + seed + ", kills " + kills);
    }

    /** Starts the build, waits for a line (or from the start when null), then the delay, then SIGKILL; the store must still validate. */
    private static String killAfter(Path store, Path corpus, Predicate<String> trigger, long delayMillis) throws Exception {
        Child c = Child.start("build", "--store", store.toString(), corpus.toString());
        String what;
        boolean seen = trigger == null || c.awaitLine(trigger, 120_000);
        Thread.sleep(delayMillis);
        if (seen && c.process.isAlive()) {
            c.process.destroyForcibly();   // SIGKILL on Linux
            c.process.waitFor(30, TimeUnit.SECONDS);
            what = "killed " + delayMillis + " ms after " + (trigger == null ? "start" : "'" + c.trigger + "'");
        } else {
            c.process.waitFor(180, TimeUnit.SECONDS);
            what = "finished before the kill (exit " + c.process.exitValue() + ")";
        }
        var v = RobustnessSupport.cli("validate", "--store", store.toString());
        assertEquals(Main.OK, v.code(), "store does not validate after: " + what + "\n" + v.out());
        return what;
    }

    /** A child JVM running the CLI, its output collected line by line. */
    static final class Child {
        final Process process;
        final List<String> lines = new ArrayList<>();
        String trigger;

        private Child(Process p) {
            this.process = p;
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        synchronized (lines) {
                            lines.add(l);
                            lines.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the process was killed
                }
            });
            t.setDaemon(true);
            t.start();
        }

        static Child start(String... args) throws IOException {
            return new Child(RobustnessSupport.childCli(args).start());
        }

        boolean awaitLine(Predicate<String> p, long timeoutMillis) throws InterruptedException {
            long end = System.currentTimeMillis() + timeoutMillis;
            int i = 0;
            synchronized (lines) {
                while (System.currentTimeMillis() < end) {
                    for (; i < lines.size(); i++) {
                        if (p.test(lines.get(i))) {
                            trigger = lines.get(i);
                            return true;
                        }
                    }
                    if (!process.isAlive()) return false;
                    lines.wait(50);
                }
            }
            return false;
        }

        int waitFor(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }
}
