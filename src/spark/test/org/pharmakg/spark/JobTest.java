package org.pharmakg.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The executors' rename step: a release is parsed again only when one of its IRIs is renamed. */
class JobTest {
    private static final String E = "https://pharmakg.org/id/";
    private static final Map<String, String> RENAMES = Map.of(E + "company/acme-bio", E + "company/acme");

    @Test
    void findsARenamedIriAfterALiteralWithAngleBrackets() {
        String nq = "<" + E + "doc/1> <" + E + "p> \"a < b and c > d\" <" + E + "g/1> .\n"
                + "<" + E + "doc/1> <" + E + "p> <" + E + "company/acme-bio> <" + E + "g/1> .\n";
        assertTrue(Job.mentionsAny(nq, RENAMES));
        String lone = "<" + E + "doc/1> <" + E + "p> \"x <" + E + "company/acme-bio\" <" + E + "g/1> .\n";
        assertFalse(Job.mentionsAny("<" + E + "doc/1> <" + E + "p> <" + E + "company/acme-biology> <" + E + "g/1> .\n", RENAMES));
        assertFalse(Job.mentionsAny(nq, Map.of()));
        // a '<' in a literal may cost a parse, never hide a rename: the result is still right
        DocResult d = new DocResult("1", "h", nq, java.util.List.of(), 0, 0, null);
        String out = Job.rename(d, RENAMES);
        assertTrue(out.contains("<" + E + "company/acme>") && !out.contains("acme-bio>"), out);
        assertEquals(lone.strip(), Job.rename(new DocResult("1", "h", lone, java.util.List.of(), 0, 0, null), RENAMES));
    }
}
