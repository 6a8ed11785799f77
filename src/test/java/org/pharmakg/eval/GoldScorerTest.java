package org.pharmakg.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.PharmakgException;

/**
 * Scoring against score.py: two small gold files and predicted rows, made to hit merging by shared
 * aliases, optional entities and facts, duplicates, undirected partnerOf, nodes of two types and
 * facts on unmatched nodes. Every expected output below is what
 * {@code score.py --gold G --entities-csv E --facts-csv F} (with {@code -v}, {@code --json}) printed
 * for the same files.
 */
class GoldScorerTest {
    private static final String GOLD_A = """
            {
              "doc": "a",
              "entities": [
                {"id": "immunogen", "type": "Company", "label": "ImmunoGen", "aliases": ["ImmunoGen, Inc."]},
                {"id": "roche", "type": "Company", "label": "Roche", "aliases": ["the Roche Group"]},
                {"id": "genentech", "type": "Company", "label": "Genentech", "aliases": []},
                {"id": "the-yates-network", "type": "Company", "label": "The Yates Network", "aliases": [], "optional": true},
                {"id": "trastuzumab-emtansine", "type": "Compound", "label": "trastuzumab emtansine", "aliases": ["T-DM1"]},
                {"id": "trastuzumab", "type": "Compound", "label": "trastuzumab", "aliases": [], "optional": true},
                {"id": "her2", "type": "Target", "label": "HER2", "aliases": []},
                {"id": "breast-cancer", "type": "Indication", "label": "HER2-positive metastatic breast cancer", "aliases": ["breast cancer"]},
                {"id": "solid-tumors", "type": "Indication", "label": "solid tumors", "aliases": [], "optional": true},
                {"id": "emilia", "type": "ClinicalTrial", "label": "EMILIA", "aliases": []},
                {"id": "phase-iii", "type": "TrialPhase", "label": "Phase III", "aliases": []}
              ],
              "facts": [
                {"s": "roche", "p": "develops", "o": "trastuzumab-emtansine"},
                {"s": "genentech", "p": "subsidiaryOf", "o": "roche"},
                {"s": "immunogen", "p": "partnerOf", "o": "roche"},
                {"s": "trastuzumab-emtansine", "p": "targets", "o": "her2"},
                {"s": "trastuzumab-emtansine", "p": "indication", "o": "breast-cancer"},
                {"s": "trastuzumab-emtansine", "p": "indication", "o": "solid-tumors", "optional": true},
                {"s": "trastuzumab-emtansine", "p": "phase", "o": "phase-iii"},
                {"s": "emilia", "p": "evaluates", "o": "trastuzumab-emtansine"},
                {"s": "emilia", "p": "indication", "o": "breast-cancer"},
                {"s": "the-yates-network", "p": "partnerOf", "o": "immunogen"},
                {"s": "immunogen", "p": "develops", "o": "imgn901"}
              ]
            }
            """;

    private static final String GOLD_B = """
            {
              "doc": "b",
              "entities": [
                {"id": "immunogen-inc", "type": "Company", "label": "ImmunoGen Inc", "aliases": []},
                {"id": "roche-holding", "type": "Company", "label": "Roche Holding", "aliases": ["Roche"]},
                {"id": "sanofi", "type": "Company", "label": "sanofi-aventis", "aliases": ["Sanofi"]},
                {"id": "z\\u00fcrich-pharma", "type": "Company", "label": "Z\\u00fcrich Pharma", "aliases": []},
                {"id": "imgn901", "type": "Compound", "label": "lorvotuzumab mertansine", "aliases": ["IMGN901"]},
                {"id": "cd56", "type": "Target", "label": "CD56", "aliases": []},
                {"id": "sclc", "type": "Indication", "label": "small-cell lung cancer", "aliases": ["SCLC"]},
                {"id": "multiple-myeloma", "type": "Indication", "label": "relapsed multiple myeloma", "aliases": []},
                {"id": "phase-i", "type": "TrialPhase", "label": "Phase I", "aliases": []},
                {"id": "phase-ii", "type": "TrialPhase", "label": "Phase II", "aliases": []}
              ],
              "facts": [
                {"s": "immunogen-inc", "p": "develops", "o": "imgn901"},
                {"s": "imgn901", "p": "targets", "o": "cd56"},
                {"s": "imgn901", "p": "indication", "o": "sclc"},
                {"s": "imgn901", "p": "indication", "o": "multiple-myeloma"},
                {"s": "imgn901", "p": "phase", "o": "phase-ii"},
                {"s": "imgn901", "p": "phase", "o": "phase-i", "optional": true},
                {"s": "sanofi", "p": "partnerOf", "o": "immunogen-inc"},
                {"s": "roche-holding", "p": "partnerOf", "o": "immunogen-inc"},
                {"s": "z\\u00fcrich-pharma", "p": "develops", "o": "imgn901"},
                {"s": "nobody", "p": "develops", "o": "imgn901"}
              ]
            }
            """;

