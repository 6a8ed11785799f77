package org.pharmakg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which disease phrases are indications, classes of diseases, and what disease a qualified name is. */
class IndicationsTest {
    @ParameterizedTest
    @ValueSource(strings = {"autoimmune diseases", "serious infectious diseases", "devastating disease", "blood disorders",
            "four severe diseases", "genetic deficiency", "rare neuromuscular disorders", "lung disease"})
    void classesOfDiseasesAreNoIndication(String phrase) {
        assertTrue(Indications.isCategory(phrase), phrase);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pompe disease", "MAC lung disease", "Alzheimer's disease", "interstitial lung disease",
            "sickle cell disease", "myasthenia gravis", "type 2 diabetes"})
    void namedDiseasesAreNoClass(String phrase) {
        assertFalse(Indications.isCategory(phrase), phrase);
    }

    @ParameterizedTest
    @CsvSource({"type 2 diabetes mellitus,type 2 diabetes", "type 1 diabetes mellitus,type 1 diabetes",
            "moderate-to-severe atopic dermatitis,atopic dermatitis", "infantile-onset Pompe disease,Pompe disease",
            "metastatic androgen-independent prostate cancer,prostate cancer", "MAC lung disease,MAC lung disease",
            "severe plaque psoriasis,plaque psoriasis"})
    void qualifiersAreStrippedNotNumberedTypes(String mention, String core) {
        assertEquals(core, Indications.core(mention));
    }
}
