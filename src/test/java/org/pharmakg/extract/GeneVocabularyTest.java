package org.pharmakg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pharmakg.TestSupport;

/**
 * The human gene vocabulary compiled from org.clulab:bioresources, and its two uses: identifiers on
 * targets, and targets the lexicons do not know, in target contexts only. (LRRK2, TYK2, myostatin and
 * CGRP are in no project lexicon.)
 */
class GeneVocabularyTest {
    private static GeneVocabulary v;

    @BeforeAll
    static void load() {
        long t0 = System.nanoTime();
        v = GeneVocabulary.load();
        System.out.printf("gene vocabulary: %d genes, %d names, loaded in %d ms%n", v.size(), v.names(), (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void namesResolveToOneHumanGene() {
        assertEquals(new GeneVocabulary.Gene("HGNC:3430", "ERBB2", "P04626"), v.resolve("HER2"));
        assertEquals(v.resolve("HER2"), v.resolve("ERBB2"));
        assertEquals("FCGRT", v.resolve("FcRn").symbol());
        assertEquals("P55899", v.resolve("neonatal Fc receptor").uniprot());
        assertEquals("HGNC:6407", v.resolve("KRAS").hgncId());
        assertEquals("TYK2", v.resolve("Tyk2").symbol()); // a mixed-case symbol with a digit
        assertEquals(v.resolve("HER2"), v.byHgncId("HGNC:3430"));
        assertTrue(v.size() > 15_000, "protein-coding genes: " + v.size());
    }

    @Test
    void englishWordsAndSharedNamesResolveToNothing() {
        assertEquals("ACE", v.resolve("ACE").symbol());
        assertNull(v.resolve("ace"));      // the word, not the gene
        assertNull(v.resolve("Set"));
        assertNull(v.resolve("met"));
        assertNull(v.resolve("cat"));
        assertTrue(v.isAmbiguous("CGRP")); // CALCA and CALCB
        assertNull(v.resolve("CGRP"));
        assertNull(v.resolve("no such protein"));
    }

    @Test
    void aLexiconTargetGetsItsGenesIdentifiers() {
        LocalEntity her2 = target(TestSupport.extract("The antibody-drug conjugate ZX-1021 targets HER2 in solid tumors."), "HER2");
        assertEquals("HGNC:3430", her2.ids().get("hgnc"));
        assertEquals("ERBB2", her2.ids().get("hgncSymbol"));
        assertEquals("P04626", her2.ids().get("uniprot"));
    }

    @Test
    void aNameInNoLexiconIsATargetInATargetContext() {
        DocumentExtraction x = TestSupport.extract("ZX-7 is an inhibitor of LRRK2 for Parkinson's disease. ZX-9 is a selective TYK2 inhibitor.");
        assertEquals("P29597", target(x, "TYK2").ids().get("uniprot"));
        LocalEntity lrrk2 = target(x, "LRRK2");
        assertEquals("HGNC:18618", lrrk2.ids().get("hgnc"));
        assertEquals("LRRK2", lrrk2.ids().get("hgncSymbol"));
        DocumentExtraction y = TestSupport.extract("The company's antibody ZX-11 binds to myostatin and is given monthly.");
        assertEquals("MSTN", target(y, "myostatin").ids().get("hgncSymbol"));
    }

    @Test
    void aVocabularyNameOutsideATargetContextIsNotATarget() {
        DocumentExtraction x = TestSupport.extract("The ACE study will set the dose at 10,000 IU, and a CAT scan and the SET assessment follow.");
        assertTrue(x.entities().stream().noneMatch(e -> e.type() == EntityType.TARGET), "no targets: " + x.entities());
        // the same symbol in a target context is a target
        DocumentExtraction y = TestSupport.extract("ZX-5 is an oral ACE inhibitor for hypertension.");
        assertEquals("HGNC:2707", target(y, "ACE").ids().get("hgnc"));
        assertTrue(GeneMentions.RULE.startsWith("vocabulary/"));
    }

    @Test
    void anAmbiguousNameGetsNoIdentifiers() {
        LocalEntity e = new LocalEntity(0, EntityType.TARGET, "CGRP", List.of("CGRP"), List.of(), Map.of());
        assertNull(new TargetIds(TestSupport.lexicon(), () -> v).gene(e));
        LocalEntity f = new LocalEntity(0, EntityType.TARGET, "FcRn", List.of("FcRn", "neonatal Fc receptor"), List.of(), Map.of());
        assertEquals("HGNC:3621", new TargetIds(TestSupport.lexicon(), () -> v).gene(f).hgncId());
    }

    private static LocalEntity target(DocumentExtraction x, String name) {
        return x.entities().stream().filter(e -> e.type() == EntityType.TARGET && e.names().contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no target " + name + " in " + x.entities()));
    }

    @Test
    void aFamilyRowOfTheLexiconGetsNoGene() {
        Lexicon.Entry parp = TestSupport.lexicon().lookup(EntityType.TARGET, "PARP");
        if (parp == null) return;
        LocalEntity e = new LocalEntity(0, EntityType.TARGET, "PARP", List.of("PARP"), List.of(), parp.ids());
        GeneVocabulary.Gene g = new TargetIds(TestSupport.lexicon(), () -> v).gene(e);
        assertFalse(g != null && g.symbol().equals("PARP1"), "PARP is a family, not PARP1");
    }
}
