package org.pharmakg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pharmakg.TestSupport;

/** Each invented release of extract/deal-cases.tsv gives the deal it states, with its terms and their evidence (or none). */
class DealRulesTest {
    record Case(String name, Map<String, String> expected, String text) {
        @Override public String toString() { return name; }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/extract/deal-cases.tsv"))) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("name\t")) continue;
            String[] f = line.split("\t");
            Map<String, String> exp = new LinkedHashMap<>();
            if (!f[1].equals("none")) {
                for (String kv : f[1].split(" ")) {
                    int eq = kv.indexOf('=');
                    exp.put(kv.substring(0, eq), kv.substring(eq + 1).replace('_', ' '));
                }
            }
            out.add(new Case(f[0], exp, f[2].replace("\\n", "\n")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deal(Case c) {
        DocumentExtraction x = TestSupport.extract(c.text());
        if (c.expected().isEmpty()) {
            assertTrue(x.deals().isEmpty(), c + ": expected no deal, found " + describe(x));
            return;
        }
        assertEquals(1, x.deals().size(), c + ": expected one deal, found " + describe(x) + "\n  entities: "
                + x.entities().stream().map(e -> e.type() + ":" + e.label()).toList());
        Deal d = x.deals().get(0);
        for (var e : c.expected().entrySet()) {
            String want = e.getValue(), got = value(x, d, e.getKey());
            if (e.getKey().equals("parties") || e.getKey().equals("assets")) {
                assertEquals(set(want), set(got), c + ": " + e.getKey() + " in " + describe(x));
            } else {
                assertEquals(want.toLowerCase(Locale.ROOT), got == null ? null : got.toLowerCase(Locale.ROOT), c + ": " + e.getKey() + " in " + describe(x));
            }
        }
        // every term stated carries its evidence: a span inside its sentence, in the release text
        for (var ev : d.evidence().entrySet()) {
            Fact.Evidence v = ev.getValue();
            assertTrue(v.begin() >= v.sentenceBegin() && v.end() <= v.sentenceBegin() + v.sentenceText().length(),
                    c + ": evidence of " + ev.getKey() + " lies outside its sentence");
            assertTrue(v.rule().startsWith("deal/"), c + ": extractor of " + ev.getKey() + " is " + v.rule());
        }
        for (MoneyRole r : d.money().keySet()) {
            Amount a = d.money().get(r);
            assertTrue(d.evidence().containsKey(Deal.key(r)), c + ": no evidence for " + r);
            if (!a.text().contains(" and ") && a.end() - a.begin() == a.text().length()) {
                assertEquals(a.text(), x.release().text().substring(a.begin(), a.end()), c + ": offsets of " + r);
            }
        }
    }

    private static Set<String> set(String s) {
        Set<String> out = new HashSet<>();
        if (s != null) for (String p : s.split("\\+")) out.add(Names.companyBase(p.strip()).toLowerCase(Locale.ROOT));
        return out;
    }

    private static String value(DocumentExtraction x, Deal d, String key) {
        return switch (key) {
            case "kind" -> d.kind().name().toLowerCase(Locale.ROOT);
            case "event" -> d.event().name().toLowerCase(Locale.ROOT);
            case "parties" -> String.join("+", d.parties().stream().map(p -> x.entities().get(p).label()).toList());
            case "assets" -> String.join("+", d.assets().stream().map(p -> x.entities().get(p).label()).toList());
            case "licensor" -> d.licensor() < 0 ? null : Names.companyBase(x.entities().get(d.licensor()).label());
            case "royalties" -> Boolean.toString(d.royaltyTerms() != null);
            case "territory" -> d.territory();
            case "date" -> d.date() == null ? null : d.date().toString();
            case "upfront", "equity", "milestones", "total" -> {
                Amount a = d.money().get(MoneyRole.valueOf(key.equals("total") ? "TOTAL" : key.toUpperCase(Locale.ROOT)));
                yield a == null ? null : a.value().setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() + ":" + a.currency();
            }
            default -> throw new IllegalArgumentException("unknown term " + key);
        };
    }

    private static String describe(DocumentExtraction x) {
        List<String> out = new ArrayList<>();
        for (Deal d : x.deals()) {
            Map<String, String> m = new LinkedHashMap<>();
            for (String k : List.of("kind", "event", "parties", "assets", "licensor", "royalties", "territory", "upfront", "equity", "milestones", "total", "date")) {
                m.put(k, value(x, d, k));
            }
            out.add(m.toString());
        }
        return out.toString();
    }

}
