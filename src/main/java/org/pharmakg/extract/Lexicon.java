package org.pharmakg.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pharmakg.PharmakgException;

/**
 * Names of real things, read from the TSV files in {@code ontology/lexicon/}: one entry per
 * compound, target, indication or company, with its aliases and public identifiers.
 *
 * <pre>Lexicon lex = Lexicon.load(); lex.lookup(EntityType.COMPOUND, "Kadcyla") // trastuzumab emtansine</pre>
 *
 * Lookup is by {@link Names#typedKey}; short all-capitals aliases ("MM", "ALL") match only when
 * the text has them in capitals, so "all" never becomes acute lymphoblastic leukemia.
 */
public final class Lexicon {
    /** One real thing. {@code ids} maps "wikidata", "chembl", "hgnc", "ncit", "ticker", "parent" to values. */
    public record Entry(EntityType type, String label, List<String> aliases, Map<String, String> ids) {
        public List<String> names() {
            List<String> n = new ArrayList<>();
            n.add(label);
            n.addAll(aliases);
            return n;
        }
    }

    private static final Map<EntityType, String> FILES = Map.of(
            EntityType.COMPOUND, "ontology/lexicon/compounds.tsv",
            EntityType.TARGET, "ontology/lexicon/targets.tsv",
            EntityType.INDICATION, "ontology/lexicon/indications.tsv",
            EntityType.COMPANY, "ontology/lexicon/companies.tsv");

    private final Map<EntityType, Map<String, Entry>> byKey = new HashMap<>();
    /** Plain {@link Names#key} of every name (and, for companies, of the name without its suffix) to entries. */
    private final Map<String, List<Entry>> byPlainKey = new HashMap<>();
    private final Set<String> caseSensitive = new HashSet<>();
    private final Set<String> notCompanies = new HashSet<>();
    private int maxTokens = 1;

    private Lexicon() {
        for (EntityType t : EntityType.values()) byKey.put(t, new HashMap<>());
    }

    /**
     * Loads the lexicons from the class path; a missing file is an empty lexicon. The system property
     * {@code pharmakg.lexicon.exclude} may name a file of names (one per line) to leave out, for
     * generalisation checks (scripts/generalization.sh).
     */
    public static Lexicon load() {
        String ex = System.getProperty("pharmakg.lexicon.exclude");
        if (ex == null || ex.isBlank()) return load(Set.of());
        try {
            Set<String> keys = new HashSet<>();
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(ex))) {
                if (!line.isBlank()) keys.add(Names.key(line.strip()));
            }
            return load(keys);
        } catch (IOException e) {
            throw new PharmakgException("cannot read the lexicon exclusion list " + ex + ": " + e.getMessage(), e);
        }
    }

    /** Loads the lexicons leaving out every name whose key is in {@code exclude} (for generalisation checks). */
    public static Lexicon load(Set<String> exclude) {
        Lexicon lex = new Lexicon();
        for (var f : FILES.entrySet()) lex.readEntries(f.getKey(), f.getValue(), exclude);
        for (List<String> row : readRows("ontology/lexicon/non-companies.tsv")) {
            if (!row.isEmpty() && !row.get(0).isBlank()) lex.notCompanies.add(Names.key(row.get(0)));
        }
        return lex;
    }

    private void readEntries(EntityType type, String resource, Set<String> exclude) {
        List<List<String>> rows = readRows(resource);
        if (rows.isEmpty()) return;
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (List<String> row : rows.subList(1, rows.size())) {
            String label = col(row, header, "label");
            if (label.isBlank()) continue;
            List<String> aliases = new ArrayList<>();
            for (String a : col(row, header, "aliases").split("\\|")) {
                if (!a.isBlank()) aliases.add(a.strip());
            }
            Map<String, String> ids = new LinkedHashMap<>();
            for (String k : List.of("wikidata", "chembl", "hgnc", "ncit", "mesh", "ticker", "parent", "kind")) {
                String v = col(row, header, k);
                if (!v.isBlank()) ids.put(k, v.strip());
            }
            List<String> kept = new ArrayList<>();
            for (String n : concat(label, aliases)) {
                if (!exclude.contains(Names.key(n)) && !exclude.contains(Names.key(Names.companyBase(n)))) kept.add(n);
            }
            if (kept.isEmpty()) continue;
            Entry e = new Entry(type, kept.get(0), List.copyOf(kept.subList(1, kept.size())), Map.copyOf(ids));
            for (String n : kept) {
                String k = Names.typedKey(type, n);
                if (k.isEmpty()) continue;
                byKey.get(type).putIfAbsent(k, e);
                for (String pk : new String[] {Names.key(n), k}) {
                    List<Entry> l = byPlainKey.computeIfAbsent(pk, x -> new ArrayList<>(1));
                    if (!l.contains(e)) l.add(e);
                }
                if (Names.isShortAbbreviation(n)) caseSensitive.add(type + ":" + k);
                maxTokens = Math.max(maxTokens, n.split("[\\s]+").length + 2);
            }
        }
    }

    private static List<String> concat(String a, List<String> rest) {
        List<String> l = new ArrayList<>();
        l.add(a);
        l.addAll(rest);
        return l;
    }

    private static String col(List<String> row, List<String> header, String name) {
        int i = header.indexOf(name);
        return i >= 0 && i < row.size() ? row.get(i).strip() : "";
    }

    /** The rows of a TSV file on the class path, '#' comments and blank lines left out (the header is row 0). */
    static List<List<String>> readRows(String resource) {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return rows;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                rows.add(Arrays.asList(line.split("\t", -1)));
            }
        } catch (IOException e) {
            throw new PharmakgException("cannot read lexicon " + resource + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** The entry of this type having this name, honouring case for short abbreviations; or null. */
    public Entry lookup(EntityType type, String surface) {
        String k = Names.typedKey(type, surface);
        Entry e = byKey.get(type).get(k);
        if (e == null) return null;
        String letters = surface.replaceAll("[^A-Za-z]", "");
        if (type == EntityType.COMPANY && letters.length() >= 4 && letters.equals(letters.toUpperCase(Locale.ROOT))
                && e.names().stream().noneMatch(n -> n.replaceAll("[^A-Za-z]", "").equals(letters))) {
            return null; // "NEEDHAM, Mass." is a dateline city, not Needham & Company
        }
        if (caseSensitive.contains(type + ":" + k) && !Names.isShortAbbreviation(surface)) {
            // the lexicon knows only the capitalised abbreviation; "all" is not "ALL"
            boolean longForm = e.names().stream().anyMatch(n -> Names.typedKey(type, n).equals(k) && !Names.isShortAbbreviation(n));
            if (!longForm) return null;
        }
        return e;
    }

    /**
     * Entries having a name whose plain key is {@code key} (the concatenated {@link Names#tokenKey}s of a
     * span); the caller confirms a hit with {@link #lookup}, which honours case for abbreviations.
     */
    public List<Entry> candidates(String key) {
        return byPlainKey.getOrDefault(key, List.of());
    }

    /** True when the name is a known non-company organisation (newswire, exchange, regulator, society…). */
    public boolean isNotCompany(String name) {
        return notCompanies.contains(Names.key(name)) || notCompanies.contains(Names.key(Names.companyBase(name)));
    }

    /** The longest alias, in whitespace-separated words plus slack for punctuation tokens. */
    public int maxTokens() { return Math.min(maxTokens, 12); }
}
