package org.pharmakg.serve;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Mounts the explorer on a server: the JSON API at {@code /api/*}, the pages at
 * {@code /explore/*} and the front-end libraries (WebJars) at {@code /webjars/*}.
 *
 * <pre>KgServer server = Explorer.mount(KgServer.builder(dsg).port(3030), dsg).build().start();</pre>
 */
public final class Explorer {
    private Explorer() {}

    public static KgServer.Builder mount(KgServer.Builder b, DatasetGraph dsg) {
        return b.servlet("/api/*", new ExplorerApi(dsg))
                .servlet("/explore/*", StaticResources.explorer())
                .servlet("/webjars/*", StaticResources.webjars());
    }
}
