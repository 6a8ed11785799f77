package org.pharmakg.pipeline;

/**
 * Progress of a long run, injected so the CLI can draw a bar and tests can ignore it.
 *
 * <pre>Progress p = Progress.NONE; p.start("extract", 120); p.step("004.txt"); p.finish();</pre>
 */
public interface Progress {
    void start(String what, int total);

    void step(String item);

    void finish();

    Progress NONE = new Progress() {
        @Override public void start(String what, int total) { }
        @Override public void step(String item) { }
        @Override public void finish() { }
    };
}
