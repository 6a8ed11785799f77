package org.pharmakg.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.pharmakg.PharmakgException;

/**
 * Scores the graph against gold annotations exactly as the reference scorer {@code score.py} does:
 * precision, recall and F1 per entity type and per relation, micro averages, duplicates.
 *
 * <pre>
 * GoldScorer.Report r = GoldScorer.score(GoldScorer.loadGold(List.of(Path.of("gold/dev"))), dsg);
 * System.out.print(r.toText(false));
 * </pre>
 *
 * The graph is read through the two scoring queries on the class path ({@code eval/entities.rq},
 * {@code eval/facts.rq}). A predicted node matches a gold entity of one of its types when a label
 * shares a normalised key ({@link Normalizer}) with it; optional gold entities and facts are neither
 * rewarded nor penalised, {@code partnerOf} has no direction, and facts touching an unmatched node
 * are false positives.
 */
public final class GoldScorer {
    /** Entity types scored, in report order. */
    public static final List<String> SCORED_TYPES = List.of("Company", "Compound", "Target", "Indication", "ClinicalTrial");
    /** Relations scored, in report order. */
    public static final List<String> RELATIONS =
            List.of("partnerOf", "subsidiaryOf", "develops", "targets", "indication", "phase", "evaluates");

    private GoldScorer() {}

    /**
     * Merged gold: entities by merged id ({@code Type:id} of the group's root) in first-seen order,
     * and facts between merged ids with whether they are optional.
     */
    public record Gold(Map<String, Entity> entities, Map<Fact, Boolean> facts) {
        public Gold {
            entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
            facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        }

        /** A gold entity: type, the label first seen, the normalised keys of all its names. */
        public record Entity(String type, String label, Set<String> names, boolean optional) {
            public Entity {
                Objects.requireNonNull(type);
                Objects.requireNonNull(label);
                names = Set.copyOf(names);
            }
        }

        /** A fact between two ids (merged gold ids or, for unmatched predictions, labels). */
        public record Fact(String s, String p, String o) {
            static final Comparator<Fact> ORDER = Comparator.comparing(Fact::s, Normalizer.PY_ORDER)
                    .thenComparing(Fact::p, Normalizer.PY_ORDER).thenComparing(Fact::o, Normalizer.PY_ORDER);
        }

        /** Merged ids of this type that share a normalised name with {@code names}, in gold order. */
        public List<String> match(String type, Collection<String> names) {
            Set<String> keys = new HashSet<>();
            for (String n : names) keys.add(Normalizer.nameKey(type, n));
            List<String> hits = new ArrayList<>();
            entities.forEach((mid, e) -> {
                if (e.type().equals(type) && !Collections.disjoint(e.names(), keys)) hits.add(mid);
            });
            return hits;
        }
    }

    /**
     * The scores: per entity type and per relation (in report order), micro averages and the lists
     * of misses. {@link #toText} and {@link #toJson} print it as score.py does.
     */
    public record Report(Map<String, EntityScore> entities, Map<String, FactScore> facts,
                         EntitiesMicro entitiesMicro, FactsMicro factsMicro, Misses misses) {
        public Report {
            entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
            facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
            Objects.requireNonNull(entitiesMicro);
            Objects.requireNonNull(factsMicro);
            Objects.requireNonNull(misses);
        }

        /** One entity type: gold counts required entities only, predicted all nodes of the type. */
        public record EntityScore(double precision, double recall, double f1, int gold, int predicted, int duplicates) {}

        /** One relation. */
        public record FactScore(double precision, double recall, double f1, int gold, int tp, int fp, int fn) {}

        /** Entities micro-averaged over the scored types. */
        public record EntitiesMicro(double precision, double recall, double f1, int duplicates) {}

        /** Facts micro-averaged over the scored relations. */
        public record FactsMicro(double precision, double recall, double f1, int tp, int fp, int fn) {}

        /** False and missed entities and facts, one readable line each. */
        public record Misses(List<String> fpEntities, List<String> fnEntities, List<String> fpFacts, List<String> fnFacts) {
            public Misses {
                fpEntities = List.copyOf(fpEntities);
                fnEntities = List.copyOf(fnEntities);
                fpFacts = List.copyOf(fpFacts);
                fnFacts = List.copyOf(fnFacts);
            }
        }

        /** The table of score.py's print_report; {@code list} adds the misses, like its {@code -v}. */
        public String toText(boolean list) {
            return ReportFormat.text(this, list);
        }

        /** The JSON of score.py's {@code --json}; {@code list} gives the misses instead of their counts. */
        public String toJson(boolean list) {
            return ReportFormat.json(this, list);
        }
    }

