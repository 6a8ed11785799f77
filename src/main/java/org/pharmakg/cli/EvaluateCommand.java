package org.pharmakg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pharmakg.eval.GoldScorer;
import org.pharmakg.store.KgStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pharmakg evaluate --gold DIR}: precision, recall and F1 against gold annotations. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Scores the store against gold JSON files (format of gold/GUIDELINES.md): precision, recall and F1 per entity type and relation.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin StoreOption store;

    @Option(names = "--gold", required = true, arity = "1..*", paramLabel = "DIR-or-FILE", description = "Gold JSON files or folders of them.")
    List<Path> gold;

    @Option(names = {"-l", "--list"}, description = "List every miss and false hit.")
    boolean list;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (KgStore s = KgStore.open(store.store)) {
            GoldScorer.Report r = GoldScorer.score(GoldScorer.loadGold(gold), s.dataset());
            System.out.print(json ? r.toJson(list) : r.toText(list));
        }
        return Main.OK;
    }
}
