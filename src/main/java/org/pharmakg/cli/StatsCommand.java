package org.pharmakg.cli;

import java.util.concurrent.Callable;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.pharmakg.store.KgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pharmakg stats}: what the store holds. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Counts per class and per relation, documents, disk size and the last build.")
final class StatsCommand implements Callable<Integer> {
    @Mixin StoreOption store;

    private static final String PREFIX = "PREFIX kg: <https://w3id.org/pharmakg/ontology#>\n";

    @Override
    public Integer call() {
        try (KgStore s = KgStore.open(store.store)) {
            Txn.executeRead(s.dataset(), () -> {
                System.out.println("store        " + s.dir().toAbsolutePath() + " (" + (s.diskBytes() >> 20) + " MB on disk)");
                System.out.println("last build   " + (s.meta("lastBuild") == null ? "never" : s.meta("lastBuild")));
                System.out.println("documents    " + count("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:PressRelease }", s));
                System.out.println("\nentities");
                for (String c : new String[] {"Company", "Compound", "Target", "Indication", "ClinicalTrial"}) {
                    System.out.printf("  %-14s %6s%n", c, count("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH <https://w3id.org/pharmakg/graph/entities> { ?e a kg:" + c + " } }", s));
                }
                System.out.println("\nfacts");
                for (String p : new String[] {"partnerOf", "subsidiaryOf", "develops", "targets", "indication", "phase", "evaluates", "plannedPhase"}) {
                    System.out.printf("  %-14s %6s%n", p, count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?o WHERE { ?s kg:" + p + " ?o } }", s));
                }
                System.out.printf("  %-14s %6s%n", "evidence", count("SELECT (COUNT(?e) AS ?n) WHERE { ?e a kg:Evidence }", s));
            });
        }
        return Main.OK;
    }

    private static String count(String q, KgStore s) {
        try (QueryExec qe = QueryExec.dataset(s.dataset()).query(QueryFactory.create(PREFIX + q)).build()) {
            var rows = qe.select();
            return rows.hasNext() ? rows.next().get("n").getLiteralLexicalForm() : "0";
        }
    }
}
