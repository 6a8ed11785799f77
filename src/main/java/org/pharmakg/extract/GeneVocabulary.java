package org.pharmakg.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.pharmakg.PharmakgException;

/**
 * Human genes and their proteins by every name HGNC and UniProt give them, from
 * {@code org.clulab:bioresources} (compiled by {@link GeneVocabularyBuilder}): a name resolves to one
 * gene's HGNC id, symbol and UniProt accession, or to nothing when it is unknown or names several genes.
 *
 * <pre>GeneVocabulary v = GeneVocabulary.load(); v.resolve("HER2") // Gene[HGNC:3430, ERBB2, P04626]</pre>
 *
 * Matching is on {@link Names#key}, with case rules that keep English words and units out: a name written
 * without lower-case letters ("MET", "HER-2") matches only a name the sources write in capitals; one in
 * lower case ("myostatin"; not "set", "met") only a name they write in lower case; a mixed-case one
 * ("FcRn", "Myostatin") a mixed-case or long lower-case name, or it is a symbol with a digit ("Tyk2").
 * The name index is computed at build time, so loading is reading; a look-up is one hash probe.
 * Immutable and thread-safe.
 */
public final class GeneVocabulary {
    /** The resource {@link GeneVocabularyBuilder} writes at build time. */
    static final String RESOURCE = "org/pharmakg/extract/human-genes.tsv.gz";

    /** One human gene: HGNC id ("HGNC:3430"), HGNC symbol ("ERBB2") and UniProt accession ("P04626"). */
    public record Gene(String hgncId, String symbol, String uniprot) {
        /** The identifiers as {@link LocalEntity#ids()} keys: "hgnc", "hgncSymbol", "uniprot". */
        public Map<String, String> ids() {
            return Map.of("hgnc", hgncId, "hgncSymbol", symbol, "uniprot", uniprot);
        }
    }

    /** What one name key stands for: a gene, or null when several genes share it; how the sources write it. */
    private record Sense(Gene gene, boolean capitals, boolean lowerCase, boolean mixedCase) {}

    private static final GeneVocabulary EMPTY = new GeneVocabulary(Map.of(), Map.of(), 0);

    private final Map<String, Sense> byKey;
    private final Map<String, Gene> byHgnc;
    private final int maxWords;

    private GeneVocabulary(Map<String, Sense> byKey, Map<String, Gene> byHgnc, int maxWords) {
        this.byKey = byKey;
        this.byHgnc = byHgnc;
        this.maxWords = maxWords;
    }

    /**
     * The standard vocabulary, loaded on the first {@code get()} (by whichever thread asks first) and kept by
     * the returned supplier: one load per extractor, none for a build that extracts nothing.
     */
    public static java.util.function.Supplier<GeneVocabulary> lazy() {
        return new java.util.function.Supplier<>() {
            private volatile GeneVocabulary v;

            @Override
            public GeneVocabulary get() {
                GeneVocabulary r = v;
                if (r == null) {
                    synchronized (this) {
                        r = v;
                        if (r == null) v = r = load();
                    }
                }
                return r;
            }
        };
    }

    /** A vocabulary that knows no gene (for tests and for extraction without it). */
    public static GeneVocabulary empty() { return EMPTY; }

