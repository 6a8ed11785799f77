package org.pharmakg.spark;

import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.Quad;
import org.pharmakg.extract.DocumentExtraction;
import org.pharmakg.ingest.PressRelease;
import org.pharmakg.mapping.RdfMapper;
import org.pharmakg.store.EntityResolution;

/**
 * The functions the Spark build runs on executors; static, so a task closure carries only its small arguments,
 * never a pipeline.
 *
 * <pre>rdd.mapPartitions(it -> Job.extract(it, builtAt))</pre>
 */
final class Job {
    private Job() { }

    /**
     * One planned release: where to read it (absolute), its path as given to the build (kept as {@code kg:sourceFile},
     * as {@code build} keeps it) and the document id the driver gave it.
     */
    record Item(String path, String source, String docId) implements Serializable { }

    /** Extracts a partition of releases with this JVM's stages; a failed release becomes a failed result. */
    static Iterator<DocResult> extract(Iterator<Item> items, Instant builtAt) {
        Executors.Stages s = Executors.get();
        RdfMapper mapper = new RdfMapper(Clock.fixed(builtAt, ZoneOffset.UTC));
        List<DocResult> out = new ArrayList<>();
        while (items.hasNext()) {
            Item it = items.next();
            try {
                PressRelease r = s.reader().read(Path.of(it.path()));
                if (!r.id().equals(it.docId()) || !r.source().toString().equals(it.source())) {
                    r = new PressRelease(it.docId(), Path.of(it.source()), r.published(), r.headline(), r.issuerHint(), r.url(),
                            r.contentHash(), r.text(), r.sections(), r.filer());
                }
                DocumentExtraction x = s.extractor().extract(s.nlp().annotate(r));
                List<Quad> quads = org.pharmakg.pipeline.ReleaseQuads.of(r, mapper.map(x)); // as build writes them
                out.add(new DocResult(r.id(), r.contentHash(), write(quads), EntityResolution.rows(quads), x.facts().size(),
                        x.tokens(), null));
            } catch (RuntimeException | StackOverflowError e) {
                out.add(DocResult.failed(it.docId(), it.path() + ": extraction failed: " + e));
            }
        }
        return out.iterator();
    }

    /** A release's N-Quads with the entity renames applied (one string, no trailing newline). */
    static String rename(DocResult d, Map<String, String> renames) {
        if (!mentionsAny(d.nquads(), renames)) return stripNewline(d.nquads()); // most releases: nothing to re-write
        List<Quad> quads = read(d.nquads());
        Map<Node, Node> nodes = new HashMap<>();
        for (Quad q : quads) {
            for (Node n : List.of(q.getSubject(), q.getObject())) {
                String to = n.isURI() ? renames.get(n.getURI()) : null;
                if (to != null) nodes.put(n, NodeFactory.createURI(to));
            }
        }
        return stripNewline(write(EntityResolution.rename(quads, nodes)));
    }

    /**
     * Whether an IRI of the N-Quads text is a key of {@code renames}: each {@code <…>} ending at a '>' starts at the
     * last '<' before it, so a '<' or '>' inside a literal never hides an IRI (a literal may only add a false hit,
     * which costs a parse, never a missed rename).
     */
    static boolean mentionsAny(String nquads, Map<String, String> renames) {
        if (renames.isEmpty()) return false;
        int from = 0;
        for (int end = nquads.indexOf('>'); end >= 0; end = nquads.indexOf('>', end + 1)) {
            int start = nquads.lastIndexOf('<', end);
            if (start >= from && renames.containsKey(nquads.substring(start + 1, end))) return true;
            from = end + 1;
        }
        return false;
    }

    private static String stripNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    static String write(List<Quad> quads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.writeQuads(out, quads.iterator());
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<Quad> read(String nquads) {
        List<Quad> quads = new ArrayList<>();
        RDFParser.fromString(nquads, Lang.NQUADS).parse(new org.apache.jena.riot.system.StreamRDFBase() {
            @Override public void quad(Quad q) { quads.add(q); }
        });
        return quads;
    }
}
