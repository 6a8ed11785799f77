package org.pharmakg.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option shared by every command. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "store",
            description = "The TDB2 store folder (default: ${DEFAULT-VALUE}).")
    Path store;
}
