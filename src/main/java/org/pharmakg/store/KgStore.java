package org.pharmakg.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.pharmakg.mapping.Vocab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge graph on disk: a TDB2 dataset with one named graph per press release, the
 * ontology in a graph of its own, canonical labels in the entities graph; the default graph is the
 * union of all of them. Every change happens in a write transaction.
 *
 * <pre>
 * try (KgStore store = KgStore.open(Path.of("store"))) {
 *     store.replaceDocument("004_db42ac11690627de", quads);
 * }
 * </pre>
 */
public final class KgStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KgStore.class);

    static {
        PropertyFunctions.register();
    }

    private final Path dir;
    private final DatasetGraph dsg;

    private KgStore(Path dir, DatasetGraph dsg) {
        this.dir = dir;
        this.dsg = dsg;
    }

    /** Opens (or creates) the store; fails with an environment error when another process holds it. */
    public static KgStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create store folder " + dir + ": " + e.getMessage(), true, e);
        }
        if (!Files.isWritable(dir)) throw new StoreException("store folder " + dir + " is not writable", true);
        try {
            if (!hasDatabase(dir)) createAtomically(dir);
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
            dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
            removeStaleCreations(dir);
            return new KgStore(dir, dsg);
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("held by process") || m.contains("get a lock") || m.contains("already locked")) {
                java.util.regex.Matcher pid = java.util.regex.Pattern.compile("held by process (\\d+)").matcher(m);
                String who = pid.find() ? "process " + pid.group(1) : "another process";
                throw new StoreException("store " + dir + " is in use by " + who + " (a running pharmakg build or serve);"
                        + " nothing was changed. Wait for it to finish or stop it, query the running server instead,"
                        + " or add releases to a served store with `pharmakg serve --watch DIR`", true, e);
            }
            throw new StoreException("cannot open store " + dir + ": " + m + "; if it is not a pharmakg store, pass another"
                    + " --store; if it is damaged, move it aside and build again", true, e);
        }
    }

    private static final String CREATING = ".creating-";

    private static boolean hasDatabase(Path dir) {
        try (var s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().matches("Data-\\d+") && Files.isDirectory(p));
        } catch (IOException e) {
            throw new StoreException("cannot list store folder " + dir + ": " + e.getMessage(), true, e);
        }
    }

    /**
     * Creates a new database beside the store and moves it in with one rename: TDB2 writes a new
     * database's files one by one, and a process killed half-way would leave a store that never
     * opens again ("Node block manager empty", "No known block type").
     */
    private static void createAtomically(Path dir) {
        Path tmp = dir.resolve(CREATING + ProcessHandle.current().pid());
        try {
            deleteTree(tmp);
            DatasetGraph fresh = DatabaseMgr.connectDatasetGraph(tmp.toString());
            try {
                Quad probe = Quad.create(Vocab.META_GRAPH, Vocab.iri(Vocab.ID + "store"), Vocab.kg("created"), literal("x"));
                Txn.executeWrite(fresh, () -> {   // a first commit writes every index's root block
                    fresh.add(probe);
                    fresh.delete(probe);
                });
            } finally {
                TDBInternal.expel(fresh);
            }
            try (var s = Files.list(tmp)) {
                for (Path data : (Iterable<Path>) s.filter(p -> p.getFileName().toString().startsWith("Data-"))::iterator) {
                    Files.move(data, dir.resolve(data.getFileName()), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            if (!hasDatabase(dir)) throw new StoreException("cannot create store " + dir + ": " + e.getMessage(), true, e);
            // another process created it meanwhile: use theirs
        } finally {
            deleteTree(tmp);
        }
    }

    /** Removes what a process killed while creating the store left behind. */
    private static void removeStaleCreations(Path dir) {
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.filter(p -> p.getFileName().toString().startsWith(CREATING))::iterator) {
                try {
                    long pid = Long.parseLong(p.getFileName().toString().substring(CREATING.length()));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                } catch (NumberFormatException e) {
                    // not ours to judge by pid; remove
                }
                deleteTree(p);
            }
        } catch (IOException e) {
            LOG.debug("cannot tidy {}", dir, e);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            LOG.debug("cannot delete {}", p, e);
        }
    }

    public DatasetGraph dataset() { return dsg; }

    public Path dir() { return dir; }

    /**
     * Loads the ontology graph from the class path when it differs from what the store holds: the SHA-256 of
     * the ontology file is kept in the meta graph, so an unchanged ontology costs one look-up, not a parse and
     * an isomorphism check.
     */
    public void ensureOntology() {
        byte[] bytes;
        try (InputStream in = KgStore.class.getClassLoader().getResourceAsStream("ontology/pharmakg.ttl")) {
            if (in == null) throw new StoreException("ontology/pharmakg.ttl is not on the class path; rebuild with mvn package", true);
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("cannot read the ontology: " + e.getMessage(), true, e);
        }
        String hash = sha256(bytes);
        if (hash.equals(meta(ONTOLOGY_HASH)) && Txn.calculateRead(dsg, () -> dsg.containsGraph(Vocab.ONTOLOGY_GRAPH))) return;
        org.apache.jena.graph.Graph onto = RDFParser.source(new java.io.ByteArrayInputStream(bytes)).lang(Lang.TURTLE).toGraph();
        Txn.executeWrite(dsg, () -> {
            dsg.removeGraph(Vocab.ONTOLOGY_GRAPH);
            onto.find().forEach(t -> dsg.add(Vocab.ONTOLOGY_GRAPH, t.getSubject(), t.getPredicate(), t.getObject()));
        });
        setMeta(ONTOLOGY_HASH, literal(hash));
        LOG.info("store: ontology graph loaded ({} triples)", onto.size());
    }

    private static final String ONTOLOGY_HASH = "ontologyHash";

    /** "sha256:" and the hex digest of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Entities with a canonical label in the entities graph. */
    public int entityCount() {
        return Txn.calculateRead(dsg, () -> {
            int n = 0;
            Iterator<Quad> it = dsg.find(Vocab.ENTITIES_GRAPH, Node.ANY, Vocab.LABEL, Node.ANY);
            for (; it.hasNext(); it.next()) n++;
            return n;
        });
    }

    /** Content hash of every stored document, by document id. */
    public Map<String, String> documentHashes() { return documentValues(Vocab.CONTENT_HASH); }

    /** The source file of every stored document as it was given to the build, by document id. */
    public Map<String, String> documentSources() { return documentValues(Vocab.SOURCE_FILE); }

    /** The value of a string property of every stored document, by document id (one value each). */
    public Map<String, String> documentValues(Node property) {
        return Txn.calculateRead(dsg, () -> {
            Map<String, String> out = new HashMap<>();
            Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, property, Node.ANY);
            while (it.hasNext()) {
                Quad q = it.next();
                if (Vocab.isDocGraph(q.getGraph())) out.put(Vocab.docIdOf(q.getGraph()), q.getObject().getLiteralLexicalForm());
            }
            return out;
        });
    }

    /** Adds quads to a stored document's graph in one write transaction (a graph that is gone gets nothing). */
    public void addToDocument(String docId, List<Quad> quads) {
        Node g = Vocab.docGraph(docId);
        Txn.executeWrite(dsg, () -> {
            if (!dsg.containsGraph(g)) return;
            for (Quad q : quads) dsg.add(q);
        });
    }

    /** Removes documents (their graphs) in one write transaction; the entities graph is the resolver's to redo. */
    public void removeDocuments(java.util.Collection<String> docIds) {
        if (docIds.isEmpty()) return;
        Txn.executeWrite(dsg, () -> {
            for (String id : docIds) dsg.removeGraph(Vocab.docGraph(id));
        });
    }

    /** Replaces a document's graph by the given quads, in one write transaction. */
    public void replaceDocument(String docId, List<Quad> quads) {
        replaceDocument(docId, quads, d -> List.of());
    }

    /**
     * As {@link #replaceDocument(String, List)}, adding in the same transaction the quads {@code also}
     * computes from the dataset once the document is in (e.g. {@link EntityResolver#provisionalLabels}).
     */
    public void replaceDocument(String docId, List<Quad> quads, java.util.function.Function<DatasetGraph, List<Quad>> also) {
        Node g = Vocab.docGraph(docId);
        Txn.executeWrite(dsg, () -> {
            dsg.removeGraph(g);
            for (Quad q : quads) dsg.add(q);
            for (Quad q : also.apply(dsg)) dsg.add(q);
        });
    }

    /**
     * A bulk sink for a fresh build: TDB2's sequential loader, which runs its own write transaction
     * from {@code start} to {@code finish} (a killed build leaves nothing half-loaded) and is about twice as
     * fast as many small transactions, without their disk bloat.
     */
    public final class BulkSink {
        private final org.apache.jena.tdb2.loader.DataLoader loader;
        private final org.apache.jena.riot.system.StreamRDF stream;

        private BulkSink() {
            this.loader = org.apache.jena.tdb2.loader.LoaderFactory.sequentialLoader(dsg, (fmt, args) -> LOG.debug(String.format(fmt, args)));
            loader.startBulk();
            this.stream = loader.stream();
        }

        public void add(List<Quad> quads) {
            for (Quad q : quads) stream.quad(q);
        }

        public void finish() { loader.finishBulk(); }

        public void abort(Exception e) { loader.finishException(e); }
    }

    public BulkSink bulk() { return new BulkSink(); }

    /** Writes the canonical entity labels: the entities graph is derived, so it is rewritten whole. */
    public void replaceGraph(Node graph, List<Quad> quads) {
        Txn.executeWrite(dsg, () -> {
            dsg.removeGraph(graph);
            for (Quad q : quads) dsg.add(q);
        });
    }

    /** Renames entity IRIs in every graph (subject and object positions), in one transaction. */
    /** Relations between two companies, which no company has with itself. */
    static final java.util.Set<Node> COMPANY_LINKS = java.util.Set.of(
            Vocab.relation(org.pharmakg.extract.Relation.PARTNER_OF.property()),
            Vocab.relation(org.pharmakg.extract.Relation.SUBSIDIARY_OF.property()));

    public void rename(Map<Node, Node> renames) {
        if (renames.isEmpty()) return;
        Txn.executeWrite(dsg, () -> {
            for (var e : renames.entrySet()) {
                List<Quad> hits = new ArrayList<>();
                dsg.find(Node.ANY, e.getKey(), Node.ANY, Node.ANY).forEachRemaining(hits::add);
                dsg.find(Node.ANY, Node.ANY, Node.ANY, e.getKey()).forEachRemaining(hits::add);
                for (Quad q : hits) {
                    dsg.delete(q);
                    Node s = q.getSubject().equals(e.getKey()) ? e.getValue() : q.getSubject();
                    Node o = q.getObject().equals(e.getKey()) ? e.getValue() : q.getObject();
                    // two names found to be one company: no company is its own partner or parent
                    if (s.equals(o) && COMPANY_LINKS.contains(q.getPredicate())) continue;
                    dsg.add(new Quad(q.getGraph(), s, q.getPredicate(), o));
                }
            }
        });
    }

    /** Sets a build-metadata value in the meta graph. */
    public void setMeta(String key, Node value) {
        Node s = Vocab.iri(Vocab.ID + "store");
        Node p = Vocab.kg(key);
        Txn.executeWrite(dsg, () -> {
            dsg.deleteAny(Vocab.META_GRAPH, s, p, Node.ANY);
            dsg.add(Vocab.META_GRAPH, s, p, value);
        });
    }

    public String meta(String key) {
        Node s = Vocab.iri(Vocab.ID + "store");
        return Txn.calculateRead(dsg, () -> {
            Iterator<Quad> it = dsg.find(Vocab.META_GRAPH, s, Vocab.kg(key), Node.ANY);
            return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
        });
    }

    public static Node literal(String s) { return NodeFactory.createLiteralString(s); }

    /** Bytes the store takes on disk. */
    public long diskBytes() {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Compacts the store (TDB2 grows with every transaction until compacted); returns bytes saved. */
    public long compact() {
        long before = usedBytes();
        DatabaseMgr.compact(dsg, true);
        long after = usedBytes();
        setMeta(BASELINE, NodeFactory.createLiteralByValue(after, org.apache.jena.datatypes.xsd.XSDDatatype.XSDlong));
        LOG.info("store: compacted {} MB -> {} MB", before >> 20, after >> 20);
        return before - after;
    }

    /** What a compaction did (sizes as {@link #usedBytes()}). */
    public record Compaction(long beforeBytes, long afterBytes, double seconds) {
        @Override public String toString() {
            return String.format(java.util.Locale.ROOT, "store compacted %.1f MB -> %.1f MB in %.1f s",
                    beforeBytes / 1048576.0, afterBytes / 1048576.0, seconds);
        }
    }

    /** Meta key: {@link #usedBytes()} right after the last compaction (or the first build). */
    public static final String BASELINE = "storeBytesBaseline";
    /** Default policy: compact when the store has grown by 16 MB and to twice its size after the last compaction. */
    public static final long DEFAULT_MIN_GROWTH = 16L << 20;
    public static final double DEFAULT_GROWTH_FACTOR = 2.0;

    /**
     * Compacts when TDB2's copy-on-write growth pays for it: the store uses more than {@code factor}
     * times, and at least {@code minGrowth} bytes more than, what it used right after the last
     * compaction (the baseline, kept in the meta graph; the first call only records it).
     *
     * <pre>KgStore.Compaction c = store.compactIfGrown(KgStore.DEFAULT_MIN_GROWTH, KgStore.DEFAULT_GROWTH_FACTOR);</pre>
     *
     * @return what was done, or null when the store was left alone
     */
    public Compaction compactIfGrown(long minGrowth, double factor) {
        long used = usedBytes();
        String b = meta(BASELINE);
        long baseline = b == null ? -1 : Long.parseLong(b);
        if (baseline <= 0) {
            setMeta(BASELINE, NodeFactory.createLiteralByValue(used, org.apache.jena.datatypes.xsd.XSDDatatype.XSDlong));
            return null;
        }
        if (used < baseline * factor || used - baseline < minGrowth) {
            LOG.debug("store: {} bytes used, {} after the last compaction; not compacting", used, baseline);
            return null;
        }
        long t0 = System.nanoTime();
        compact();
        return new Compaction(used, usedBytes(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Bytes of the store's files actually in use: TDB2 maps its files in 8 MB sparse chunks, so
     * their length says little; the B+tree state files ({@code *.bpt}: root, node-block limit,
     * record-block limit) tell how many 8 KB blocks each index uses. Falls back to
     * {@link #diskBytes()} when the layout is not recognised.
     */
    public long usedBytes() {
        long total = 0;
        int bpts = 0;
        try (var s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                String n = p.getFileName().toString();
                if (n.endsWith(".bpt") && Files.size(p) == 24) {
                    java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(Files.readAllBytes(p));
                    bb.getLong();
                    total += (bb.getLong() + bb.getLong()) * 8192L;
                    bpts++;
                } else if (n.endsWith(".obj") || n.endsWith(".jrnl")) {
                    total += Files.size(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            return diskBytes();
        }
        return bpts == 0 ? diskBytes() : total;
    }

    @Override
    public void close() {
        TDBInternal.expel(dsg);
    }
}
