package org.pharmakg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.cli.Main;

/** The README's commands work as written (the launcher's arguments go to the same Main), and CI runs its test command. */
public class ReadmeTest {
    public static List<String> readmeCommands() throws Exception {
        List<String> out = new ArrayList<>();
        boolean inBlock = false;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("```")) { inBlock = !inBlock; continue; }
            if (inBlock && line.startsWith("bin/pharmakg ")) out.add(line.replaceFirst("\\s+#.*$", "").strip());
        }
        return out;
    }

    /** Deal examples need deals, which the seeds do not have: DealsCliTest runs them on the deal fixture. */
    public static boolean aboutDeals(String command) {
        return command.matches(".*\\b(deals|deal-history|largest-deals|deals-csv)\\b.*");
    }

    @Test
    void ciRunsTheReadmeTestCommand() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("\nscripts/test               # all tests"), "README lost its test command");
        List<String> ci = Files.readAllLines(Path.of(".ci/run"));
        assertTrue(ci.stream().anyMatch(l -> l.strip().equals("exec scripts/test")), ".ci/run must run exactly the README's test command");
        // the test command sets up what the tests need, then runs the whole suite
        String test = Files.readString(Path.of("scripts/test"));
        assertTrue(Files.isExecutable(Path.of("scripts/test")), "scripts/test is not executable");
        assertTrue(test.contains("scripts/test-packages.txt") && test.contains("apt-get install"), test);
        List<String> packages = Files.readAllLines(Path.of("scripts/test-packages.txt")).stream()
                .map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
        assertTrue(packages.containsAll(List.of("chromium", "chromium-driver")), "scripts/test-packages.txt: " + packages);
        assertTrue(test.lines().anyMatch(l -> l.strip().equals("exec mvn -B verify \"$@\"")), "scripts/test must run mvn -B verify");
        assertTrue(readme.contains("bin/pharmakg up "), "README lost the command that builds and serves");
    }

    @Test
    void everyExampleCommandRuns(@TempDir Path tmp) throws Exception {
        List<String> cmds = readmeCommands();
        assertTrue(cmds.size() >= 5, "README has too few examples: " + cmds);
        Path store = tmp.resolve("store");
        for (String c : cmds) {
            List<String> args = new ArrayList<>(Arrays.asList(c.substring("bin/pharmakg ".length()).split("\\s+")));
            String command = args.get(0);
            if (command.equals("up") || command.equals("serve")) continue; // long-running; ServerTest covers serving
            if (aboutDeals(c)) continue;                                    // DealsCliTest, on the deal fixture
            // a Spark job or another store: SparkBuildTest runs spark-build, VirtuosoPushTest push and query --endpoint
            if (command.equals("spark-build") || command.equals("push") || args.contains("--endpoint")) continue;
            args.add(1, "--store");
            args.add(2, store.toString());
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("-o")) args.set(i + 1, tmp.resolve(args.get(i + 1)).toString());
            }
            PrintStream oldOut = System.out;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = Main.run(args.toArray(String[]::new));
            } finally {
                System.setOut(oldOut);
            }
            assertEquals(0, code, "README command failed: " + c);
            if (command.equals("query")) {
                assertFalse(out.toString(StandardCharsets.UTF_8).lines().count() < 2, "README query returned no rows: " + c + "\n" + out);
            }
        }
    }
}
