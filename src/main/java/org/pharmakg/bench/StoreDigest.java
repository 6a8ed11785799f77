package org.pharmakg.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.pharmakg.mapping.Vocab;
import org.pharmakg.store.KgStore;

/**
 * An order-free digest of a store's graph: the count of its quads and the sums of their SHA-256 hashes, over every
 * graph but the meta graph (wall-clock times of the build) and the ontology (blank nodes). Two stores with equal
 * digests hold the same quads, without either being held in memory.
 *
 * <pre>boolean same = StoreDigest.of(a).equals(StoreDigest.of(b));</pre>
 */
public record StoreDigest(long quads, long sumHigh, long sumLow) {

    public static StoreDigest of(Path storeDir) {
        try (KgStore s = KgStore.open(storeDir)) {
            MessageDigest sha = sha256();
            long[] acc = new long[3];
            Txn.executeRead(s.dataset(), () -> s.dataset().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (q.getGraph().equals(Vocab.META_GRAPH) || q.getGraph().equals(Vocab.ONTOLOGY_GRAPH)) return;
                ByteBuffer h = ByteBuffer.wrap(sha.digest(line(q).getBytes(StandardCharsets.UTF_8)));
                acc[0]++;
                acc[1] += h.getLong();
                acc[2] += h.getLong();
            }));
            return new StoreDigest(acc[0], acc[1], acc[2]);
        }
    }

    /** A quad as one line of text (graph, subject, predicate, object in N-Triples form): what is hashed and compared. */
    public static String line(Quad q) {
        return NodeFmtLib.strNT(q.getGraph()) + ' ' + NodeFmtLib.strNT(q.getSubject()) + ' ' + NodeFmtLib.strNT(q.getPredicate())
                + ' ' + NodeFmtLib.strNT(q.getObject());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
