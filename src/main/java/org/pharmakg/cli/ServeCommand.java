package org.pharmakg.cli;

import java.util.concurrent.Callable;
import org.pharmakg.serve.KgServer;
import org.pharmakg.store.KgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pharmakg serve}: the SPARQL endpoint and explorer over the store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the store read-only: SPARQL at /kg/sparql (also /kg/query), Graph Store read at /kg/get, a home page at /.")
final class ServeCommand implements Callable<Integer> {
    @Mixin StoreOption store;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", defaultValue = "3030", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--timeout", defaultValue = "30", description = "Query timeout in seconds (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Override
    public Integer call() {
        serve(store.store, host, port, timeout);
        return Main.OK;
    }

    static void serve(java.nio.file.Path dir, String host, int port, int timeout) {
        KgStore s = KgStore.open(dir);
        s.ensureOntology();
        KgServer server;
        try {
            server = org.pharmakg.serve.Explorer.mount(KgServer.builder(s.dataset()).host(host).port(port).timeoutMillis(timeout * 1000L), s.dataset()).build().start();
        } catch (RuntimeException e) {
            s.close();
            throw new Main.EnvironmentException(e.getMessage());
        }
        String base = "http://" + host + ":" + server.port();
        System.out.println("pharmakg is serving " + dir);
        System.out.println("  browser:  " + base + "/");
        System.out.println("  SPARQL:   " + base + "/kg/sparql");
        System.out.println("  explorer: " + base + "/explore/");
        System.out.println("Press Ctrl-C to stop.");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            s.close();
        }));
        server.join();
    }
}
