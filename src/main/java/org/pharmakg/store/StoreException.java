package org.pharmakg.store;

import org.pharmakg.PharmakgException;

/**
 * The store cannot be opened or written. {@link #environment()} tells the CLI to exit with 3
 * (locked by another process, not a TDB2 folder, disk full) rather than 1.
 *
 * <pre>throw new StoreException("store ./store is in use by process 4711; stop it or pass --store", true);</pre>
 */
public class StoreException extends PharmakgException {
    private final boolean environment;

    public StoreException(String message, boolean environment) {
        super(message);
        this.environment = environment;
    }

    public StoreException(String message, boolean environment, Throwable cause) {
        super(message, cause);
        this.environment = environment;
    }

    public boolean environment() { return environment; }
}
