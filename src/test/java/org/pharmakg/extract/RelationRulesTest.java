package org.pharmakg.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pharmakg.TestSupport;
import org.pharmakg.nlp.TokenRules;

/** Every relation rule yields its fact on its positive sentence and not on its negative one (rules/relation-cases.tsv). */
class RelationRulesTest {
    record Case(String rule, boolean match, String subject, String relation, String object, String sentence) {
        @Override public String toString() {
            return rule + (match ? ": " : ": no ") + subject + " " + relation + " " + object + " in \"" + sentence + "\"";
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/rules/relation-cases.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            out.add(new Case(f[0], f[1].equals("match"), f[2], f[3], f[4], f[5].replace("\\n", "\n")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(Case c) {
        DocumentExtraction x = TestSupport.extract(c.sentence());
        List<String> found = new ArrayList<>();
        boolean hit = false;
        for (Fact f : x.facts()) {
            LocalEntity s = x.entities().get(f.subject());
            String o = f.object() >= 0 ? String.join("|", x.entities().get(f.object()).names()) : f.phase();
            found.add(f.evidence().rule() + " " + s.label() + " " + f.relation().property() + " " + o);
            boolean sameRule = f.evidence().rule().equals("relation/" + c.rule());
            boolean sameRel = f.relation().property().equals(c.relation());
            boolean subj = names(s).contains(c.subject().toLowerCase(Locale.ROOT));
            boolean obj = f.object() >= 0 ? names(x.entities().get(f.object())).contains(c.object().toLowerCase(Locale.ROOT))
                    : c.object().equals(f.phase());
            if (sameRule && sameRel && subj && obj) hit = true;
        }
        if (c.match()) assertTrue(hit, c + "\n  facts: " + found + "\n  entities: " + labels(x));
        else assertFalse(hit, c + "\n  facts: " + found);
    }

    private static Set<String> names(LocalEntity e) {
        Set<String> out = new HashSet<>();
        for (String n : e.names()) {
            out.add(n.toLowerCase(Locale.ROOT));
            out.add(Names.companyBase(n).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static List<String> labels(DocumentExtraction x) {
        return x.entities().stream().map(e -> e.type() + ":" + e.names()).toList();
    }

    @Test
    void everyCompanyShapeAndDependencyRuleHasAPositiveAndANegativeCase() throws IOException {
        Set<String> pos = new HashSet<>(), neg = new HashSet<>();
        cases().forEach(c -> (c.match() ? pos : neg).add(c.rule()));
        for (TokenRules.Rule r : TokenRules.load(Extractor.COMPANY_RULES).rules()) {
            assertTrue(pos.contains(r.name()), r.name() + " has no sentence that must match it");
            assertTrue(neg.contains(r.name()), r.name() + " has no sentence that must not match it");
        }
        for (org.pharmakg.nlp.DependencyRules.Rule r : org.pharmakg.nlp.DependencyRules.load(Extractor.DEPENDENCY_RULES).rules()) {
            assertTrue(pos.contains(r.name()), r.name() + " (Semgrex) has no sentence that must match it");
            assertTrue(neg.contains(r.name()), r.name() + " (Semgrex) has no sentence that must not match it");
        }
    }
}
