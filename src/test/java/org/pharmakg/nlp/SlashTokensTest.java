package org.pharmakg.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names joined by slashes become tokens of their own; stages, units and single letters stay whole. */
class SlashTokensTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "PD-1/VEGF;PD-1|/|VEGF", "glucagon/GLP-1;glucagon|/|GLP-1", "GLP-1/GIP/glucagon;GLP-1|/|GIP|/|glucagon",
            "Pharma/Velora;Pharma|/|Velora", "ABC-123/ABC-456;ABC-123|/|ABC-456",
            "I/II;I/II", "1/2;1/2", "Ib/II;Ib/II", "mg/kg;mg/kg", "and/or;and/or", "C/E;C/E"})
    void splits(String word, String expected) {
        Token t = new Token(word, 10, 10 + word.length(), "NN", word.toLowerCase(), "O");
        List<Token> out = CoreNlpPipeline.splitSlashPairs(List.of(t));
        assertEquals(expected, String.join("|", out.stream().map(Token::word).toList()));
        for (Token p : out) assertEquals(p.word(), word.substring(p.begin() - 10, p.end() - 10), "offsets of " + p.word());
    }

    @org.junit.jupiter.api.Test
    void aPathwayStaysWhole() {
        Token t = new Token("RAS/RAF/MEK/ERK", 0, 15, "NN", "ras/raf/mek/erk", "O");
        Token p = new Token("pathway", 16, 23, "NN", "pathway", "O");
        assertEquals(2, CoreNlpPipeline.splitSlashPairs(List.of(t, p)).size());
    }
}
