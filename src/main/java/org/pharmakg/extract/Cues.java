package org.pharmakg.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.pharmakg.PharmakgException;

/**
 * Named cue-word lists of the relation rules, read from {@code ontology/rules/relations/cues.tsv}.
 *
 * <pre>Cues cues = Cues.load(); cues.is("plan", "expected") // true</pre>
 */
public final class Cues {
    public static final String RESOURCE = "ontology/rules/relations/cues.tsv";
    private final Map<String, Pattern> cues;

    private Cues(Map<String, Pattern> cues) { this.cues = Map.copyOf(cues); }

    public static Cues load() {
        Map<String, Pattern> m = new HashMap<>();
        try (InputStream in = Cues.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new PharmakgException("cue file " + RESOURCE + " is not on the class path; rebuild with mvn package");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                if (header) { header = false; continue; }
                String[] f = line.split("\t", 2);
                if (f.length < 2) throw new PharmakgException(RESOURCE + ": expected 'name<TAB>regex', got: " + line);
                m.put(f[0].strip(), Pattern.compile("(?i)(?:" + f[1].strip() + ")"));
            }
        } catch (IOException e) {
            throw new PharmakgException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return new Cues(m);
    }

    /** True when the whole word is a cue of the named list. */
    public boolean is(String list, String word) {
        Pattern p = cues.get(list);
        if (p == null) throw new IllegalArgumentException("no cue list '" + list + "' in " + RESOURCE);
        return p.matcher(word).matches();
    }
}
