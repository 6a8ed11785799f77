package org.pharmakg.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.pharmakg.extract.DocumentExtraction;
import org.pharmakg.extract.EntityType;
import org.pharmakg.extract.LocalEntity;
import org.pharmakg.ingest.PressRelease;

/** Target and indication identifiers on the node in the release's graph, as literals and skos:exactMatch IRIs. */
class IdentifierMappingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void targetAndIndicationIdentifiersAreWrittenAndValid() {
        Map<String, String> her2 = new LinkedHashMap<>();
        her2.put("hgnc", "HGNC:3430");
        her2.put("hgncSymbol", "ERBB2");
        her2.put("uniprot", "P04626");
        LocalEntity target = new LocalEntity(0, EntityType.TARGET, "HER2", List.of("HER2"), List.of(), her2);
        LocalEntity disease = new LocalEntity(1, EntityType.INDICATION, "Alzheimer's disease", List.of("Alzheimer's disease"),
                List.of(), Map.of("mesh", "D000544"));
        // malformed identifiers are not written
        LocalEntity bad = new LocalEntity(2, EntityType.TARGET, "X1", List.of("X1"), List.of(),
                Map.of("hgnc", "3430", "uniprot", "not an accession", "hgncSymbol", "<b>"));
        String text = "HER2 and Alzheimer's disease.";
        PressRelease r = new PressRelease("doc1", Path.of("doc1.txt"), LocalDate.of(2025, 1, 1), "Headline", null, null,
                "sha256:" + "0".repeat(64), text, List.of());
        List<Quad> quads = new RdfMapper(CLOCK).map(new DocumentExtraction(r, List.of(target, disease, bad), List.of(), -1, 5));

        Node t = Vocab.entity(EntityType.TARGET, "HER2"), d = Vocab.entity(EntityType.INDICATION, "Alzheimer's disease");
        Node g = Vocab.docGraph("doc1");
        assertTrue(quads.contains(new Quad(g, t, Vocab.HGNC_ID, RdfMapper.str("HGNC:3430"))));
        assertTrue(quads.contains(new Quad(g, t, Vocab.HGNC, RdfMapper.str("ERBB2"))));
        assertTrue(quads.contains(new Quad(g, t, Vocab.UNIPROT_ID, RdfMapper.str("P04626"))));
        assertTrue(quads.contains(new Quad(g, t, Vocab.EXACT_MATCH, Vocab.iri("https://identifiers.org/hgnc:3430"))));
        assertTrue(quads.contains(new Quad(g, t, Vocab.EXACT_MATCH, Vocab.iri("http://purl.uniprot.org/uniprot/P04626"))));
        assertTrue(quads.contains(new Quad(g, d, Vocab.MESH_ID, RdfMapper.str("D000544"))));
        assertTrue(quads.contains(new Quad(g, d, Vocab.EXACT_MATCH, Vocab.iri("http://id.nlm.nih.gov/mesh/D000544"))));
        Node x = Vocab.entity(EntityType.TARGET, "X1");
        assertFalse(quads.stream().anyMatch(q -> q.getSubject().equals(x) && (q.getPredicate().equals(Vocab.HGNC_ID)
                || q.getPredicate().equals(Vocab.UNIPROT_ID) || q.getPredicate().equals(Vocab.HGNC)
                || q.getPredicate().equals(Vocab.EXACT_MATCH))), "malformed identifiers written");

        // the shapes accept them: no violation and no warning on the identifier properties
        Graph data = GraphFactory.createDefaultGraph();
        quads.forEach(q -> data.add(q.asTriple()));
        data.add(t, Vocab.LABEL, RdfMapper.str("HER2"));
        data.add(d, Vocab.LABEL, RdfMapper.str("Alzheimer's disease"));
        data.add(x, Vocab.LABEL, RdfMapper.str("X1"));
        Shapes shapes = Shapes.parse(RDFParser.source("ontology/shapes.ttl").toGraph());
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        List<String> problems = report.getEntries().stream()
                .filter(e -> e.focusNode().equals(t) || e.focusNode().equals(d)).map(Object::toString).toList();
        assertEquals(List.of(), problems);
    }
}
