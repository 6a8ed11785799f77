package org.pharmakg.cli;

import java.io.InputStream;
import java.util.concurrent.Callable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.system.Txn;
import org.pharmakg.store.KgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pharmakg validate}: SHACL validation of the store. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validates the store against ontology/shapes.ttl (SHACL) and prints a readable report; exit code 1 when it does not conform.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin StoreOption store;

    @Override
    public Integer call() throws Exception {
        Shapes shapes;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("ontology/shapes.ttl")) {
            if (in == null) throw new Main.EnvironmentException("ontology/shapes.ttl is not on the class path; rebuild with mvn package");
            shapes = Shapes.parse(RDFParser.source(in).lang(Lang.TURTLE).toGraph());
        }
        try (KgStore s = KgStore.open(store.store)) {
            s.ensureOntology();
            ValidationReport report = Txn.calculateRead(s.dataset(), () -> ShaclValidator.get().validate(shapes, s.dataset().getUnionGraph()));
            print(report);
            return report.conforms() ? Main.OK : Main.FAILED;
        }
    }

    static void print(ValidationReport report) {
        if (report.conforms()) {
            System.out.println("conforms: the store satisfies every shape of ontology/shapes.ttl");
            return;
        }
        System.out.println("does not conform: " + report.getEntries().size() + " violation(s)");
        int n = 0;
        for (var e : report.getEntries()) {
            if (++n > 200) {
                System.out.println("  … and " + (report.getEntries().size() - 200) + " more");
                break;
            }
            System.out.printf("  %s%n    %s%s%n", e.focusNode(), e.message(),
                    e.resultPath() == null ? "" : " (path " + e.resultPath() + ")");
        }
    }
}
