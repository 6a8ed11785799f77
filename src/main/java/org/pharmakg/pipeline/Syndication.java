package org.pharmakg.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.pharmakg.ingest.MinHash;
import org.pharmakg.ingest.MinHashIndex;
import org.pharmakg.ingest.PressRelease;
import org.pharmakg.mapping.Vocab;
import org.pharmakg.store.KgStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds syndicated copies: a release whose text is nearly the same as a stored one's, or as one read
 * earlier in the same build ({@link MinHash} over word shingles), is not a document of its own; its
 * source (URL, else file) is added to that document's {@code kg:source} values.
 *
 * <pre>{@code
 * Syndication syn = new Syndication(store);
 * String original = syn.copyOf(release);               // null: a release of its own
 * quads.addAll(syn.documentQuads(release));            // kg:minhash and kg:source of the document
 * syn.storeSources(store);                             // after the documents are written
 * }</pre>
 *
 * Each document carries its signature ({@code kg:minhash}) so a later build compares against it without
 * re-reading text. Of the copies read in one build, the first in path order is the document. The signatures
 * are kept in a {@link MinHashIndex} (LSH bands), read from the store when the build starts and added to as
 * releases are read, so a release is compared only with the few that share a band with it.
 */
final class Syndication {
    private static final Logger LOG = LoggerFactory.getLogger(Syndication.class);

    static final Node MINHASH = Vocab.kg("minhash");
    static final Node SOURCE = Vocab.kg("source");

    private final MinHashIndex known = new MinHashIndex();
    private final Map<String, Set<String>> copies = new LinkedHashMap<>();
    private int copyCount;

    Syndication(KgStore store) {
        store.documentValues(MINHASH).forEach((id, hex) -> known.put(id, MinHash.decode(hex)));
    }

    /** For a fresh store: only the releases of this build are compared. */
    Syndication() { }

    /** The id of the document {@code r} is a copy of (its source then remembered for it), or null. */
    String copyOf(PressRelease r) {
        return copyOf(r.id(), source(r), MinHash.of(r.text()));
    }

    /** {@link #copyOf(PressRelease)} for a release known by its id, source and signature. */
    String copyOf(String id, String source, MinHash sig) {
        // a changed release is not a copy of its old text
        MinHashIndex.Match m = known.nearest(sig, id);
        if (m != null && m.similarity() >= MinHash.SAME_RELEASE) {
            copies.computeIfAbsent(m.id(), k -> new LinkedHashSet<>()).add(source);
            copyCount++;
            LOG.info("{}: the same release as document {} (similarity {}); stored as another source of it", source, m.id(),
                    String.format(java.util.Locale.ROOT, "%.2f", m.similarity()));
            return m.id();
        }
        known.put(id, sig);
        return null;
    }

    /**
     * The releases that are documents of their own, in order: each one not a copy of a stored or earlier release
     * (the copies' sources are remembered for {@link #storeSources} and {@link #sourceQuads}). With
     * {@code findCopies} off every release is one, its signature still remembered.
     */
    List<PressRelease> fold(List<PressRelease> releases, boolean findCopies) {
        List<PressRelease> own = new ArrayList<>();
        for (PressRelease r : releases) {
            if (!findCopies) {
                register(r);
                own.add(r);
            } else if (copyOf(r) == null) {
                own.add(r);
            }
        }
        return own;
    }

    /** Remembers a release's signature without looking for a document it copies (when copies are built apart). */
    void register(PressRelease r) {
        known.put(r.id(), MinHash.of(r.text()));
    }

    /** The quads that make a document findable as an original: its own source and its signature. */
    static List<Quad> ownQuads(PressRelease r) {
        Node g = Vocab.docGraph(r.id());
        Node doc = Vocab.document(r.id());
        return List.of(new Quad(g, doc, SOURCE, KgStore.literal(source(r))),
                new Quad(g, doc, MINHASH, KgStore.literal(MinHash.of(r.text()).encode())));
    }

    /** Adds the copies' sources to their documents, one transaction per document. */
    void storeSources(KgStore store) {
        copies.keySet().forEach(id -> store.addToDocument(id, sourceQuads(id)));
    }

    /** The {@code kg:source} quads of every copy found, in their documents' graphs. */
    List<Quad> sourceQuads() {
        List<Quad> out = new ArrayList<>();
        copies.keySet().forEach(id -> out.addAll(sourceQuads(id)));
        return out;
    }

    private List<Quad> sourceQuads(String id) {
        Node g = Vocab.docGraph(id);
        Node doc = Vocab.document(id);
        return copies.get(id).stream().map(s -> new Quad(g, doc, SOURCE, KgStore.literal(s))).toList();
    }

    /** How many stored or read releases a release was compared with, value by value (the LSH candidates), so far. */
    long compared() {
        return known.compared();
    }

    /** How many releases were found to be copies of another. */
    int copies() {
        return copyCount;
    }

    /** Where a release was read from: its URL when known, else its file. */
    static String source(PressRelease r) {
        return r.url() != null && !r.url().isBlank() ? r.url() : r.source().toString();
    }
}