    private static final String ENTITIES_CSV = """
            entity,type,label
            ex:immunogen,Company,ImmunoGen
            ex:immunogen,Company,ImmunoGen Inc.
            ex:immunogen2,Company,Immunogen Incorporated
            ex:roche,Company,Roche
            ex:sanofi,Company,Sanofi
            ex:nasdaq,Company,Nasdaq
            ex:soc,Company,Société Générale
            ex:yates,Company,Yates Network
            ex:tdm1,Compound,T-DM1
            ex:tdm1,Compound,Kadcyla®
            ex:tras,Compound,trastuzumab
            ex:imgn901,Compound,IMGN901
            ex:tap,Compound,TAP compounds
            ex:her2,Target,HER2
            ex:cd56,Company,CD56
            ex:cd56,Target,CD56
            ex:bc,Indication,early breast cancer
            ex:bc2,Indication,metastatic breast cancer
            ex:sclc,Indication,SCLC
            ex:odd,Indication,
            ex:p3,TrialPhase,Phase 3
            ex:p2,TrialPhase,Phase IIb
            ex:emilia,ClinicalTrial,EMILIA
            """;

    private static final String FACTS_CSV = """
            s,p,o
            ex:roche,develops,ex:tdm1
            ex:tdm1,targets,ex:her2
            ex:tdm1,indication,ex:bc
            ex:tdm1,indication,ex:bc2
            ex:tdm1,phase,ex:p3
            ex:roche,partnerOf,ex:immunogen
            ex:immunogen,partnerOf,ex:sanofi
            ex:imgn901,phase,ex:p2
            ex:imgn901,targets,ex:cd56
            ex:imgn901,indication,ex:sclc
            ex:sanofi,develops,ex:tdm1
            ex:tras,targets,ex:her2
            ex:nasdaq,partnerOf,ex:immunogen
            ex:immunogen,partnerOf,ex:nasdaq
            ex:immunogen,develops,ex:tap
            ex:emilia,evaluates,ex:tdm1
            ex:emilia,sponsor,ex:roche
            ex:tdm1,indication,ex:missing
            ex:imgn901,phase,ex:p3
            """;

