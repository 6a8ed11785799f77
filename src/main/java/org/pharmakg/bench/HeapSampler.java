package org.pharmakg.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The peak of the heap in use while something runs: a daemon thread reads it every 50 ms.
 *
 * <pre>try (HeapSampler h = HeapSampler.start()) { work(); peak = h.peakBytes(); }</pre>
 */
public final class HeapSampler implements AutoCloseable {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile long peak;
    private volatile boolean running = true;

    private HeapSampler() {
        this.thread = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, used());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "pharmakg-heap-sampler");
        thread.setDaemon(true);
    }

    public static HeapSampler start() {
        HeapSampler h = new HeapSampler();
        h.peak = used();
        h.thread.start();
        return h;
    }

    public long peakBytes() { return Math.max(peak, used()); }

    /** Heap in use now. */
    public static long used() { return MEMORY.getHeapMemoryUsage().getUsed(); }

    /** Heap in use after a full collection (what the live data takes). */
    public static long usedAfterGc() {
        System.gc();
        return used();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
