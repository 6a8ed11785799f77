package org.pharmakg.cli;

import picocli.CommandLine.Option;

/** The options of the server shared by {@code serve} and {@code up}: address, port, query timeout and row cap. */
final class ServerOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", defaultValue = "3030", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--timeout", defaultValue = "30", description = "Query timeout in seconds (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--max-rows", defaultValue = "100000",
            description = "Most rows a query answers; a SELECT cut short says so in the Pharmakg-Truncated header (default: ${DEFAULT-VALUE}).")
    long maxRows;

    @Option(names = "--max-query-bytes", defaultValue = "262144", paramLabel = "N",
            description = "Largest request body or query string accepted, in bytes; larger ones get 413 before parsing "
                    + "(default: ${DEFAULT-VALUE}).")
    long maxQueryBytes;

    @Option(names = "--allow-service", paramLabel = "IRI-PREFIX",
            description = "Allow SPARQL SERVICE (federated query) calls to IRIs starting with this prefix; repeatable. "
                    + "Without it SERVICE is refused: it would let readers make the server fetch any URL.")
    java.util.List<String> allowService = new java.util.ArrayList<>();

    @Option(names = "--allow-host", paramLabel = "NAME",
            description = "Also answer requests sent to this host name (besides localhost, IP addresses and --host); "
                    + "repeatable. Other names get 421 (DNS rebinding).")
    java.util.List<String> allowHost = new java.util.ArrayList<>();

    /** A server builder with these settings. */
    org.pharmakg.serve.KgServer.Builder apply(org.pharmakg.serve.KgServer.Builder b) {
        b.host(host).port(port).timeoutMillis(timeout * 1000L).maxRows(maxRows);
        try {
            b.maxQueryBytes(maxQueryBytes);
            allowService.forEach(b::allowService);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        allowHost.forEach(b::allowHost);
        return b;
    }
}
