package org.pharmakg.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.pharmakg.PharmakgException;
import org.pharmakg.serve.Network;

/**
 * Writes a {@link Network} for other graph tools: GraphML (Gephi, yEd) with {@code label} and
 * {@code type} node attributes and a {@code relation} edge attribute, or Cytoscape JSON
 * ({@code {elements:{nodes:[{data:{id,label,type}}],edges:[{data:{id,source,target,relation}}]}}}).
 *
 * <pre>
 * Network n = GraphViews.view(dsg, "partner");
 * NetworkWriter.graphml(n, out);      // or NetworkWriter.cytoscape(n, out)
 * </pre>
 */
public final class NetworkWriter {
    private static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";

    private NetworkWriter() {}

    /** The network as GraphML; extra node attributes (compounds, phase) become typed keys too. */
    public static void graphml(Network n, OutputStream out) {
        Map<String, String> nodeKeys = new LinkedHashMap<>();
        nodeKeys.put("label", "string");
        nodeKeys.put("type", "string");
        for (Network.Node node : n.nodes()) {
            node.attributes().forEach((k, v) -> nodeKeys.putIfAbsent(k, v instanceof Number ? "int" : "string"));
        }
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("graphml");
            x.writeDefaultNamespace(GRAPHML_NS);
            x.writeCharacters("\n");
            for (var k : nodeKeys.entrySet()) key(x, "node", k.getKey(), k.getValue());
            key(x, "edge", "relation", "string");
            x.writeCharacters("  ");
            x.writeStartElement("graph");
            x.writeAttribute("id", "pharmakg");
            x.writeAttribute("edgedefault", "directed");
            x.writeCharacters("\n");
            for (Network.Node node : n.nodes()) {
                x.writeCharacters("    ");
                x.writeStartElement("node");
                x.writeAttribute("id", node.id());
                data(x, "label", node.label());
                data(x, "type", node.type());
                for (var a : node.attributes().entrySet()) data(x, a.getKey(), String.valueOf(a.getValue()));
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            int i = 0;
            for (Network.Edge e : n.edges()) {
                x.writeCharacters("    ");
                x.writeStartElement("edge");
                x.writeAttribute("id", "e" + i++);
                x.writeAttribute("source", e.source());
                x.writeAttribute("target", e.target());
                data(x, "relation", e.relation());
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeCharacters("  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new PharmakgException("cannot write GraphML: " + e.getMessage(), e);
        }
    }

    /** The network as Cytoscape JSON (readable by Cytoscape desktop and Cytoscape.js). */
    public static void cytoscape(Network n, OutputStream out) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .writeValue(out, n.toCytoscape());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new PharmakgException("cannot write Cytoscape JSON: " + e.getMessage(), e);
        }
    }

    private static void key(XMLStreamWriter x, String forWhat, String name, String type) throws XMLStreamException {
        x.writeCharacters("  ");
        x.writeEmptyElement("key");
        x.writeAttribute("id", forWhat + "-" + name);
        x.writeAttribute("for", forWhat);
        x.writeAttribute("attr.name", name);
        x.writeAttribute("attr.type", type);
        x.writeCharacters("\n");
    }

    private static void data(XMLStreamWriter x, String key, String value) throws XMLStreamException {
        if (value == null) return;
        x.writeStartElement("data");
        x.writeAttribute("key", (key.equals("relation") ? "edge-" : "node-") + key);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
