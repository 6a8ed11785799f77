package org.pharmakg.cli;

import java.io.PrintStream;
import org.pharmakg.pipeline.Progress;

/**
 * A progress bar on stderr: redrawn in place on a terminal, a line every 10% otherwise.
 *
 * <pre>Progress p = new ConsoleProgress(System.err, System.console() != null);</pre>
 */
final class ConsoleProgress implements Progress {
    private final PrintStream out;
    private final boolean tty;
    private String what = "";
    private int total;
    private int done;
    private long t0;
    private int lastDecile = -1;

    ConsoleProgress(PrintStream out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    @Override
    public synchronized void start(String what, int total) {
        this.what = what;
        this.total = total;
        this.done = 0;
        this.t0 = System.nanoTime();
        this.lastDecile = -1;
    }

    @Override
    public synchronized void step(String item) {
        done++;
        double secs = (System.nanoTime() - t0) / 1e9;
        double rate = done / Math.max(secs, 1e-9);
        if (tty) {
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) done * width / total);
            out.printf("\r%-8s [%s%s] %d/%d %.1f docs/s %-30.30s", what, "#".repeat(filled), " ".repeat(width - filled),
                    done, total, rate, item);
            out.flush();
        } else {
            int decile = total == 0 ? 10 : done * 10 / total;
            if (decile != lastDecile) {
                lastDecile = decile;
                out.printf("%s: %d/%d (%d%%), %.1f docs/s%n", what, done, total, decile * 10, rate);
            }
        }
    }

    @Override
    public synchronized void finish() {
        if (tty && total > 0) out.println();
    }
}
