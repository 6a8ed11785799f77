package org.pharmakg.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.pharmakg.PharmakgException;
import org.pharmakg.eval.GoldScorer.Gold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads gold JSON files (format of gold/GUIDELINES.md) and merges them into one {@link Gold}, as
 * score.py's {@code Gold} class does.
 *
 * <pre>
 * Gold gold = GoldLoader.load(List.of(Path.of("gold/dev")));
 * </pre>
 *
 * Entities of one type that share a normalised name, in any file, are one entity (union-find,
 * the first one seen names the group); an entity is optional only when every file marks it so, and
 * a fact is optional only when every file that states it marks it so.
 */
final class GoldLoader {
    private static final Logger LOG = LoggerFactory.getLogger(GoldLoader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record RawEntity(String id, String type, String label, List<String> names, boolean optional) {}

    private record RawFact(String s, String p, String o, boolean optional, String text) {}

    private record Doc(String doc, List<RawEntity> entities, List<RawFact> facts) {}

    private record Node(String type, String id) {}

    private GoldLoader() {}

    static Gold load(List<Path> paths) {
        List<Doc> docs = new ArrayList<>();
        for (Path file : expand(paths)) docs.add(read(file));

        Map<Node, Node> parent = new HashMap<>();
        Map<List<String>, Node> byName = new HashMap<>();
        for (Doc doc : docs) {
            for (RawEntity e : doc.entities()) {
                Node node = new Node(e.type(), e.id());
                parent.putIfAbsent(node, node);
                for (String n : e.names()) {
                    String k = Normalizer.nameKey(e.type(), n);
                    if (k.isEmpty()) continue;
                    List<String> key = List.of(e.type(), k);
                    Node known = byName.get(key);
                    if (known != null) parent.put(find(parent, node), find(parent, known));
                    else byName.put(key, node);
                }
            }
        }

        Map<String, MutableEntity> entities = new LinkedHashMap<>();
        Map<List<String>, String> aliasOf = new LinkedHashMap<>();
        for (Doc doc : docs) {
            for (RawEntity e : doc.entities()) {
                Node root = find(parent, new Node(e.type(), e.id()));
                String mid = root.type() + ":" + root.id();
                MutableEntity ent = entities.computeIfAbsent(mid, m -> new MutableEntity(e.type(), e.label()));
                for (String n : e.names()) ent.names.add(Normalizer.nameKey(e.type(), n));
                ent.optional = ent.optional && e.optional();
                aliasOf.put(List.of(doc.doc(), e.id()), mid);
            }
        }
        Map<String, String> idsByLocal = new HashMap<>();
        aliasOf.forEach((docAndId, mid) -> idsByLocal.putIfAbsent(docAndId.get(1), mid));

        Map<Gold.Fact, Boolean> facts = new LinkedHashMap<>();
        for (Doc doc : docs) {
            for (RawFact f : doc.facts()) {
                String s = resolve(aliasOf, idsByLocal, doc.doc(), f.s());
                String o = resolve(aliasOf, idsByLocal, doc.doc(), f.o());
                if (s == null || o == null) {
                    LOG.warn("{}: fact {} names an unknown entity; it is left out of the gold", doc.doc(), f.text());
                    continue;
                }
                Gold.Fact t = GoldScorer.canonical(new Gold.Fact(s, f.p(), o));
                facts.put(t, facts.getOrDefault(t, true) && f.optional());
            }
        }

        Map<String, Gold.Entity> merged = new LinkedHashMap<>();
        entities.forEach((mid, e) -> merged.put(mid, new Gold.Entity(e.type, e.label, e.names, e.optional)));
        return new Gold(merged, facts);
    }

    private static final class MutableEntity {
        final String type;
        final String label;
        final Set<String> names = new HashSet<>();
        boolean optional = true;

        MutableEntity(String type, String label) {
            this.type = type;
            this.label = label;
        }
    }

    private static String resolve(Map<List<String>, String> aliasOf, Map<String, String> idsByLocal,
                                  String doc, String id) {
        String mid = aliasOf.get(List.of(doc, id));
        return mid != null ? mid : idsByLocal.get(id);
    }

    private static Node find(Map<Node, Node> parent, Node x) {
        while (!parent.get(x).equals(x)) {
            parent.put(x, parent.get(parent.get(x)));
            x = parent.get(x);
        }
        return x;
    }

    /** Files as given, folders as their *.json files in name order (code-point order, like Python). */
    private static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> list = Files.list(p)) {
                list.filter(f -> f.getFileName().toString().endsWith(".json"))
                        .sorted((a, b) -> Normalizer.comparePy(a.getFileName().toString(), b.getFileName().toString()))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new PharmakgException("cannot list gold folder " + p + ": " + e.getMessage()
                        + "; check that it is readable", e);
            }
        }
        return files;
    }

    private static Doc read(Path file) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new PharmakgException("cannot read gold file " + file + ": no such file; check the --gold path");
        } catch (CharacterCodingException e) {
            throw new PharmakgException("cannot read gold file " + file + ": not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw new PharmakgException("cannot read gold file " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new PharmakgException("cannot read gold file " + file + ": invalid JSON" + where + " ("
                    + e.getOriginalMessage() + "); fix the file or leave it out of --gold", e);
        }
        if (root == null || !root.isObject()) throw bad(file, "the file must hold one JSON object");
        String doc = text(file, root, "doc", "the document");
        List<RawEntity> entities = new ArrayList<>();
        JsonNode ents = array(file, root, "entities", "the document");
        for (int i = 0; i < ents.size(); i++) {
            JsonNode e = ents.get(i);
            String where = "entity " + (i + 1);
            if (!e.isObject()) throw bad(file, where + " is not a JSON object");
            String label = text(file, e, "label", where);
            List<String> names = new ArrayList<>(List.of(label));
            if (e.has("aliases")) {
                JsonNode aliases = array(file, e, "aliases", where);
                for (JsonNode a : aliases) {
                    if (!a.isTextual()) throw bad(file, where + " (" + label + ") has an alias that is not a string: " + a);
                    names.add(a.textValue());
                }
            }
            entities.add(new RawEntity(text(file, e, "id", where), text(file, e, "type", where), label,
                    names, truthy(e.get("optional"))));
        }
        List<RawFact> facts = new ArrayList<>();
        JsonNode fs = array(file, root, "facts", "the document");
        for (int i = 0; i < fs.size(); i++) {
            JsonNode f = fs.get(i);
            String where = "fact " + (i + 1);
            if (!f.isObject()) throw bad(file, where + " is not a JSON object");
            facts.add(new RawFact(text(file, f, "s", where), text(file, f, "p", where), text(file, f, "o", where),
                    truthy(f.get("optional")), f.toString()));
        }
        return new Doc(doc, entities, facts);
    }

    private static String text(Path file, JsonNode obj, String field, String where) {
        JsonNode v = obj.get(field);
        if (v == null) throw bad(file, where + " has no \"" + field + "\"");
        if (!v.isTextual()) throw bad(file, where + ": \"" + field + "\" must be a string, not " + v);
        return v.textValue();
    }

    private static JsonNode array(Path file, JsonNode obj, String field, String where) {
        JsonNode v = obj.get(field);
        if (v == null) throw bad(file, where + " has no \"" + field + "\" list");
        if (!v.isArray()) throw bad(file, where + ": \"" + field + "\" must be a list, not " + v.getNodeType());
        return v;
    }

    private static PharmakgException bad(Path file, String problem) {
        return new PharmakgException("gold file " + file + " does not follow the gold format: " + problem
                + "; see gold/GUIDELINES.md");
    }

    /** Python's {@code bool()} of a JSON value; a missing value is false. */
    private static boolean truthy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return false;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isNumber()) return v.doubleValue() != 0;
        if (v.isTextual()) return !v.textValue().isEmpty();
        return v.size() > 0;
    }
}
