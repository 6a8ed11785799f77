package org.pharmakg.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pharmakg.RobustnessSupport;

/** serve --update warns when it binds beyond loopback (the password crosses the network in clear text), and only then. */
class ServeUpdateWarningTest {
    private static final String WARNING = "warning: --update with --host";

    @Test
    void updatesBeyondLoopbackAreWarnedAbout(@TempDir Path tmp) throws Exception {
        assertTrue(output(tmp.resolve("a"), "0.0.0.0").stream().anyMatch(l -> l.contains(WARNING + " 0.0.0.0")));
        assertFalse(output(tmp.resolve("b"), "127.0.0.1").stream().anyMatch(l -> l.contains(WARNING)));
    }

    /** Everything serve printed up to "Press Ctrl-C to stop." */
    private static List<String> output(Path store, String host) throws Exception {
        ProcessBuilder pb = RobustnessSupport.childCli("serve", "--store", store.toString(), "--host", host, "--port", "0", "--update");
        pb.environment().put("PHARMAKG_PASSWORD", "a-long-enough-password");
        Process child = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long end = System.currentTimeMillis() + 90_000;
            for (String l; System.currentTimeMillis() < end && (l = r.readLine()) != null; ) {
                lines.add(l);
                if (l.contains("Press Ctrl-C")) return lines;
            }
            throw new AssertionError("serve did not start:\n" + String.join("\n", lines));
        } finally {
            child.destroy();
            child.waitFor();
        }
    }
}