    /** Reads gold JSON files, and folders of them; bad files fail with a message naming file and problem. */
    public static Gold loadGold(List<Path> paths) {
        return GoldLoader.load(paths);
    }

    /** Runs the two scoring queries on the dataset, in a read transaction, and scores the results. */
    public static Report score(Gold gold, DatasetGraph dsg) {
        String entitiesQuery = resource("eval/entities.rq");
        String factsQuery = resource("eval/facts.rq");
        List<List<Map<String, String>>> rows = Txn.calculateRead(dsg,
                () -> List.of(select(dsg, entitiesQuery), select(dsg, factsQuery)));
        return score(gold, rows.get(0), rows.get(1));
    }

    /**
     * Scores query results given as rows: {@code entity, type, label} and {@code s, p, o}, values as
     * plain strings (IRIs, lexical forms), as score.py reads them from CSV. A missing value is "".
     */
    public static Report score(Gold gold, List<Map<String, String>> entityRows, List<Map<String, String>> factRows) {
        Map<String, Set<String>> types = new LinkedHashMap<>();
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        for (Map<String, String> row : entityRows) {
            String iri = value(row, "entity");
            types.computeIfAbsent(iri, k -> new TreeSet<>(Normalizer.PY_ORDER)).add(value(row, "type"));
            labels.computeIfAbsent(iri, k -> new HashSet<>()).add(value(row, "label"));
        }
        Map<String, String> mapping = new LinkedHashMap<>();      // node -> merged gold id, or null
        Map<String, List<String>> matchedBy = new HashMap<>();
        for (var node : types.entrySet()) {
            String hit = null;
            for (String t : node.getValue()) {
                List<String> cands = gold.match(t, labels.get(node.getKey()));
                if (!cands.isEmpty()) {
                    hit = cands.stream().filter(m -> !gold.entities().get(m).optional()).findFirst().orElse(cands.get(0));
                    break;
                }
            }
            mapping.put(node.getKey(), hit);
            if (hit != null) matchedBy.computeIfAbsent(hit, k -> new ArrayList<>()).add(node.getKey());
        }

        List<String> fpEntities = new ArrayList<>();
        List<String> fnEntities = new ArrayList<>();
        Map<String, Report.EntityScore> entityScores = new LinkedHashMap<>();
        int tpPredAll = 0, fpPredAll = 0, foundAll = 0, missedAll = 0, dupsAll = 0;
        for (String t : SCORED_TYPES) {
            Set<String> goldReq = new TreeSet<>(Normalizer.PY_ORDER);
            gold.entities().forEach((mid, e) -> {
                if (e.type().equals(t) && !e.optional()) goldReq.add(mid);
            });
            List<String> pred = types.entrySet().stream().filter(n -> n.getValue().contains(t)).map(Map.Entry::getKey).toList();
            int tpPred = (int) pred.stream().filter(iri -> mapping.get(iri) != null && goldReq.contains(mapping.get(iri))).count();
            List<String> fp = pred.stream().filter(iri -> mapping.get(iri) == null).toList();
            Set<String> missed = new TreeSet<>(Normalizer.PY_ORDER);
            int found = 0, dups = 0;
            for (String m : goldReq) {
                if (matchedBy.containsKey(m)) {
                    found++;
                    dups += matchedBy.get(m).size() - 1;
                } else {
                    missed.add(m);
                }
            }
            double p = prf(tpPred, fp.size(), 0)[0];
            double r = prf(found, 0, missed.size())[1];
            entityScores.put(t, new Report.EntityScore(p, r, f1(p, r), goldReq.size(), pred.size(), dups));
            tpPredAll += tpPred;
            fpPredAll += fp.size();
            foundAll += found;
            missedAll += missed.size();
            dupsAll += dups;
            for (String iri : fp) fpEntities.add(t + ": " + firstLabel(labels, iri));
            for (String m : missed) fnEntities.add(t + ": " + gold.entities().get(m).label());
        }

        Set<Gold.Fact> mapped = new HashSet<>();
        Set<Gold.Fact> unmapped = new HashSet<>();
        for (Map<String, String> row : factRows) {
            String p = value(row, "p");
            if (!RELATIONS.contains(p)) continue;
            String s = mapping.get(value(row, "s"));
            String o = mapping.get(value(row, "o"));
            if (s != null && o != null) mapped.add(canonical(new Gold.Fact(s, p, o)));
            else unmapped.add(new Gold.Fact(firstLabel(labels, value(row, "s")), p, firstLabel(labels, value(row, "o"))));
        }
        List<String> fpFacts = new ArrayList<>();
        List<String> fnFacts = new ArrayList<>();
        Map<String, Report.FactScore> factScores = new LinkedHashMap<>();
        int tpAll = 0, fpAll = 0, fnAll = 0;
        for (String rel : RELATIONS) {
            Set<Gold.Fact> goldAll = new HashSet<>();
            Set<Gold.Fact> goldReq = new HashSet<>();
            gold.facts().forEach((f, optional) -> {
                if (f.p().equals(rel)) {
                    goldAll.add(f);
                    if (!optional) goldReq.add(f);
                }
            });
            Set<Gold.Fact> m = new HashSet<>();
            for (Gold.Fact f : mapped) if (f.p().equals(rel)) m.add(f);
            Set<Gold.Fact> u = new TreeSet<>(Gold.Fact.ORDER);
            for (Gold.Fact f : unmapped) if (f.p().equals(rel)) u.add(f);
            int tp = (int) m.stream().filter(goldReq::contains).count();
            Set<Gold.Fact> fpSet = new TreeSet<>(Gold.Fact.ORDER);
            for (Gold.Fact f : m) {
                boolean optional = gold.entities().get(f.s()).optional() || gold.entities().get(f.o()).optional();
                if (!goldAll.contains(f) && !optional) fpSet.add(f);
            }
            Set<Gold.Fact> fnSet = new TreeSet<>(Gold.Fact.ORDER);
            for (Gold.Fact f : goldReq) if (!m.contains(f)) fnSet.add(f);
            int fp = fpSet.size() + u.size();
            double[] prf = prf(tp, fp, fnSet.size());
            factScores.put(rel, new Report.FactScore(prf[0], prf[1], prf[2], goldReq.size(), tp, fp, fnSet.size()));
            tpAll += tp;
            fpAll += fp;
            fnAll += fnSet.size();
            for (Gold.Fact f : fpSet) fpFacts.add(goldName(gold, f));
            for (Gold.Fact f : u) fpFacts.add(f.s() + " " + f.p() + " " + f.o() + "  (unmatched entity)");
            for (Gold.Fact f : fnSet) fnFacts.add(goldName(gold, f));
        }
        double[] fm = prf(tpAll, fpAll, fnAll);
        double pe = prf(tpPredAll, fpPredAll, 0)[0];
        double re = prf(foundAll, 0, missedAll)[1];
        return new Report(entityScores, factScores, new Report.EntitiesMicro(pe, re, f1(pe, re), dupsAll),
                new Report.FactsMicro(fm[0], fm[1], fm[2], tpAll, fpAll, fnAll),
                new Report.Misses(fpEntities, fnEntities, fpFacts, fnFacts));
    }

