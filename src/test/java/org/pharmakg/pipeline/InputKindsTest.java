package org.pharmakg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.TestSupport;
import org.pharmakg.extract.DocumentExtraction;
import org.pharmakg.extract.Fact;
import org.pharmakg.extract.LocalEntity;
import org.pharmakg.ingest.PressReleaseReader;
import org.pharmakg.ingest.ReleaseFixtures;
import org.pharmakg.store.KgStore;

/** The same seed release as text, saved page, PDF and EDGAR filing gives the same entities and facts. */
class InputKindsTest {
    private static final String SEED = "000_9041f48a740ce000.txt";

    @Test
    void everyKindOfInputGivesTheSameEntitiesAndFacts(@TempDir Path dir) throws Exception {
        ReleaseFixtures.Seed seed = ReleaseFixtures.seed(SEED);
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("text", Files.writeString(dir.resolve("release.txt"), seed.text()));
        files.put("page", Files.writeString(dir.resolve("release.html"), ReleaseFixtures.page(seed, 1), StandardCharsets.UTF_8));
        files.put("pdf", Files.write(dir.resolve("release.pdf"), ReleaseFixtures.pdf(seed)));
        files.put("edgar", Files.writeString(dir.resolve("0001193125-12-300001.txt"),
                ReleaseFixtures.edgar(seed, "IMMUNOGEN INC", "855654")));
        PressReleaseReader reader = new PressReleaseReader();
        Set<String> expected = null;
        for (Map.Entry<String, Path> e : files.entrySet()) {
            DocumentExtraction x = TestSupport.extractor().extract(TestSupport.nlp().annotate(reader.read(e.getValue())));
            Set<String> got = summary(x);
            if (expected == null) {
                expected = got;
                assertTrue(got.stream().anyMatch(s -> s.startsWith("fact")), "the seed has facts: " + got);
            } else {
                assertEquals(expected, got, e.getKey() + " differs from the text");
            }
        }
        // and the seed file itself, as the project ships it
        assertEquals(expected, summary(TestSupport.extractor().extract(TestSupport.nlp().annotate(
                reader.read(TestSupport.data().resolve(SEED))))), "data/" + SEED);
    }

    @Test
    void edgarFilerAndCikSitOnTheIssuer(@TempDir Path dir) throws Exception {
        ReleaseFixtures.Seed seed = ReleaseFixtures.seed(SEED);
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("0001193125-12-300001.txt"), ReleaseFixtures.edgar(seed, "IMMUNOGEN INC", "855654"));
        try (KgStore store = KgStore.open(dir.resolve("store"))) {
            BuildReport r = TestSupport.build(store, List.of(docs));
            assertEquals(1, r.built(), r.summary());
            List<String> rows = Txn.calculateRead(store.dataset(), () -> {
                List<String> out = new java.util.ArrayList<>();
                QueryExec.dataset(store.dataset()).query(QueryFactory.create(
                        "PREFIX kg: <https://w3id.org/pharmakg/ontology#> SELECT ?c ?cik ?name WHERE { GRAPH ?g { ?d kg:issuer ?c . "
                                + "?c kg:cik ?cik ; kg:secFilerName ?name } }")).select().forEachRemaining(b ->
                        out.add(b.get("c").getURI() + " " + b.get("cik").getLiteralLexicalForm() + " " + b.get("name").getLiteralLexicalForm()));
                return out;
            });
            assertEquals(1, rows.size(), rows.toString());
            assertTrue(rows.get(0).endsWith(" 0000855654 IMMUNOGEN INC"), rows.toString());
            assertTrue(rows.get(0).toLowerCase().contains("immunogen"), rows.toString());
        }
    }

    static Set<String> summary(DocumentExtraction x) {
        Set<String> out = new TreeSet<>();
        List<LocalEntity> es = x.entities();
        for (LocalEntity e : es) out.add("entity " + e.type() + " " + e.label());
        for (Fact f : x.facts()) {
            String o = f.object() >= 0 && f.object() < es.size() ? es.get(f.object()).label() : String.valueOf(f.phase());
            out.add("fact " + es.get(f.subject()).label() + " " + f.relation() + " " + o);
        }
        if (x.issuer() >= 0) out.add("issuer " + es.get(x.issuer()).label());
        assertFalse(out.isEmpty());
        return out;
    }
}