    /** score.py -v */
    private static final String PY_TEXT_VERBOSE = """
                                P      R     F1  gold
            Company          0.67   0.60   0.63     5   predicted 8, duplicates 1
            Compound         0.67   1.00   0.80     2   predicted 4, duplicates 0
            Target           1.00   1.00   1.00     2   predicted 2, duplicates 0
            Indication       0.75   0.67   0.71     3   predicted 4, duplicates 1
            ClinicalTrial    1.00   1.00   1.00     1   predicted 1, duplicates 0
            partnerOf        0.50   0.67   0.57     3   tp 2, fp 2, fn 1
            subsidiaryOf     0.00   0.00   0.00     1   tp 0, fp 0, fn 1
            develops         0.33   0.33   0.33     3   tp 1, fp 2, fn 2
            targets          1.00   1.00   1.00     2   tp 2, fp 0, fn 0
            indication       0.67   0.50   0.57     4   tp 2, fp 1, fn 2
            phase            0.67   1.00   0.80     2   tp 2, fp 1, fn 0
            evaluates        1.00   1.00   1.00     1   tp 1, fp 0, fn 0

            fp_entities (4):
              Company: Nasdaq
              Company: Société Générale
              Compound: TAP compounds
              Indication:\s

            fn_entities (3):
              Company: Genentech
              Company: Zürich Pharma
              Indication: relapsed multiple myeloma

            fp_facts (6):
              ImmunoGen partnerOf Nasdaq  (unmatched entity)
              Nasdaq partnerOf ImmunoGen  (unmatched entity)
              sanofi-aventis develops trastuzumab emtansine
              ImmunoGen develops TAP compounds  (unmatched entity)
              Kadcyla® indication ex:missing  (unmatched entity)
              lorvotuzumab mertansine phase Phase III

            fn_facts (6):
              ImmunoGen partnerOf The Yates Network
              Genentech subsidiaryOf Roche
              ImmunoGen develops lorvotuzumab mertansine
              Zürich Pharma develops lorvotuzumab mertansine
              EMILIA indication HER2-positive metastatic breast cancer
              lorvotuzumab mertansine indication relapsed multiple myeloma

            entities: P 0.750 R 0.769 F1 0.759 duplicates 2
            facts: P 0.625 R 0.625 F1 0.625
            """;

    /** score.py (no -v) */
    private static final String PY_TEXT = """
                                P      R     F1  gold
            Company          0.67   0.60   0.63     5   predicted 8, duplicates 1
            Compound         0.67   1.00   0.80     2   predicted 4, duplicates 0
            Target           1.00   1.00   1.00     2   predicted 2, duplicates 0
            Indication       0.75   0.67   0.71     3   predicted 4, duplicates 1
            ClinicalTrial    1.00   1.00   1.00     1   predicted 1, duplicates 0
            partnerOf        0.50   0.67   0.57     3   tp 2, fp 2, fn 1
            subsidiaryOf     0.00   0.00   0.00     1   tp 0, fp 0, fn 1
            develops         0.33   0.33   0.33     3   tp 1, fp 2, fn 2
            targets          1.00   1.00   1.00     2   tp 2, fp 0, fn 0
            indication       0.67   0.50   0.57     4   tp 2, fp 1, fn 2
            phase            0.67   1.00   0.80     2   tp 2, fp 1, fn 0
            evaluates        1.00   1.00   1.00     1   tp 1, fp 0, fn 0

            entities: P 0.750 R 0.769 F1 0.759 duplicates 2
            facts: P 0.625 R 0.625 F1 0.625
            """;

