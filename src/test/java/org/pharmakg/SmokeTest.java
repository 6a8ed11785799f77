package org.pharmakg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.pharmakg.serve.KgServer;

/**
 * The dependency pins hold (TECH-NOTES.md): Fuseki starts (jakarta.servlet), JSON-LD 1.1 writes
 * (jakarta.json) and CoreNLP annotates, all in one JVM; a bump that breaks one fails here.
 */
class SmokeTest {
    @Test
    void fusekiJsonLdAndCoreNlpLiveTogether() throws Exception {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        dsg.add(NodeFactory.createURI("urn:g"), NodeFactory.createURI("urn:s"), NodeFactory.createURI("urn:p"), NodeFactory.createLiteralString("o"));
        KgServer server = KgServer.builder(dsg).port(0).build().start();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/kg/sparql?query=ASK%7BGRAPH%20%3Fg%7B%3Fs%20%3Fp%20%3Fo%7D%7D")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("true"), r.body());
        } finally {
            server.stop();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, dsg, RDFFormat.JSONLD11);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("urn:s"));
        var doc = TestSupport.extract("Biotest's BT-062 is directed against CD138.");
        assertFalse(doc.entities().isEmpty(), "CoreNLP and the extractor found nothing");
    }
}
