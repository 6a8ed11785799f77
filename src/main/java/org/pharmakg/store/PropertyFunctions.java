package org.pharmakg.store;

import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;

/**
 * pharmakg's SPARQL property functions, registered with ARQ: {@code kg:nameContains} ({@link NameSearch}) and
 * {@code kg:latestReleases} ({@link LatestReleases}). Registered when the store, the server's SPARQL helpers or
 * the named queries load; registering again does nothing.
 *
 * <pre>PropertyFunctions.register();</pre>
 */
public final class PropertyFunctions {
    private PropertyFunctions() {}

    public static synchronized void register() {
        PropertyFunctionRegistry reg = PropertyFunctionRegistry.get();
        if (!reg.isRegistered(NameSearch.IRI)) reg.put(NameSearch.IRI, uri -> new NameSearch());
        if (!reg.isRegistered(LatestReleases.IRI)) reg.put(LatestReleases.IRI, uri -> new LatestReleases());
    }
}
