package org.pharmakg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.cli.Main;
import org.pharmakg.serve.NamedQueries;

/**
 * {@code pharmakg bench} at tiny sizes: every line of the table is there with sane numbers. Speed is what the
 * benchmark measures; no timing is asserted here.
 */
class BenchCommandTest {
    @TempDir Path tmp;

    @Test
    void printsEveryLineOfTheTable() throws Exception {
        Path dev = Files.createDirectories(tmp.resolve("dev"));   // no extra releases: the score check builds the seeds
        Path work = tmp.resolve("work");
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("bench", "--releases", "30", "--query-triples", "20000", "--query-seconds", "1", "--clients", "2",
                    "--baseline-sample", "3", "--dev", dev.toString(), "--gold", "src/test/resources/gold", "--work", work.toString());
        } finally {
            System.setOut(oldOut);
        }
        String table = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, table);
        for (String line : List.of("build releases/s", "build tokens/s", "model load s", "peak heap MB (build)",
                "store write triples/s (build)", "bulk loader triples/s (reference)", "store write / bulk loader",
                "unchanged re-build s", "CoreNLP default releases/s", "CoreNLP default tokens/s", "ours / CoreNLP default",
                "entity F1 fast / plain", "fact F1 fast / plain", "scores did not drop", "query store triples")) {
            assertTrue(table.contains(line), line + " missing from\n" + table);
        }
        for (String q : NamedQueries.NAMES) {
            Matcher m = Pattern.compile("query " + q + " p50/p99 ms\\s+([\\d.]+) / ([\\d.]+) \\((\\d+) requests, (\\d+) errors").matcher(table);
            assertTrue(m.find(), q + " missing from\n" + table);
            assertTrue(Integer.parseInt(m.group(3)) > 0 && "0".equals(m.group(4)), table);
            assertTrue(Double.parseDouble(m.group(1)) <= Double.parseDouble(m.group(2)), table);
        }
        assertTrue(table.matches("(?s).*build releases/s\\s+\\d+\\.\\d \\(30 built.*"), table);
        assertTrue(table.matches("(?s).*unchanged re-build s\\s+[\\d.]+ \\(30 unchanged, 0 built\\).*"), table);
        assertTrue(table.matches("(?s).*scores did not drop\\s+yes.*"), table);
        assertTrue(table.matches("(?s).*build failures\\s+0 .*"), table);
        assertFalse(table.contains("NaN") || table.contains("Infinity"), table);
        assertTrue(Files.isDirectory(work.resolve("store")), "--work is kept");
    }
}
