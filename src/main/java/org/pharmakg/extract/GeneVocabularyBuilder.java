package org.pharmakg.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Compiles the human gene vocabulary from the Reach knowledge bases of {@code org.clulab:bioresources}
 * (HGNC names and all-species UniProt protein names) into one small resource that
 * {@link GeneVocabulary} reads in a fraction of a second; Maven runs it at {@code process-classes}.
 *
 * <pre>java -cp … org.pharmakg.extract.GeneVocabularyBuilder target/classes/org/pharmakg/extract/human-genes.tsv.gz</pre>
 *
 * The sources have no symbol column: {@code hgnc.tsv} lists every name of a gene (approved and previous
 * symbols, aliases, names split at commas) against its HGNC number, and {@code uniprot-proteins.tsv}
 * every name of a protein against its accession and species. A gene's UniProt accession is the human
 * accession sharing most of its names; its symbol is the symbol-shaped name that the accession also
 * uses, preferring one that opens or abbreviates a full name of the gene, then one that orthologues in
 * other species share. Only genes with a human UniProt accession (protein-coding genes) are kept.
 */
public final class GeneVocabularyBuilder {
    static final String HGNC = "org/clulab/reach/kb/hgnc.tsv.gz";
    static final String UNIPROT = "org/clulab/reach/kb/uniprot-proteins.tsv.gz";
    /** Written on the first line; a resource with another version is rebuilt. */
    static final String VERSION = "# pharmakg human genes v11";
    static final String[] FAMILIES = {"org/clulab/reach/kb/BEfamilies.tsv.gz", "org/clulab/reach/kb/BEcomplexes.tsv.gz"};
    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9]*(?:orf[0-9]+)?(?:-[A-Z0-9]+)*");

    private GeneVocabularyBuilder() {}

    /** Writes the vocabulary to {@code args[0]} unless a current one is there. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: GeneVocabularyBuilder OUTPUT.tsv.gz");
        Path out = Path.of(args[0]);
        if (Files.isRegularFile(out) && isCurrent(out)) return;
        long t0 = System.nanoTime();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        int genes;
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(tmp));
             Writer w = new PrintWriter(new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8))) {
            genes = write(w);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.err.printf(Locale.ROOT, "gene vocabulary: %d human genes from org.clulab:bioresources in %.1f s -> %s (%d kB)%n",
                genes, (System.nanoTime() - t0) / 1e9, out, Files.size(out) / 1024);
    }

    /** True when the file was written by this version of the builder and after its classes were compiled. */
    private static boolean isCurrent(Path p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)), StandardCharsets.UTF_8))) {
            String first = r.readLine();
            if (first == null || !first.startsWith(VERSION + " ")) return false;
            for (Class<?> c : new Class<?>[] {GeneVocabularyBuilder.class, GeneVocabulary.class, Names.class}) {
                java.net.URL u = c.getResource(c.getSimpleName() + ".class");
                if (u != null && "file".equals(u.getProtocol())
                        && Files.getLastModifiedTime(Path.of(u.toURI())).compareTo(Files.getLastModifiedTime(p)) > 0) return false;
            }
            return true;
        } catch (IOException | java.net.URISyntaxException e) {
            return false;
        }
    }

    /** Reads both knowledge bases from the class path and writes the vocabulary; returns the number of genes. */
    static int write(Writer w) throws IOException {
        Map<String, Set<String>> geneNames = new HashMap<>();     // HGNC number -> names
        Map<String, Set<String>> genesOfName = new HashMap<>();   // name -> HGNC numbers
        rows(HGNC, 2, row -> {
            String name = clean(row[0]);
            if (name == null || !row[1].matches("[0-9]+")) return;
            geneNames.computeIfAbsent(row[1], k -> new LinkedHashSet<>()).add(name);
            genesOfName.computeIfAbsent(name, k -> new HashSet<>(2)).add(row[1]);
        });
        Map<String, Set<String>> proteinNames = new HashMap<>();  // human accession -> names
        Map<String, Set<String>> proteinsOfName = new HashMap<>();
        Map<String, Integer> orthologues = new HashMap<>();       // upper-case name -> non-human entries using it
        String[] last = {"", ""};
        rows(UNIPROT, 3, row -> {
            if (row[2].equals("Human") || row[2].equals("Homo sapiens")) {
                String name = clean(row[0]);
                if (name == null) return;
                proteinNames.computeIfAbsent(row[1], k -> new LinkedHashSet<>()).add(name);
                proteinsOfName.computeIfAbsent(name, k -> new HashSet<>(2)).add(row[1]);
            } else if (!row[1].equals(last[1]) || !row[0].equals(last[0])) {
                // orthologues carry the gene's symbol in their own case ("Erbb2"); each entry counts once
                String u = row[0].toUpperCase(Locale.ROOT);
                if (SYMBOL.matcher(u).matches()) orthologues.merge(u, 1, Integer::sum);
            }
            last[0] = row[0];
            last[1] = row[1];
        });
        w.write(VERSION + " (from org.clulab:bioresources:1.1.24 " + HGNC + " and " + UNIPROT
                + "); lines: hgnc id, symbol, UniProt accession; FAMILY names of families and complexes; KEY name key, flags, hgnc id\n");
        int n = 0;
        Map<String, String> symbolOf = new HashMap<>();   // name -> the one gene (HGNC number) it names
        Set<String> symbols = new HashSet<>();
        List<String[]> genes = new ArrayList<>();
        int maxWords = 1;
        Map<String, String> bestGene = new HashMap<>();   // accession -> the gene it shares most with
        Map<String, Double> bestVote = new HashMap<>();
        Map<String, Map<String, Double>> votesOf = new HashMap<>();
        for (var e : new TreeMap<>(geneNames).entrySet()) {
            Map<String, Double> votes = votes(e.getValue(), proteinsOfName, genesOfName);
            votesOf.put(e.getKey(), votes);
            for (var v : votes.entrySet()) {
                if (v.getValue() > bestVote.getOrDefault(v.getKey(), 0.0) + 1e-9) {
                    bestVote.put(v.getKey(), v.getValue());
                    bestGene.put(v.getKey(), e.getKey());
                }
            }
        }
        for (var e : new TreeMap<>(geneNames).entrySet()) {
            Set<String> names = e.getValue();
            String acc = accession(e.getKey(), votesOf.get(e.getKey()), bestGene);
            if (acc == null) continue;
            Set<String> accNames = proteinNames.getOrDefault(acc, Set.of());
            String symbol = symbol(names, accNames, genesOfName, orthologues);
            if (symbol == null) continue;
            Set<String> all = new LinkedHashSet<>();
            all.add(symbol);
            Set<String> proteinWords = new HashSet<>();
            for (String a : accNames) proteinWords.add(a.toLowerCase(Locale.ROOT));
            for (String nm : names) if (usable(nm, proteinWords)) all.add(nm);
            for (String nm : accNames) if (usable(nm, proteinWords)) all.add(nm);
            w.write("HGNC:" + e.getKey() + "\t" + symbol + "\t" + acc + "\n");
            for (String a : all) maxWords = Math.max(maxWords, a.split("\\s+").length);
            genes.add(new String[] {"HGNC:" + e.getKey(), symbol, String.join("|", all)});
            symbols.add(symbol);
            for (String a : all) symbolOf.merge(a, e.getKey(), (x, y) -> x.equals(y) ? x : "");
            n++;
        }
        Set<String> families = families(symbolOf, symbols);
        w.write(FAMILY + "\t" + String.join("|", families) + "\n");
        w.write(MAX_WORDS + "\t" + Math.min(maxWords, 8) + "\n");
        for (var k : new TreeMap<>(GeneVocabulary.senses(genes, families)).entrySet()) w.write(KEY + "\t" + k.getKey() + "\t" + k.getValue() + "\n");
        return n;
    }

    /** First column of the line listing names that stand for a family or complex, not one gene. */
    static final String FAMILY = "FAMILY";
    /** First column of the lines of the name index: key, flags, HGNC id (empty when several genes share the key). */
    static final String KEY = "KEY";
    /** First column of the line giving the most words a name has (at most 8). */
    static final String MAX_WORDS = "MAXWORDS";

    /**
     * Names of families and complexes: those of the FamPlex tables of Reach (BEfamilies, BEcomplexes: PARP, PI3K,
     * MEK) and stems that other genes' names qualify ("CGRP" in "Beta-CGRP" and "CGRP-II", "CD3" in
     * "CD3 epsilon" and "CD3 gamma"); an approved symbol is never one (TNF is the gene TNF).
     */
    private static Set<String> families(Map<String, String> geneOfName, Set<String> symbols) {
        Set<String> out = new java.util.TreeSet<>();
        for (String f : FAMILIES) rows(f, 2, row -> { String n = clean(row[0]); if (n != null && !symbols.contains(n)) out.add(n); });
        for (var e : geneOfName.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            for (String part : e.getKey().split("[\\s/-]+")) {
                if (part.length() < 3 || part.equals(e.getKey()) || !SYMBOL.matcher(part).matches() || symbols.contains(part)) continue;
                String other = geneOfName.get(part);
                if (other != null && !other.isEmpty() && !other.equals(e.getValue())) out.add(part);
            }
        }
        return out;
    }

    /**
     * The human accession whose names the gene shares, each shared name weighing the less the more genes and
     * proteins have it ("CD44" names one protein and one gene; "IN" eight proteins), among the accessions that
     * share no more with another gene (SOS1's alias "GF1" is a name of GATA1's protein, which is GATA1's).
     * Ties go to the lowest accession.
     */
    private static String accession(String gene, Map<String, Double> votes, Map<String, String> bestGene) {
        String best = null;
        double max = 0;
        for (var v : votes.entrySet()) {
            if (gene.equals(bestGene.get(v.getKey())) && v.getValue() > max + 1e-9) { best = v.getKey(); max = v.getValue(); }
        }
        if (best != null) return best;
        // every accession it shares names with is another gene's more: its own best still ("HBB")
        for (var v : votes.entrySet()) if (v.getValue() > max + 1e-9) { best = v.getKey(); max = v.getValue(); }
        return best;
    }

    private static Map<String, Double> votes(Set<String> names, Map<String, Set<String>> proteinsOfName, Map<String, Set<String>> genesOfName) {
        Map<String, Double> votes = new TreeMap<>();
        for (String n : names) {
            Set<String> ps = proteinsOfName.getOrDefault(n, Set.of());
            double w = 1.0 / (ps.size() * Math.max(1, genesOfName.getOrDefault(n, Set.of()).size()));
            for (String a : ps) votes.merge(a, w, Double::sum);
        }
        return votes;
    }

    private static String symbol(Set<String> names, Set<String> accNames, Map<String, Set<String>> genesOfName,
                                 Map<String, Integer> orthologues) {
        List<String> full = new ArrayList<>();
        for (String n : names) if (n.contains(" ") || n.length() > 5 && n.equals(n.toLowerCase(Locale.ROOT))) full.add(n);
        Comparator<String> rank = Comparator.<String, Boolean>comparing(accNames::contains)
                .thenComparing(s -> opensName(s, full))
                .thenComparing(s -> abbreviatesName(s, full))
                .thenComparing(s -> genesOfName.getOrDefault(s, Set.of()).size() == 1)
                .thenComparingInt(s -> orthologues.getOrDefault(s.toUpperCase(Locale.ROOT), 0))
                .thenComparingInt(s -> alnum(s).length())
                .thenComparing(s -> !s.contains("-"))
                .thenComparing(Comparator.<String>reverseOrder());
        // "VEGFA" rather than "VEGF-A": of two spellings of one symbol, the one without a hyphen
        return names.stream().filter(s -> SYMBOL.matcher(s).matches())
                .filter(s -> !s.contains("-") || !names.contains(s.replace("-", ""))).max(rank).orElse(null);
    }

    /** "ERBB2" opens "erb-b2 receptor tyrosine kinase 2" (the first words, without punctuation). */
    private static boolean opensName(String symbol, List<String> full) {
        String k = alnum(symbol);
        for (String f : full) {
            StringBuilder acc = new StringBuilder();
            for (String word : f.split("[\\s/]+")) {
                acc.append(alnum(word));
                if (acc.toString().equals(k)) return true;
                if (acc.length() >= k.length()) break;
            }
        }
        return false;
    }

    /** "PTGS2" abbreviates "prostaglandin-endoperoxide synthase 2" (its letters in order, the first one first). */
    private static boolean abbreviatesName(String symbol, List<String> full) {
        String k = alnum(symbol);
        for (String f : full) {
            String t = alnum(f);
            if (t.isEmpty() || k.isEmpty() || t.charAt(0) != k.charAt(0)) continue;
            int i = 0;
            for (int j = 0; j < t.length() && i < k.length(); j++) if (t.charAt(j) == k.charAt(i)) i++;
            if (i == k.length()) return true;
        }
        return false;
    }

    private static final Pattern DISEASE = Pattern.compile(
            "(?i).*\\b(disease|syndrome|deficiency|disorder|sarcoma|carcinoma|cancer|tumou?rs?|leuka?emia|lymphoma|dystrophy|"
            + "atrophy|anemia|anaemia|[a-z]+emia|[a-z]+itis|[a-z]+osis|[a-z]+pathy|dysplasia|retardation|type [0-9ivx]+)$");

    /**
     * False friends out: disease names that HGNC keeps as former gene names ("Pompe disease", "familial
     * hypercholesterolemia") and single lower-case words that are fragments of comma-split HGNC names
     * ("multiple", "regulatory", "related"); a lower-case word is kept when UniProt also names the protein so
     * ("myostatin", "glucagon").
     */
    private static boolean usable(String name, Set<String> proteinWords) {
        if (DISEASE.matcher(name).matches()) return false;
        boolean word = name.chars().allMatch(Character::isLetter) && name.equals(name.toLowerCase(Locale.ROOT));
        return !word || proteinWords.contains(name);
    }

    private static String alnum(String s) { return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""); }

    /** A usable name, or null: fragments of comma-split names ("(Drosophila)"), entities and bare numbers are not. */
    private static String clean(String name) {
        String n = name.strip();
        if (n.length() < 2 || n.length() > 80 || n.contains("&#") || n.contains("|") || n.startsWith("(") || n.startsWith("-")
                || n.chars().noneMatch(Character::isLetter)) return null;
        return n;
    }

    private static void rows(String resource, int columns, java.util.function.Consumer<String[]> each) {
        try (InputStream in = GeneVocabularyBuilder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("cannot find " + resource + " on the class path; is org.clulab:bioresources:1.1.24 a dependency?");
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) continue;
                String[] p = line.split("\t", -1);
                if (p.length >= columns) each.accept(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
