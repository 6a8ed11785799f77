package org.pharmakg.serve;

import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts the explorer on a server: the JSON API at {@code /api/*}, the pages at
 * {@code /explore/*} and the front-end libraries (WebJars) at {@code /webjars/*}.
 *
 * <pre>
 * KgServer server = Explorer.mount(KgServer.builder(dsg).port(3030), dsg).build().start();
 * Explorer.warmUp(dsg);   // the views kept per store state, computed now rather than on the first visit
 * </pre>
 */
public final class Explorer {
    private static final Logger LOG = LoggerFactory.getLogger(Explorer.class);

    private Explorer() {}

    public static KgServer.Builder mount(KgServer.Builder b, DatasetGraph dsg) {
        return b.servlet("/api/*", new ExplorerApi(dsg))
                .servlet("/explore/*", StaticResources.explorer())
                .servlet("/webjars/*", StaticResources.webjars());
    }

    /**
     * Computes, on a background thread, what the explorer keeps per store state (the overviews' communities, the
     * pipeline's keys, the deal summaries, the name keys of search), so that the first visitor of a large store
     * does not wait for them. A write makes them stale; the next request computes them again.
     */
    public static Thread warmUp(DatasetGraph dsg) {
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                Overview.of(dsg, Overview.View.PARTNERS, 1);
                Overview.of(dsg, Overview.View.COMPOUNDS, 1);
                PipelineView.page(dsg, PipelineView.Filter.builder().page(0, 1).build());
                DealViews.page(dsg, DealViews.Filter.builder().page(0, 1).build());
                EntityViews.search(dsg, "a", 1);
                LOG.info("explorer views ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.debug("explorer warm-up stopped: {}", e.toString());
            }
        }, "explorer-warm-up");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
