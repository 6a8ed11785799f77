package org.pharmakg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.store.KgStore;

/** The command line driven as a user would: exit codes, stdout and stderr. */
class CliTest {
    @TempDir static Path tmp;
    static Path store;

    record Run(int code, String out, String err) {}

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @BeforeAll
    static void build() {
        store = tmp.resolve("store");
        Run r = run("build", "--store", store.toString(), "data");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s)5 documents \\(5 built, 0 unchanged, 0 failed\\), \\d+ entities, \\d+ facts in .*"), r.out());
    }

    @Test
    void queryPrintsRowsOnStdoutOnly() {
        Run r = run("query", "partners", "--store", store.toString(), "--param", "company=ImmunoGen", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("companyName,"), r.out());
        assertTrue(r.out().contains("Genentech") && r.out().contains("Biotest"), r.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("query", "partners", "--store", store.toString(), "--param", "nosuch=1").code());
        assertEquals(2, run("query", "no-such-query", "--store", store.toString()).code());
        assertEquals(2, run("build", "--no-such-option").code());
        assertEquals(2, run("query", "partners", "--store", store.toString(), "--format", "xml").code());
        Run none = run();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("build") && none.err().contains("serve"), none.err());
    }

    @Test
    void helpIsClearForEveryCommand() {
        for (String c : new String[] {"build", "serve", "up", "query", "export", "validate", "stats", "evaluate"}) {
            Run r = run(c, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().contains("Usage: pharmakg " + c), r.out());
        }
    }

    @Test
    void validateReportsConformance() {
        Run r = run("validate", "--store", store.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("conforms"), r.out());
    }

    @Test
    void statsCountsClassesAndRelations() {
        Run r = run("stats", "--store", store.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*documents\\s+5.*Compound\\s+[1-9].*develops\\s+[1-9].*"), r.out());
    }

    @Test
    void turtleExportRoundTripsToAnIsomorphicGraph() throws Exception {
        Path ttl = tmp.resolve("graph.ttl");
        Run r = run("export", "--store", store.toString(), "--format", "ttl", "-o", ttl.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(ttl);
        assertTrue(text.contains("@prefix kg:") || text.contains("PREFIX kg:"), "prefixes are kept");
        Graph back = RDFParser.source(ttl).toGraph();
        try (KgStore s = KgStore.open(store)) {
            Graph union = Txn.calculateRead(s.dataset(), () -> {
                Graph g = GraphFactory.createDefaultGraph();
                s.dataset().getUnionGraph().find().forEach(g::add);
                return g;
            });
            assertTrue(union.size() > 500);
            assertTrue(back.isIsomorphicWith(union), "the exported Turtle does not parse back to the same graph");
        }
    }

    @Test
    void quadExportsKeepOneGraphPerRelease() {
        Run r = run("export", "--store", store.toString(), "--format", "nq");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("<https://w3id.org/pharmakg/graph/doc/004_db42ac11690627de> ."), "no per-release graph in N-Quads");
        Run j = run("export", "--store", store.toString(), "--format", "jsonld");
        assertEquals(0, j.code(), j.err());
        assertTrue(j.out().contains("\"@context\"") || j.out().contains("@graph"), j.out().substring(0, Math.min(200, j.out().length())));
    }

    @Test
    void evaluateScoresAgainstGold() {
        Run r = run("evaluate", "--store", store.toString(), "--gold", "src/test/resources/gold");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("partnerOf") && r.out().contains("entities: P "), r.out());
    }

    // issue 16, item 9: a write that fails is an error, never "wrote" and exit 0

    @Test
    void anExportThatCannotBeWrittenFailsInEveryFormat() {
        for (String f : new String[] {"ttl", "trig", "nq", "jsonld", "graphml", "cytoscape"}) {
            Run r = run("export", "--store", store.toString(), "--format", f, "-o", "/dev/full");
            assertEquals(1, r.code(), f + ": " + r.err());
            assertTrue(r.err().startsWith("pharmakg: cannot write /dev/full: no space left on device"), f + ": " + r.err());
            assertFalse(r.err().contains("wrote"), f + ": " + r.err());
        }
    }

    @Test
    void exportAndQueryToAFullStandardOutputFail() throws Exception {
        for (String[] args : new String[][] {
                {"export", "--store", store.toString(), "--format", "nq"},
                {"export", "--store", store.toString()},
                {"query", "partners", "--store", store.toString(), "--param", "company=ImmunoGen"},
                {"stats", "--store", store.toString()}}) {
            ProcessBuilder pb = org.pharmakg.RobustnessSupport.childCli(args).redirectErrorStream(false)
                    .redirectOutput(new java.io.File("/dev/full"));
            Process p = pb.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, p.exitValue(), String.join(" ", args) + ": " + err);
            assertTrue(err.contains("pharmakg: cannot write standard output: "), String.join(" ", args) + ": " + err);
        }
    }

    // issue 16, low: export path errors say what is wrong with the path

    @Test
    void exportPathErrorsNameThePathAndTheReason() throws Exception {
        Path missing = tmp.resolve("no-such-folder/graph.ttl");
        Run r = run("export", "--store", store.toString(), "-o", missing.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("pharmakg: cannot write " + missing + ": no such file or directory"), r.err());
        assertFalse(r.err().contains("unexpected"), r.err());

        Path dir = Files.createDirectories(tmp.resolve("a-folder"));
        r = run("export", "--store", store.toString(), "--format", "nq", "-o", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("pharmakg: cannot write " + dir + ": is a directory"), r.err());

        Path locked = Files.createDirectories(tmp.resolve("read-only"));
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            r = run("export", "--store", store.toString(), "-o", locked.resolve("graph.ttl").toString());
            if (Files.isWritable(locked)) {
                assertEquals(0, r.code(), r.err());   // root writes anyway
            } else {
                assertEquals(1, r.code(), r.err());
                assertTrue(r.err().startsWith("pharmakg: cannot write " + locked.resolve("graph.ttl") + ": permission denied"), r.err());
            }
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    // issue 16, item 11: an export into the store's own folder would leave the store unopenable

    @Test
    void anExportIntoTheStoreFolderIsRefusedAndTheStoreStillOpens() throws Exception {
        List<String> before = org.pharmakg.RobustnessSupport.stableQuads(store);
        Path data = null;
        try (var l = Files.list(store)) {
            data = l.filter(p -> p.getFileName().toString().startsWith("Data-")).findFirst().orElseThrow();
        }
        for (Path target : List.of(store, store.resolve("graph.ttl"), data.resolve("nodes.dat"), data.resolve("GSPO.dat"),
                tmp.resolve("elsewhere/../store/x.nq"))) {
            Run r = run("export", "--store", store.toString(), "--format", "nq", "-o", target.toString());
            assertEquals(2, r.code(), target + ": " + r.err());
            assertTrue(r.err().contains("inside the store folder"), r.err());
        }
        Path link = tmp.resolve("store-link");
        Files.createSymbolicLink(link, store.toAbsolutePath());
        Run r = run("export", "--store", store.toString(), "--format", "nq", "-o", link.resolve("graph.nq").toString());
        assertEquals(2, r.code(), r.err());
        assertFalse(Files.exists(store.resolve("graph.ttl")));
        assertEquals(before, org.pharmakg.RobustnessSupport.stableQuads(store));
        assertEquals(0, run("validate", "--store", store.toString()).code());
    }

    // issue 16, low: --param values that cannot be what they say are usage errors

    @Test
    void malformedIriParametersAreUsageErrors() {
        for (String bad : new String[] {"<http://x y>", "<http://x>y>", "<http://x", "<>", "<relative/path>",
                "<http://x\u0001y>", "<http://x\u202Ey>", "<http://x\"y>", " <http://a b> "}) {
            Run r = run("query", "partners", "--store", store.toString(), "--param", "company=" + bad);
            assertEquals(2, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("--param company"), bad + ": " + r.err());
        }
        Run ok = run("query", "partners", "--store", store.toString(), "--param",
                "company=<https://w3id.org/pharmakg/id/company/immunogen>", "--format", "csv");
        assertEquals(0, ok.code(), ok.err());
    }

    @Test
    void aRepeatedParameterIsAUsageError() {
        Run r = run("query", "partners", "--store", store.toString(), "--param", "company=ImmunoGen", "--param", "company=Bayer");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--param company is given twice"), r.err());
    }
}