    /** score.py --json */
    private static final String PY_JSON = """
            {
              "entities": {
                "Company": {
                  "precision": 0.6666666666666666,
                  "recall": 0.6,
                  "f1": 0.631578947368421,
                  "gold": 5,
                  "predicted": 8,
                  "duplicates": 1
                },
                "Compound": {
                  "precision": 0.6666666666666666,
                  "recall": 1.0,
                  "f1": 0.8,
                  "gold": 2,
                  "predicted": 4,
                  "duplicates": 0
                },
                "Target": {
                  "precision": 1.0,
                  "recall": 1.0,
                  "f1": 1.0,
                  "gold": 2,
                  "predicted": 2,
                  "duplicates": 0
                },
                "Indication": {
                  "precision": 0.75,
                  "recall": 0.6666666666666666,
                  "f1": 0.7058823529411765,
                  "gold": 3,
                  "predicted": 4,
                  "duplicates": 1
                },
                "ClinicalTrial": {
                  "precision": 1.0,
                  "recall": 1.0,
                  "f1": 1.0,
                  "gold": 1,
                  "predicted": 1,
                  "duplicates": 0
                }
              },
              "facts": {
                "partnerOf": {
                  "precision": 0.5,
                  "recall": 0.6666666666666666,
                  "f1": 0.5714285714285715,
                  "gold": 3,
                  "tp": 2,
                  "fp": 2,
                  "fn": 1
                },
                "subsidiaryOf": {
                  "precision": 0.0,
                  "recall": 0.0,
                  "f1": 0.0,
                  "gold": 1,
                  "tp": 0,
                  "fp": 0,
                  "fn": 1
                },
                "develops": {
                  "precision": 0.3333333333333333,
                  "recall": 0.3333333333333333,
                  "f1": 0.3333333333333333,
                  "gold": 3,
                  "tp": 1,
                  "fp": 2,
                  "fn": 2
                },
                "targets": {
                  "precision": 1.0,
                  "recall": 1.0,
                  "f1": 1.0,
                  "gold": 2,
                  "tp": 2,
                  "fp": 0,
                  "fn": 0
                },
                "indication": {
                  "precision": 0.6666666666666666,
                  "recall": 0.5,
                  "f1": 0.5714285714285715,
                  "gold": 4,
                  "tp": 2,
                  "fp": 1,
                  "fn": 2
                },
                "phase": {
                  "precision": 0.6666666666666666,
                  "recall": 1.0,
                  "f1": 0.8,
                  "gold": 2,
                  "tp": 2,
                  "fp": 1,
                  "fn": 0
                },
                "evaluates": {
                  "precision": 1.0,
                  "recall": 1.0,
                  "f1": 1.0,
                  "gold": 1,
                  "tp": 1,
                  "fp": 0,
                  "fn": 0
                }
              },
              "errors": {
                "fp_entities": 4,
                "fn_entities": 3,
                "fp_facts": 6,
                "fn_facts": 6
              },
              "facts_micro": {
                "precision": 0.625,
                "recall": 0.625,
                "f1": 0.625,
                "tp": 10,
                "fp": 6,
                "fn": 6
              },
              "entities_micro": {
                "precision": 0.75,
                "recall": 0.7692307692307693,
                "f1": 0.7594936708860761,
                "duplicates": 2
              }
            }
            """;

    @TempDir Path dir;
    private GoldScorer.Gold gold;

    @BeforeEach
    void writeGold() throws IOException {
        Path g = Files.createDirectories(dir.resolve("gold"));
        Files.writeString(g.resolve("a.json"), GOLD_A);
        Files.writeString(g.resolve("b.json"), GOLD_B);
        Files.writeString(g.resolve("notes.txt"), "not gold: skipped, as score.py skips it");
        gold = GoldScorer.loadGold(List.of(g));
    }

    @Test
    void mergesEntitiesThatShareANameAcrossFiles() {
        // ImmunoGen / ImmunoGen Inc and Roche / Roche Holding are one entity each; the first file names them
        assertEquals(19, gold.entities().size());
        assertEquals("ImmunoGen", gold.entities().get("Company:immunogen").label());
        assertTrue(gold.entities().get("Company:the-yates-network").optional());
        assertEquals(Boolean.TRUE, gold.facts().get(new GoldScorer.Gold.Fact("Compound:imgn901", "phase", "TrialPhase:phase-i")));
        assertTrue(gold.facts().containsKey(new GoldScorer.Gold.Fact("Company:immunogen", "partnerOf", "Company:roche")));
    }

    @Test
    void numbersAgreeWithScorePy() {
        GoldScorer.Report r = GoldScorer.score(gold, rows(ENTITIES_CSV), rows(FACTS_CSV));
        GoldScorer.Report.EntityScore company = r.entities().get("Company");
        assertEquals(0.6666666666666666, company.precision());
        assertEquals(0.6, company.recall());
        assertEquals(0.631578947368421, company.f1());
        assertEquals(1, company.duplicates());
        GoldScorer.Report.FactScore partner = r.facts().get("partnerOf");
        assertEquals(List.of(2, 2, 1), List.of(partner.tp(), partner.fp(), partner.fn()));
        assertEquals(0.5714285714285715, partner.f1());
        assertEquals(0.7594936708860761, r.entitiesMicro().f1());
        assertEquals(0.625, r.factsMicro().f1());
        assertEquals(List.of(10, 6, 6), List.of(r.factsMicro().tp(), r.factsMicro().fp(), r.factsMicro().fn()));
    }

