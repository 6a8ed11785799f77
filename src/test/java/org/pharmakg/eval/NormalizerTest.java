package org.pharmakg.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The normalisation keys against the reference scorer: every expected value below was printed by
 * score.py's own key(), indication_key() and phase_key() (Python 3.11) for the same input.
 */
class NormalizerTest {
    private static final String[][] KEY = {
            {"ImmunoGen, Inc.", "immunogen"},
            {"The Roche Group", "rochegroup"},
            {"Eli Lilly and Company", "elilillyand"},
            {"Kadcyla\u00ae", "kadcyla"},
            {"Genentech\u2019s drug", "genentechdrug"},
            {"Acme\u00a0Inc.", "acme"},
            {"Bar Co., Ltd.", "bar"},
            {"Foo S.A.", "foo"},
            {"sanofi-aventis", "sanofiaventis"},
            {"non-Hodgkin's lymphoma", "nonhodgkinlymphoma"},
            {"acute myeloid leukaemia", "acutemyeloidleukemia"},
            {"solid tumours", "solidtumors"},
            {"Bayer HealthCare\u2122 Pharmaceuticals", "bayerhealthcarepharmaceuticals"},
            {"Theravance", "theravance"},
            {"the", "the"},
            {"Inc.", "inc"},
            {"T-DM1", "tdm1"},
            {"BAY 94-9343", "bay949343"},
            {"Roche Holding AG", "rocheholdingag"},
            {"Company", "company"},
    };

    private static final String[][] INDICATION = {
            {"HER2+ metastatic breast cancer", "breastcancer"},
            {"HER2-positive metastatic breast cancer", "breastcancer"},
            {"relapsed/refractory multiple myeloma", "multiplemyeloma"},
            {"patients with relapsed and refractory CD56-positive multiple myeloma", "multiplemyeloma"},
            {"early stage breast cancer", "breastcancer"},
            {"triple-negative breast cancer", "breastcancer"},
            {"extensive\u2013stage small-cell lung cancer", "smallcelllungcancer"},
            {"first-line metastatic castration-resistant prostate cancer", "prostatecancer"},
            {"platinum-resistant ovarian cancer", "ovariancancer"},
            {"adult acute lymphoblastic leukaemia", "acutelymphoblasticleukemia"},
            {"non-small cell lung cancer", "nonsmallcelllungcancer"},
            {"or and the", ""},
            {"metastatic\u00a0melanoma", "melanoma"},
            {"advanced", ""},
            {"solid tumors", "solidtumors"},
    };

    private static final String[][] PHASE = {
            {"Phase Ib", "phase-i"},
            {"Phase 2b", "phase-ii"},
            {"Phase I/IIa", "phase-i-ii"},
            {"Phase III", "phase-iii"},
            {"phase 1/2", "phase-i-ii"},
            {"Phase IIa/IIb", "phase-ii-ii"},
            {"Phase 4", "phase-iv"},
            {"IND", "ind"},
            {"BLA", "pre-registration"},
            {"approved", "approved"},
            {"Approval", "approved"},
            {"marketed", "approved"},
            {"Pre-registration", "pre-registration"},
            {"under review", "pre-registration"},
            {"preclinical", "preclinical"},
            {"Phase\u00a0II", "phase-ii"},
            {"Phase 5", "5"},
            {"Phase 1/", "phase-i"},
            {"registration trial", "registrationtrial"},
    };

    static Stream<Arguments> keys() { return cases(KEY); }

    static Stream<Arguments> indications() { return cases(INDICATION); }

    static Stream<Arguments> phases() { return cases(PHASE); }

    private static Stream<Arguments> cases(String[][] table) {
        return Arrays.stream(table).map(row -> Arguments.of(row[0], row[1]));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void keyAgreesWithScorePy(String name, String expected) {
        assertEquals(expected, Normalizer.key(name));
    }

    @ParameterizedTest
    @MethodSource("indications")
    void indicationKeyAgreesWithScorePy(String name, String expected) {
        assertEquals(expected, Normalizer.indicationKey(name));
    }

    @ParameterizedTest
    @MethodSource("phases")
    void phaseKeyAgreesWithScorePy(String name, String expected) {
        assertEquals(expected, Normalizer.phaseKey(name));
    }

    @Test
    void nameKeyPicksTheFunctionByType() {
        assertEquals("breastcancer", Normalizer.nameKey("Indication", "metastatic breast cancer"));
        assertEquals("phase-ii", Normalizer.nameKey("TrialPhase", "Phase 2a"));
        assertEquals("metastaticbreastcancer", Normalizer.nameKey("Compound", "metastatic breast cancer"));
    }

    @Test
    void stripUsesPythonWhiteSpace() {
        // U+00A0 and U+0085 are white space to Python's str.strip() but not to Java's String.strip()
        assertEquals("x y", Normalizer.strip("\u00a0\u0085 x y\u3000\u2007"));
    }

    @Test
    void ordersByCodePointLikePython() {
        // UTF-16 puts the surrogate pair of U+1F600 before U+FF21; Python's code points do not
        assertTrue(Normalizer.comparePy("\uFF21", "\uD83D\uDE00") < 0);
        assertTrue(Normalizer.comparePy("Kadcyla", "T-DM1") < 0);
        assertTrue(Normalizer.comparePy("ab", "abc") < 0);
        assertEquals(0, Normalizer.comparePy("same", "same"));
    }
}
