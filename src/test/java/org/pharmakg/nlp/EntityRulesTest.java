package org.pharmakg.nlp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pharmakg.TestSupport;
import org.pharmakg.extract.Extractor;
import org.pharmakg.ingest.PressReleaseReader;

/** Every entity rule matches its positive sentence and not its negative one (src/test/resources/rules/entity-cases.tsv). */
class EntityRulesTest {
    record Case(String rule, boolean match, String text, String sentence) {
        @Override public String toString() { return rule + (match ? " matches " : " does not match ") + "\"" + sentence + "\""; }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/rules/entity-cases.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            out.add(new Case(f[0], f[1].equals("match"), f[2], f[3]));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(Case c) throws IOException {
        Path f = Files.createTempFile("rule", ".txt");
        Files.writeString(f, c.sentence());
        AnnotatedDocument a = TestSupport.nlp().annotate(new PressReleaseReader().read(f));
        List<String> hits = new ArrayList<>();
        for (Sentence s : a.sentences()) {
            for (RuleMatch m : s.matches()) if (m.rule().equals(c.rule())) hits.add(s.span(m.tokenBegin(), m.tokenEnd()));
        }
        if (c.match()) {
            assertTrue(hits.stream().anyMatch(h -> h.contains(c.text())), c + ": expected a match containing '" + c.text() + "', got " + hits);
        } else {
            assertTrue(hits.isEmpty(), c + ": expected no match, got " + hits);
        }
    }

    @Test
    void everyRuleHasAPositiveAndANegativeCase() throws IOException {
        Set<String> pos = new HashSet<>(), neg = new HashSet<>();
        cases().forEach(c -> (c.match() ? pos : neg).add(c.rule()));
        for (String file : Extractor.ENTITY_RULES) {
            for (TokenRules.Rule r : TokenRules.load(file).rules()) {
                assertTrue(pos.contains(r.name()), r.name() + " (" + file + ") has no sentence that must match it");
                assertTrue(neg.contains(r.name()), r.name() + " (" + file + ") has no sentence that must not match it");
            }
        }
    }

    @Test
    void aBrokenRuleFileNamesTheFileAndLine() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(NlpException.class,
                () -> TokenRules.parse("x.rules", "# header\nrule a/b COMPOUND 0.9 : ( [{word:/x/ )\n"));
        assertTrue(e.getMessage().contains("x.rules:2"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
