package org.pharmakg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pharmakg up}: build (default {@code data/}) then serve. */
@Command(name = "up", mixinStandardHelpOptions = true, description = "Builds the graph from the paths (default: data/) and serves it.")
final class UpCommand implements Callable<Integer> {
    @Mixin StoreOption store;

    @Mixin ServerOptions server;

    @Option(names = "--prune", description = "Also remove from the store the releases whose files lay under the paths and are gone.")
    boolean prune;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders of press releases (default: data/).")
    List<Path> paths;

    @Override
    public Integer call() {
        List<Path> ps = paths == null || paths.isEmpty() ? List.of(Path.of("data")) : paths;
        BuildCommand.run(store.store, ps, 0, org.pharmakg.ingest.ReaderOptions.DEFAULT_MAX_BYTES, prune);
        ServeCommand.serve(store.store, server, null, null);
        return Main.OK;
    }
}
