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
    private final String resource;

    private Cues(Map<String, Pattern> cues, String resource) {
        this.cues = Map.copyOf(cues);
        this.resource = resource;
    }

    public static Cues load() { return load(RESOURCE); }

    /** The cue lists of another file of the same shape, e.g. {@code ontology/rules/relations/deal-cues.tsv}. */
    public static Cues load(String resource) {
        Map<String, Pattern> m = new HashMap<>();
        try (InputStream in = Cues.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new PharmakgException("cue file " + resource + " is not on the class path; rebuild with mvn package");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) continue;
                if (header) { header = false; continue; }
                String[] f = line.split("\t", 2);
                if (f.length < 2) throw new PharmakgException(resource + ": expected 'name<TAB>regex', got: " + line);
                m.put(f[0].strip(), Pattern.compile("(?i)(?:" + f[1].strip() + ")"));
            }
        } catch (IOException e) {
            throw new PharmakgException("cannot read " + resource + ": " + e.getMessage(), e);
        }
        return new Cues(m, resource);
    }

    /** True when the whole word is a cue of the named list. */
    public boolean is(String list, String word) {
        Pattern p = cues.get(list);
        if (p == null) throw new IllegalArgumentException("no cue list '" + list + "' in " + resource);
        return p.matcher(word).matches();
    }
}