    @Test
    void printsWhatScorePyPrints() {
        GoldScorer.Report r = GoldScorer.score(gold, rows(ENTITIES_CSV), rows(FACTS_CSV));
        assertEquals(PY_TEXT_VERBOSE, r.toText(true));
        assertEquals(PY_TEXT, r.toText(false));
        assertEquals(PY_JSON, r.toJson(false));
        assertTrue(r.toJson(true).contains("\"Company: Soci\\u00e9t\\u00e9 G\\u00e9n\\u00e9rale\","), r.toJson(true));
    }

    @Test
    void scoresADatasetThroughTheScoringQueries() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node graph = NodeFactory.createURI("urn:doc:test");
        String kg = "https://w3id.org/pharmakg/ontology#";
        Txn.executeWrite(dsg, () -> {
            for (Map<String, String> e : rows(ENTITIES_CSV)) {
                Node s = NodeFactory.createURI(e.get("entity"));
                dsg.add(new Quad(graph, s, RDF.type.asNode(), NodeFactory.createURI(kg + e.get("type"))));
                dsg.add(new Quad(graph, s, RDFS.label.asNode(), NodeFactory.createLiteralString(e.get("label"))));
            }
            for (Map<String, String> f : rows(FACTS_CSV)) {
                dsg.add(new Quad(graph, NodeFactory.createURI(f.get("s")), NodeFactory.createURI(kg + f.get("p")),
                        NodeFactory.createURI(f.get("o"))));
            }
        });
        GoldScorer.Report fromStore = GoldScorer.score(gold, dsg);
        GoldScorer.Report fromRows = GoldScorer.score(gold, rows(ENTITIES_CSV), rows(FACTS_CSV));
        // false entities are listed in the order the query returns the nodes, as score.py lists them
        assertEquals(fromRows.entities(), fromStore.entities());
        assertEquals(fromRows.facts(), fromStore.facts());
        assertEquals(fromRows.entitiesMicro(), fromStore.entitiesMicro());
        assertEquals(fromRows.factsMicro(), fromStore.factsMicro());
        assertEquals(Set.copyOf(fromRows.misses().fpEntities()), Set.copyOf(fromStore.misses().fpEntities()));
        assertEquals(fromRows.misses().fpFacts(), fromStore.misses().fpFacts());
        assertEquals(fromRows.misses().fnFacts(), fromStore.misses().fnFacts());
        assertEquals(PY_TEXT, fromStore.toText(false));
    }

    @Test
    void badJsonNamesTheFileAndTheProblem() throws IOException {
        Path bad = Files.writeString(dir.resolve("broken.json"), "{\"doc\": \"x\", \"entities\": [}");
        PharmakgException e = assertThrows(PharmakgException.class, () -> GoldScorer.loadGold(List.of(bad)));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid JSON at line 1"), e.getMessage());
    }

    @Test
    void goldWithoutAFieldNamesTheEntity() throws IOException {
        Path bad = Files.writeString(dir.resolve("nolabel.json"),
                "{\"doc\": \"x\", \"entities\": [{\"id\": \"a\", \"type\": \"Company\"}], \"facts\": []}");
        PharmakgException e = assertThrows(PharmakgException.class, () -> GoldScorer.loadGold(List.of(bad)));
        assertTrue(e.getMessage().contains("nolabel.json") && e.getMessage().contains("entity 1 has no \"label\""), e.getMessage());
    }

    @Test
    void missingGoldFileSaysSo() {
        Path none = dir.resolve("none.json");
        PharmakgException e = assertThrows(PharmakgException.class, () -> GoldScorer.loadGold(List.of(none)));
        assertTrue(e.getMessage().contains("none.json: no such file"), e.getMessage());
    }

    /** CSV as score.py reads it (no quoted fields here), one map per row. */
    private static List<Map<String, String>> rows(String csv) {
        List<String> lines = csv.lines().toList();
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) row.put(header[i], v[i]);
            rows.add(row);
        }
        return rows;
    }
}
