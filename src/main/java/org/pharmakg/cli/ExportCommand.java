package org.pharmakg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.pharmakg.store.KgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pharmakg export}: the whole graph in a standard RDF format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the whole graph: ttl is the merged graph (grouped by subject, with prefixes); trig and nq keep one graph per document; jsonld is JSON-LD; deals-csv is the deals table (the columns of the deals query) as CSV.")
final class ExportCommand implements Callable<Integer> {
    @Mixin StoreOption store;

    @Option(names = "--format", defaultValue = "ttl", description = "ttl, trig, nq, jsonld, graphml, cytoscape or deals-csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--view", defaultValue = "all", description = "For graphml and cytoscape: partner, compound or all (default: ${DEFAULT-VALUE}).")
    String view;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: stdout).")
    Path output;

    static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefix("kg", "https://w3id.org/pharmakg/ontology#")
            .setNsPrefix("company", "https://w3id.org/pharmakg/id/company/")
            .setNsPrefix("compound", "https://w3id.org/pharmakg/id/compound/")
            .setNsPrefix("target", "https://w3id.org/pharmakg/id/target/")
            .setNsPrefix("indication", "https://w3id.org/pharmakg/id/indication/")
            .setNsPrefix("trial", "https://w3id.org/pharmakg/id/trial/")
            .setNsPrefix("phase", "https://w3id.org/pharmakg/id/phase/")
            .setNsPrefix("doc", "https://w3id.org/pharmakg/id/document/")
            .setNsPrefix("ev", "https://w3id.org/pharmakg/id/evidence/")
            .setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
            .setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
            .setNsPrefix("owl", "http://www.w3.org/2002/07/owl#")
            .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
            .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#")
            .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
            .setNsPrefix("oa", "http://www.w3.org/ns/oa#")
            .setNsPrefix("dcterms", "http://purl.org/dc/terms/")
            .setNsPrefix("schema", "http://schema.org/");

    @Override
    public Integer call() throws IOException {
        if (format.equals("graphml") || format.equals("cytoscape")) return exportNetwork();
        if (format.equals("deals-csv")) return exportDeals();
        RDFFormat fmt = switch (format) {
            case "ttl", "turtle" -> RDFFormat.TURTLE_PRETTY;
            case "trig" -> RDFFormat.TRIG_PRETTY;
            case "nq", "nquads" -> RDFFormat.NQUADS;
            case "jsonld", "json-ld" -> RDFFormat.JSONLD11;
            default -> throw new Main.UsageException("unknown --format " + format + "; use ttl, trig, nq, jsonld, graphml, cytoscape or deals-csv");
        };
        refuseStoreFolder();
        try (KgStore s = KgStore.open(store.store)) {
            CheckedOutput.write(output, out -> Txn.executeRead(s.dataset(), () -> {
                if (fmt == RDFFormat.TURTLE_PRETTY) {
                    // grouped by subject, type and labels first (Jena's writer orders properties its own way)
                    org.pharmakg.export.ReadableTurtle.write(s.dataset().getUnionGraph(), PREFIXES, out);
                } else if (fmt == RDFFormat.JSONLD11) {
                    var g = GraphFactory.createDefaultGraph();
                    s.dataset().getUnionGraph().find().forEach(g::add);
                    g.getPrefixMapping().setNsPrefixes(PREFIXES);
                    RDFDataMgr.write(out, g, fmt);
                } else {
                    var copy = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
                    s.dataset().find().forEachRemaining(copy::add);
                    copy.prefixes().putAll(PREFIXES);
                    RDFDataMgr.write(out, copy, fmt);
                }
            }));
        }
        if (output != null) System.err.println("pharmakg: wrote " + output);
        return Main.OK;
    }

    /** The deals table as CSV, one row per deal. */
    private Integer exportDeals() throws IOException {
        refuseStoreFolder();
        try (KgStore s = KgStore.open(store.store)) {
            CheckedOutput.write(output, out -> org.pharmakg.export.DealsCsv.write(s.dataset(), out));
        }
        if (output != null) System.err.println("pharmakg: wrote " + output);
        return Main.OK;
    }

    /** A network view (partner, compound, all) as GraphML or Cytoscape JSON. */
    private Integer exportNetwork() throws IOException {
        if (!java.util.List.of("partner", "compound", "all").contains(view)) {
            throw new Main.UsageException("unknown --view " + view + "; use partner, compound or all");
        }
        refuseStoreFolder();
        try (KgStore s = KgStore.open(store.store)) {
            org.pharmakg.serve.Network n = org.pharmakg.serve.GraphViews.view(s.dataset(), view);
            CheckedOutput.write(output, out -> {
                if (format.equals("graphml")) org.pharmakg.export.NetworkWriter.graphml(n, out);
                else org.pharmakg.export.NetworkWriter.cytoscape(n, out);
            });
        }
        if (output != null) System.err.println("pharmakg: wrote " + output);
        return Main.OK;
    }

    /**
     * An export written into the store's folder (or below it) would sit among TDB2's files and leave the
     * store unopenable: a usage error, before anything is opened.
     */
    private void refuseStoreFolder() {
        if (output == null) return;
        Path dir = resolved(store.store), file = resolved(output);
        if (file.startsWith(dir)) {
            throw new Main.UsageException("-o " + output + " is inside the store folder " + store.store
                    + "; writing there would damage the store; write the export outside it");
        }
    }

    /** The absolute path with every existing part resolved through symbolic links (the rest appended as given). */
    static Path resolved(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
