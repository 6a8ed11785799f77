package org.pharmakg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.pharmakg.RobustnessSupport;
import org.pharmakg.store.KgStore;

/**
 * Issue 6: named-query parameters are bound as RDF terms (a VALUES block in the syntax tree),
 * never spliced into the query text. Values written to break out of a string literal return the
 * same rows as an unknown name (none), through {@link NamedQueries} and through {@code pharmakg
 * query}, and leave the store as it was.
 */
class NamedQueryInjectionTest {
    static final List<String> ATTACKS = List.of(
            "Bayer\" } ; DROP ALL ; #",
            "x\" || true || \"",
            "ImmunoGen\") || true || (\"",
            "<https://w3id.org/pharmakg/id/company/immunogen> } UNION { ?companyIri ?p ?o }",
            "ImmunoGen' } # ");

    static List<String> rows(KgStore s, Query q) {
        return Txn.calculateRead(s.dataset(), () -> {
            List<String> out = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(s.dataset()).query(q).build()) {
                RowSet rs = qe.select();
                rs.forEachRemaining(b -> out.add(b.toString()));
            }
            return out;
        });
    }

    @Test
    void injectedValuesMatchNothingAndChangeNothing() {
        Path dir = RobustnessSupport.seedStore();
        try (KgStore s = KgStore.open(dir)) {
            List<String> before = RobustnessSupport.stableQuads(s);
            for (var query : List.of(Map.entry("partners", "company"), Map.entry("entity-search", "q"),
                    Map.entry("pipeline", "company"))) {
                NamedQueries.Named named = NamedQueries.load(query.getKey());
                // the control: a real name finds rows, an unknown one none
                assertTrue(!rows(s, named.bind(Map.of(query.getValue(), "ImmunoGen"))).isEmpty(), query.getKey() + " finds ImmunoGen");
                List<String> unknown = rows(s, named.bind(Map.of(query.getValue(), "No Such Company 42")));
                for (String attack : ATTACKS) {
                    Query q = named.bind(Map.of(query.getValue(), attack));
                    assertEquals(unknown, rows(s, q), query.getKey() + " with " + attack);
                    // the value sits in the syntax tree as one literal (or IRI) of one VALUES row
                    ElementData data = (ElementData) ((ElementGroup) q.getQueryPattern()).get(0);
                    assertEquals(1, data.getRows().size());
                    assertEquals(attack, data.getRows().get(0).get(data.getVars().get(0)).getLiteralLexicalForm());
                    // and the printed query parses back to the same query: the quotes are escaped
                    assertEquals(q, QueryFactory.create(q.serialize()));
                }
            }
            assertEquals(before, RobustnessSupport.stableQuads(s));
        }
    }

    @Test
    void theQueryCommandBindsValuesTheSameWay() {
        String store = RobustnessSupport.seedStore().toString();
        List<String> before = RobustnessSupport.stableQuads(Path.of(store));
        var known = RobustnessSupport.cli("query", "--store", store, "partners", "-p", "company=ImmunoGen", "--format", "csv");
        assertEquals(0, known.code(), known.err());
        assertTrue(known.out().lines().count() > 1, known.out());
        var unknown = RobustnessSupport.cli("query", "--store", store, "partners", "-p", "company=No Such Company 42", "--format", "csv");
        assertEquals(0, unknown.code());
        assertEquals(1, unknown.out().lines().count(), "header only: " + unknown.out());
        for (String attack : ATTACKS.subList(0, 3)) {
            var r = RobustnessSupport.cli("query", "--store", store, "partners", "-p", "company=" + attack, "--format", "csv");
            assertEquals(0, r.code(), r.err());
            assertEquals(unknown.out(), r.out(), attack);
            var search = RobustnessSupport.cli("query", "--store", store, "entity-search", "-p", "q=" + attack, "--format", "csv");
            assertEquals(0, search.code(), search.err());
            assertEquals(1, search.out().lines().count(), attack + ": " + search.out());
        }
        assertEquals(before, RobustnessSupport.stableQuads(Path.of(store)));
    }
}