    /** {@code partnerOf} is undirected: its subject is the smaller id. */
    static Gold.Fact canonical(Gold.Fact f) {
        if (f.p().equals("partnerOf") && Normalizer.comparePy(f.o(), f.s()) < 0) return new Gold.Fact(f.o(), f.p(), f.s());
        return f;
    }

    private static double[] prf(int tp, int fp, int fn) {
        double p = tp + fp > 0 ? (double) tp / (tp + fp) : 0.0;
        double r = tp + fn > 0 ? (double) tp / (tp + fn) : 0.0;
        return new double[] {p, r, f1(p, r)};
    }

    private static double f1(double p, double r) {
        return p + r != 0 ? 2 * p * r / (p + r) : 0.0;
    }

    private static String goldName(Gold gold, Gold.Fact f) {
        return gold.entities().get(f.s()).label() + " " + f.p() + " " + gold.entities().get(f.o()).label();
    }

    /** The smallest label of a node, or the IRI itself when the node has none. */
    private static String firstLabel(Map<String, Set<String>> labels, String iri) {
        Set<String> ls = labels.get(iri);
        return ls == null ? iri : Collections.min(ls, Normalizer.PY_ORDER);
    }

    private static String value(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null ? "" : v;
    }

    private static List<Map<String, String>> select(DatasetGraph dsg, String query) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (QueryExec qe = QueryExec.dataset(dsg).query(query).build()) {
            RowSet rs = qe.select();
            List<String> vars = rs.getResultVars().stream().map(v -> v.getVarName()).toList();
            rs.forEachRemaining(b -> {
                Map<String, String> row = new HashMap<>();
                for (String v : vars) {
                    Node n = b.get(v);
                    row.put(v, n == null ? "" : plain(n));
                }
                rows.add(row);
            });
        }
        return rows;
    }

    /** A node as SPARQL CSV results show it: IRI, lexical form, or _:label. */
    private static String plain(Node n) {
        if (n.isURI()) return n.getURI();
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        if (n.isBlank()) return "_:" + n.getBlankNodeLabel();
        return n.toString();
    }

    private static String resource(String name) {
        try (InputStream in = GoldScorer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new PharmakgException(name + " is not on the class path; rebuild pharmakg (mvn package)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PharmakgException("cannot read " + name + " from the class path: " + e.getMessage(), e);
        }
    }
}
