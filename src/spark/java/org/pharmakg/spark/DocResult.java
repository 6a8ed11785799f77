package org.pharmakg.spark;

import java.io.Serializable;
import java.util.List;
import org.pharmakg.store.EntityResolution;

/**
 * What an executor sends back for one release: its graph as N-Quads text (before entity resolution), its rows of the
 * name table, counts, or the reason it failed.
 *
 * <pre>DocResult.failed("004_db42", "data/x.txt: extraction failed: ...")</pre>
 */
record DocResult(String docId, String contentHash, String nquads, List<EntityResolution.Row> rows, int facts, int tokens,
                 String error) implements Serializable {
    DocResult {
        rows = List.copyOf(rows);
    }

    static DocResult failed(String docId, String error) {
        return new DocResult(docId, null, null, List.of(), 0, 0, error);
    }

    boolean ok() { return error == null; }

    /** The result without its quads and rows (what the driver collects): id, hash, counts, error. */
    DocResult summary() { return new DocResult(docId, contentHash, null, List.of(), facts, tokens, error); }
}
