package org.pharmakg.store;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.pharmakg.mapping.Vocab;

/**
 * What feed fetching remembers between runs (a feed's ETag and Last-Modified, a page's, an item's stamp),
 * kept in the store's meta graph under any string key, one write transaction per value.
 *
 * <pre>{@code
 * FetchMemory m = new FetchMemory(store);
 * m.remember("feed https://x/news.atom", "\"abc\"\tMon, 01 Jul 2013 08:00:00 GMT");
 * String state = m.recall("feed https://x/news.atom");   // null when never remembered
 * }</pre>
 */
public final class FetchMemory {
    private static final Node REMEMBERED = Vocab.kg("remembered");

    private final DatasetGraph dsg;

    public FetchMemory(KgStore store) {
        this.dsg = Objects.requireNonNull(store, "store").dataset();
    }

    /** Stores {@code value} under {@code key} (null forgets it). */
    public void remember(String key, String value) {
        Node s = subject(key);
        Txn.executeWrite(dsg, () -> {
            dsg.deleteAny(Vocab.META_GRAPH, s, REMEMBERED, Node.ANY);
            if (value != null) dsg.add(Vocab.META_GRAPH, s, REMEMBERED, KgStore.literal(value));
        });
    }

    /** The value remembered under {@code key}, or null. */
    public String recall(String key) {
        Node s = subject(key);
        return Txn.calculateRead(dsg, () -> {
            Iterator<Quad> it = dsg.find(Vocab.META_GRAPH, s, REMEMBERED, Node.ANY);
            return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
        });
    }

    private static Node subject(String key) {
        return Vocab.iri(Vocab.ID + "remembered/" + KgStore.sha256(key.getBytes(StandardCharsets.UTF_8)).substring(7, 39));
    }
}
