package org.pharmakg.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.jena.sparql.core.Quad;
import org.pharmakg.ingest.IngestException;
import org.pharmakg.ingest.PressRelease;
import org.pharmakg.ingest.PressReleaseReader;
import org.pharmakg.store.KgStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a build has to extract: the files in order, each content once (a copy is dropped with a warning), each with
 * a unique document id, and only those whose content the store does not hold already. Shared by {@link BuildPipeline}
 * and the Spark build, so both plan the same documents under the same ids.
 *
 * <pre>BuildPlan p = BuildPlan.plan(files, new PressReleaseReader(), store.documentHashes(), System.err::println);</pre>
 */
public record BuildPlan(List<PressRelease> todo, int unchanged) {
    private static final Logger LOG = LoggerFactory.getLogger(BuildPlan.class);

    public BuildPlan {
        todo = List.copyOf(todo);
    }

    /**
     * Plans a build of {@code files} (as {@link org.pharmakg.ingest.DocumentFinder#find} lists them) against the
     * content hashes the store holds by document id; a file that cannot be read goes to {@code fail}.
     */
    public static BuildPlan plan(List<Path> files, PressReleaseReader reader, Map<String, String> stored, Consumer<String> fail) {
        List<PressRelease> todo = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Path> byHash = new HashMap<>();
        int unchanged = 0;
        for (Path f : files) {
            PressRelease r;
            try {
                // hashing the bytes is enough to skip an unchanged document; only the others are read as text
                PressReleaseReader.Fingerprint fp = reader.fingerprint(f);
                Path first = byHash.putIfAbsent(fp.contentHash(), f);
                if (first != null) {
                    // a copy would count every fact twice; not an error, the content is stored once
                    LOG.warn("{}: same content as {}; stored once, as {}", f, first, first);
                    continue;
                }
                String id = uniqueId(f, fp, ids);
                if (fp.contentHash().equals(stored.get(id))) {
                    unchanged++;
                    continue;
                }
                r = reader.read(f);
                if (!r.id().equals(id)) {
                    r = r.withId(id);
                }
            } catch (IngestException e) {
                fail.accept(e.getMessage());
                continue;
            }
            if (r.published() == null) LOG.warn("{}: no release date found in the text or a SOURCES.tsv beside it; stored undated", f);
            todo.add(r);
        }
        return new BuildPlan(todo, unchanged);
    }

    /**
     * The plan of a build into a fresh store with syndicated copies folded as {@code build} folds them: the releases
     * that are documents of their own, and the {@code kg:source} quads the copies add to them.
     */
    public record Folded(List<PressRelease> todo, List<Quad> copySources) {
        public Folded {
            todo = List.copyOf(todo);
            copySources = List.copyOf(copySources);
        }
    }

    /** This plan's releases without the near-copies of an earlier one (none dropped when {@code findCopies} is off). */
    public Folded foldCopies(boolean findCopies) {
        if (!findCopies) return new Folded(todo, List.of()); // a fresh store: no later build compares with signatures kept here
        Syndication syndication = new Syndication();
        List<PressRelease> own = syndication.fold(todo, true);
        return new Folded(own, syndication.sourceQuads());
    }

    private static String uniqueId(Path file, PressReleaseReader.Fingerprint fp, Set<String> ids) {
        String id = fp.id();
        if (ids.add(id)) return id;
        String alt = id + "-" + fp.contentHash().replace("sha256:", "").substring(0, 8);
        ids.add(alt);
        LOG.warn("{}: another file has the document id '{}'; this one is stored as '{}'", file, id, alt);
        return alt;
    }

    /** Digest of document hashes by id: what the entities graph was resolved from (kept in the meta graph). */
    public static String digest(Map<String, String> docHashes) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(docHashes).forEach((id, h) -> sb.append(id).append('=').append(h).append('\n'));
        return KgStore.sha256(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
