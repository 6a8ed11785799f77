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
}
