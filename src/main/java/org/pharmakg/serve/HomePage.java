package org.pharmakg.serve;

import java.util.Iterator;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.pharmakg.mapping.Vocab;

/**
 * The small HTML page at {@code /}: what the store holds and how to query it.
 *
 * <pre>String html = HomePage.render("http://127.0.0.1:3030", dsg);</pre>
 */
final class HomePage {
    private HomePage() {}

    static String render(String base, DatasetGraph dsg) {
        long[] counts = Txn.calculateRead(dsg, () -> {
            long docs = 0, entities = 0, evidence = 0;
            Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, Vocab.TYPE, Vocab.PRESS_RELEASE);
            while (it.hasNext()) { it.next(); docs++; }
            it = dsg.find(Vocab.ENTITIES_GRAPH, Node.ANY, Vocab.LABEL, Node.ANY);
            while (it.hasNext()) { it.next(); entities++; }
            it = dsg.find(Node.ANY, Node.ANY, Vocab.TYPE, Vocab.EVIDENCE);
            while (it.hasNext()) { it.next(); evidence++; }
            return new long[] {docs, entities, evidence};
        });
        String q = base + "/kg/sparql";
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>pharmakg</title>
            <link rel="stylesheet" href="/explore/home.css"></head><body>
            <h1>pharmakg</h1>
            <p>A knowledge graph of biotech and pharma press releases: companies, partners, compounds,
            targets, indications, trials and phases, every fact with the sentence it came from.</p>
            <table><tr><td>press releases</td><td><b>%d</b></td></tr>
            <tr><td>entities</td><td><b>%d</b></td></tr><tr><td>facts with evidence</td><td><b>%d</b></td></tr></table>
            <h2>Endpoints</h2>
            <ul><li>SPARQL query: <a href="%s"><code>%s</code></a> (also <code>/kg/query</code>)</li>
            <li>Graph Store (read): <a href="%s/kg/get"><code>%s/kg/get</code></a></li>
            <li>Explorer: <a href="%s/explore/">%s/explore/</a></li></ul>
            <h2>Try</h2>
            <pre>curl -s %s --data-urlencode 'query=PREFIX kg: &lt;https://w3id.org/pharmakg/ontology#&gt;
            PREFIX rdfs: &lt;http://www.w3.org/2000/01/rdf-schema#&gt;
            SELECT ?a ?b WHERE { ?x kg:partnerOf ?y . ?x rdfs:label ?a . ?y rdfs:label ?b }' -H 'Accept: text/csv'</pre>
            </body></html>
            """.formatted(counts[0], counts[1], counts[2], q, q, base, base, base, base, q);
    }
}