    /**
     * Reads the compiled resource from the class path; when it is missing (sources compiled without Maven's
     * {@code process-classes}), compiles it from the bioresources artifact in memory, which takes seconds.
     */
    public static GeneVocabulary load() {
        try (InputStream in = GeneVocabulary.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) return read(new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8), 1 << 16));
            StringWriter w = new StringWriter();
            GeneVocabularyBuilder.write(w);
            return read(new BufferedReader(new java.io.StringReader(w.toString())));
        } catch (IOException | RuntimeException e) {
            throw new PharmakgException("cannot read the gene vocabulary " + RESOURCE + ": " + e.getMessage()
                    + "; rebuild with 'mvn -B process-classes' (it is compiled from org.clulab:bioresources)", e);
        }
    }

    private static GeneVocabulary read(BufferedReader r) throws IOException {
        Map<String, Sense> byKey = new HashMap<>(1 << 18);
        Map<String, Gene> byHgnc = new HashMap<>(1 << 15);
        int maxWords = 1;
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith(GeneVocabularyBuilder.KEY)) {
                int a = line.indexOf('\t'), b = line.indexOf('\t', a + 1), c = line.indexOf('\t', b + 1);
                String flags = line.substring(b + 1, c), hgnc = line.substring(c + 1);
                byKey.put(line.substring(a + 1, b), new Sense(hgnc.isEmpty() ? null : byHgnc.get(hgnc),
                        flags.indexOf('C') >= 0, flags.indexOf('W') >= 0, flags.indexOf('M') >= 0));
                continue;
            }
            if (line.startsWith(GeneVocabularyBuilder.MAX_WORDS)) {
                maxWords = Integer.parseInt(line.substring(line.indexOf('\t') + 1).strip());
                continue;
            }
            if (line.startsWith("#") || line.startsWith(GeneVocabularyBuilder.FAMILY) || line.isBlank()) continue;
            String[] p = line.split("\t", 3);
            if (p.length < 3) continue;
            byHgnc.put(p[0], new Gene(p[0], p[1], p[2]));
        }
        return new GeneVocabulary(byKey, byHgnc, Math.min(maxWords, 8));
    }

    /**
     * The name index, computed at build time ({@link GeneVocabularyBuilder}): each name key with the gene it names
     * ("" when several genes share it; an approved symbol outranks another gene's alias, so "MET" is MET; a family
     * or complex names no gene unless it is a symbol) and how the sources write it: C in capitals ("MET"),
     * W in lower case ("myostatin"), M in mixed case ("FcRn").
     *
     * @param genes HGNC id, symbol and names ('|'-separated) of each gene
     */
    static Map<String, String> senses(java.util.List<String[]> genes, java.util.Collection<String> families) {
        Map<String, String> gene = new HashMap<>();
        Map<String, Boolean> symbolOf = new HashMap<>();
        Map<String, java.util.Set<Character>> flags = new HashMap<>();
        for (String[] g : genes) {
            String symbolKey = Names.key(g[1]);
            for (String name : g[2].split("\\|")) {
                String k = Names.key(name);
                if (k.length() < 2) continue;
                boolean symbol = k.equals(symbolKey);
                flags.computeIfAbsent(k, x -> new java.util.TreeSet<>()).add(shape(name));
                String prev = gene.get(k);
                if (prev == null) {
                    gene.put(k, g[0]);
                    symbolOf.put(k, symbol);
                } else if (!prev.equals(g[0]) && !(symbolOf.get(k) && !symbol)) {
                    // another gene's name: ambiguous, unless this is its approved symbol and the other's an alias
                    gene.put(k, symbol && !symbolOf.get(k) ? g[0] : "");
                    symbolOf.put(k, symbol || symbolOf.get(k));
                }
            }
        }
        for (String f : families) {
            String k = Names.key(f);
            if (k.length() < 2 || Boolean.TRUE.equals(symbolOf.get(k))) continue;
            gene.put(k, "");
            flags.computeIfAbsent(k, x -> new java.util.TreeSet<>()).add(shape(f));
        }
        Map<String, String> out = new HashMap<>();
        for (var e : gene.entrySet()) {
            StringBuilder f = new StringBuilder();
            for (char c : flags.get(e.getKey())) f.append(c);
            out.put(e.getKey(), f + "\t" + e.getValue());
        }
        return out;
    }

    /** C: no lower-case letter ("MET"); W: no upper-case letter ("myostatin"); M: both ("FcRn", "Myostatin"). */
    private static char shape(String name) {
        boolean lower = false, upper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLowerCase(c)) lower = true;
            else if (Character.isUpperCase(c)) upper = true;
        }
        return !lower ? 'C' : !upper ? 'W' : 'M';
    }

    /** The one gene this name (as written in a text) stands for, or null. */
    public Gene resolve(String surface) {
        return resolveKey(Names.key(surface), surface);
    }

    /** Like {@link #resolve} for a span whose key the caller has already built (token by token). */
    Gene resolveKey(String key, String surface) {
        Sense s = byKey.get(key);
        if (s == null || s.gene() == null) return null;
        boolean lower = false, upper = false, digit = false;
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (Character.isLowerCase(c)) lower = true;
            else if (Character.isUpperCase(c)) upper = true;
            else if (Character.isDigit(c)) digit = true;
        }
        if (!lower) return s.capitals() ? s.gene() : null;
        if (!upper) return s.lowerCase() ? s.gene() : null;
        if (s.mixedCase() || s.lowerCase() && surface.length() >= 5) return s.gene(); // "FcRn", "Myostatin"
        // "Tyk2", "Her2": a symbol in mixed case, with a digit, not an English word
        return digit && Character.isUpperCase(surface.charAt(0)) && surface.length() >= 3 ? s.gene() : null;
    }

    /** True when some name of a gene or family has this {@link Names#key}. */
    boolean knowsKey(String key) { return byKey.containsKey(key); }

    /** True when several genes share the name, so that it identifies none ("CGRP"). */
    public boolean isAmbiguous(String surface) {
        Sense s = byKey.get(Names.key(surface));
        return s != null && s.gene() == null;
    }

    /** The gene with this HGNC id ("HGNC:3430"), or null. */
    public Gene byHgncId(String hgncId) { return byHgnc.get(hgncId); }

    /** The number of genes. */
    public int size() { return byHgnc.size(); }

    /** The number of distinct name keys. */
    public int names() { return byKey.size(); }

    /** The most words a name has (at most 8): the longest span worth looking up. */
    public int maxWords() { return maxWords; }
}
