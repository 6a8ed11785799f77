package org.pharmakg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Money.find finds each amount of extract/money-cases.tsv exactly and MoneyRoles gives it its deal term. */
class MoneyTest {
    static final Path CASES = Path.of("src/test/resources/extract/money-cases.tsv");
    private static MoneyRoles roles;

    record Case(int line, String sentence, String text, BigDecimal value, String currency, boolean upTo, boolean perUnit, MoneyRole role) {
        @Override public String toString() { return "line " + line + ": " + text + " " + role + " in \"" + sentence + "\""; }
    }

    @BeforeAll
    static void load() { roles = MoneyRoles.load(); }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(CASES);
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            if (header) { header = false; continue; }
            String[] f = line.split("\t");
            if (f.length != 7) throw new IllegalStateException(CASES + " line " + (i + 1) + ": expected 7 columns, got " + f.length);
            out.add(new Case(i + 1, f[0], f[1], new BigDecimal(f[2]), f[3], Boolean.parseBoolean(f[4]), Boolean.parseBoolean(f[5]),
                    MoneyRole.valueOf(f[6])));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void amountAndRole(Case c) {
        List<Amount> found = Money.find(c.sentence());
        for (Amount a : found) assertEquals(a.text(), c.sentence().substring(a.begin(), a.end()), "offsets of " + a);
        Amount a = found.stream().filter(x -> x.text().equals(c.text())).findFirst().orElse(null);
        assertNotNull(a, c + "\n  found: " + found);
        assertEquals(0, c.value().compareTo(a.value()), c + ": value " + a.value());
        assertEquals(c.currency(), a.currency(), c + ": currency");
        assertEquals(c.upTo(), a.upTo(), c + ": upTo");
        assertEquals(c.perUnit(), a.perUnit(), c + ": perUnit");
        assertEquals(c.role(), roles.role(c.sentence(), a), c + ": role");
    }

    @Test
    void theTableIsLargeAndCoversEveryRoleAndCurrency() throws IOException {
        List<Case> all = cases().toList();
        assertTrue(all.size() >= 50, "only " + all.size() + " cases");
        assertTrue(all.stream().filter(c -> c.role() == MoneyRole.NOT_A_TERM).count() >= 12, "too few amounts that are not deal terms");
        for (MoneyRole r : MoneyRole.values()) assertTrue(all.stream().anyMatch(c -> c.role() == r), "no case for " + r);
        for (String cur : List.of("USD", "EUR", "GBP", "JPY", "CHF", "CNY", "DKK", "SEK", "CAD", "AUD", "KRW", "INR")) {
            assertTrue(all.stream().anyMatch(c -> c.currency().equals(cur)), "no case for " + cur);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The study will complete in 2025 and read out in 2026.",
        "Response rates improved by 45% versus 12.5% in the control arm.",
        "The company sold 5 million shares of common stock in the offering.",
        "Enrollment in the Phase 2 trial has begun at 40 sites.",
        "The trial enrolled 1,200 patients across 3 countries.",
        "On March 3, 2024, the company announced topline data from Phase 1b.",
        "Patients weighing more than 200 pounds received a 10 mg dose.",
        "The drug reduced LDL-C by 60 percent at week 12 in 2,500 people.",
    })
    void noAmountIn(String text) {
        assertEquals(List.of(), Money.find(text));
    }

    @Test
    void amountsComeInTextOrderWithExactOffsets() {
        String s = "Quince gets €5.5m now, up to $300 million later and 30 million pounds in 2027.";
        List<Amount> found = Money.find(s);
        assertEquals(List.of("€5.5m", "$300 million", "30 million pounds"), found.stream().map(Amount::text).toList());
        assertEquals(List.of(false, true, false), found.stream().map(Amount::upTo).toList());
        for (Amount a : found) assertEquals(a.text(), s.substring(a.begin(), a.end()));
    }

    @Test
    void aChangeIsTwoAmountsNotARange() {
        List<Amount> found = Money.find("Revenue grew from $5 million to $8 million.");
        assertEquals(List.of("$5 million", "$8 million"), found.stream().map(Amount::text).toList());
        assertEquals(List.of(false, false), found.stream().map(Amount::upTo).toList());
    }

    @Test
    void aBareAmountIsNotATerm() {
        String s = "Kestrel Bio has agreed to pay $30 million.";
        assertEquals(MoneyRole.NOT_A_TERM, roles.role(s, Money.find(s).get(0)));
    }

    @org.junit.jupiter.api.Test
    void aConversionInBracketsIsNotASecondAmount() {
        String s = "Velora will receive up to £48 million (~$61 million) from Castine and $5 million (EUR 4.6 million) later.";
        java.util.List<Amount> as = Money.find(s);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("£48 million", "$5 million"), as.stream().map(Amount::text).toList());
    }
}
