package org.pharmakg.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.Env;
import edu.stanford.nlp.ling.tokensregex.TokenSequenceMatcher;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of TokensRegex rules, run over our {@link Token} records.
 *
 * <pre>
 * TokenRules rules = TokenRules.load("ontology/rules/compounds.rules");
 * for (TokenRules.Match m : rules.apply(sentence, tags)) ... m.rule() m.label() m.group("$e")
 * </pre>
 *
 * File format (one concern per file):
 * <pre>
 * # comment lines
 * $MACRO = pattern text                       # a named macro, usable as $MACRO in later lines
 * rule NAME LABEL CONFIDENCE : pattern        # a rule; '\' at a line end continues it
 * rule NAME LABEL CONFIDENCE when /regex/ : pattern   # tried only on sentences where the regex is found
 * </pre>
 * Patterns are TokensRegex token sequences. Each token offers {@code word}, {@code tag} (POS),
 * {@code lemma}, {@code ner} (CoreNLP's tag) and {@code type}, the per-token label the caller
 * passes in (an entity type such as COMPANY, or O): relation rules match over entity mentions with
 * it. Named groups ({@code (?$s ...)}, {@code (?$o ...)}, {@code (?$e ...)}) mark the parts.
 */
public final class TokenRules {
    private static final Pattern RULE = Pattern.compile("rule\\s+(\\S+)\\s+(\\S+)\\s+([0-9.]+)(?:\\s+when\\s+/((?:[^/\\\\]|\\\\.)+)/)?\\s*:\\s*(.+)");
    private static final Pattern MACRO = Pattern.compile("(\\$[A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.+)");

    /** The per-token label that rules test as {@code type}. */
    public static final class TypeAnnotation implements edu.stanford.nlp.ling.CoreAnnotation<String> {
        @Override public Class<String> getType() { return String.class; }
    }

    /**
     * One compiled rule. {@code when} is an optional Java regex that must be found in the sentence text
     * for the rule to be tried at all: a cheap necessary condition that spares the TokensRegex engine.
     */
    public record Rule(String name, String label, double confidence, String source, TokenSequencePattern pattern,
                       Pattern when) {}

    /** A rule's match in a sentence: token spans {@code [begin, end)} of the whole match and of each group. */
    public record Match(Rule rule, int begin, int end, Map<String, int[]> groups) {
        public String name() { return rule.name(); }
        public String label() { return rule.label(); }
        public double confidence() { return rule.confidence(); }
        /** The span of a named group, or null when the group did not take part. */
        public int[] group(String g) { return groups.get(g); }
    }

    private final String origin;
    private final List<Rule> rules;

    private TokenRules(String origin, List<Rule> rules) {
        this.origin = origin;
        this.rules = List.copyOf(rules);
    }

    public String origin() { return origin; }

    /** Several rule files as one, so a sentence's tokens are converted once for all of them. */
    public static TokenRules concat(List<TokenRules> files) {
        List<Rule> all = new ArrayList<>();
        StringBuilder origin = new StringBuilder();
        for (TokenRules f : files) {
            all.addAll(f.rules);
            origin.append(origin.length() == 0 ? "" : ", ").append(f.origin);
        }
        return new TokenRules(origin.toString(), all);
    }
    public List<Rule> rules() { return rules; }

    /** Loads a rule file from the class path (e.g. {@code ontology/rules/x.rules}) or the file system. */
    public static TokenRules load(String resource) {
        String text;
        try (InputStream in = TokenRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } else if (Files.isRegularFile(Path.of(resource))) {
                text = Files.readString(Path.of(resource));
            } else {
                throw new NlpException("rule file not found: " + resource + " (neither on the class path nor on disk)");
            }
        } catch (IOException e) {
            throw new NlpException("cannot read rule file " + resource + ": " + e.getMessage(), e);
        }
        return parse(resource, text);
    }

    /** Parses rules from text; {@code origin} names the source in error messages. */
    public static TokenRules parse(String origin, String text) {
        Env env = TokenSequencePattern.getNewEnv();
        env.bind("type", TypeAnnotation.class);
        env.bind("ner", CoreAnnotations.NamedEntityTagAnnotation.class);
        Map<String, String> macros = new TreeMap<>((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            StringBuilder line = new StringBuilder(stripComment(lines[i]).strip());
            while (line.length() > 0 && line.charAt(line.length() - 1) == '\\' && i + 1 < lines.length) {
                line.setLength(line.length() - 1);
                line.append(' ').append(stripComment(lines[++i]).strip());
            }
            String l = line.toString().strip();
            if (l.isEmpty()) continue;
            Matcher m;
            if ((m = MACRO.matcher(l)).matches()) {
                macros.put(m.group(1), expand(m.group(2).strip(), macros));
            } else if ((m = RULE.matcher(l)).matches()) {
                String src = expand(m.group(5).strip(), macros);
                try {
                    Pattern when = m.group(4) == null ? null : Pattern.compile(m.group(4));
                    rules.add(new Rule(m.group(1), m.group(2).toUpperCase(Locale.ROOT),
                            Double.parseDouble(m.group(3)), src, TokenSequencePattern.compile(env, src), when));
                } catch (RuntimeException e) {
                    throw new NlpException(origin + ":" + lineNo + ": rule " + m.group(1)
                            + " does not compile: " + e.getMessage()
                            + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
                }
            } else {
                throw new NlpException(origin + ":" + lineNo + ": expected '$MACRO = …' or 'rule NAME LABEL CONFIDENCE : pattern', got: " + l);
            }
        }
        return new TokenRules(origin, rules);
    }

    private static String stripComment(String line) {
        // '#' starts a comment only at the line start or after whitespace, so /#\d+/ stays usable
        String t = line.stripLeading();
        if (t.startsWith("#")) return "";
        int idx = line.indexOf(" #");
        return idx >= 0 ? line.substring(0, idx) : line;
    }

    private static String expand(String s, Map<String, String> macros) {
        String out = s;
        for (var e : macros.entrySet()) out = out.replace(e.getKey(), e.getValue());
        return out;
    }

    /** Runs every rule over the sentence; {@code types} has one label per token (or null for all O). */
    public List<Match> apply(Sentence sentence, List<String> types) {
        List<CoreLabel> labels = null;
        List<Match> out = new ArrayList<>();
        Map<Pattern, Boolean> triggered = new java.util.IdentityHashMap<>();
        for (Rule r : rules) {
            if (r.when() != null && !triggered.computeIfAbsent(r.when(), p -> p.matcher(sentence.text()).find())) continue;
            if (labels == null) labels = labels(sentence, types);
            TokenSequenceMatcher m = r.pattern().getMatcher(labels);
            while (m.find()) {
                if (m.end() <= m.start()) continue;
                Map<String, int[]> groups = new TreeMap<>();
                for (String g : new String[] {"$e", "$s", "$o", "$x", "$y"}) {
                    try {
                        int gs = m.start(g), ge = m.end(g);
                        if (gs >= 0 && ge > gs) groups.put(g, new int[] {gs, ge});
                    } catch (RuntimeException noSuchGroup) {
                        // the rule does not define this group
                    }
                }
                out.add(new Match(r, m.start(), m.end(), groups));
            }
        }
        return out;
    }

    private static List<CoreLabel> labels(Sentence s, List<String> types) {
        List<CoreLabel> out = new ArrayList<>(s.tokens().size());
        for (int i = 0; i < s.tokens().size(); i++) {
            CoreLabel l = coreLabel(s.tokens().get(i), i);
            l.set(TypeAnnotation.class, types == null ? "O" : types.get(i));
            out.add(l);
        }
        return out;
    }

    /** One of our tokens as a CoreNLP label (word, POS, lemma, NER, offsets, 1-based index). */
    static CoreLabel coreLabel(Token t, int index) {
        CoreLabel l = new CoreLabel();
        l.setWord(t.word());
        l.setValue(t.word());
        l.setOriginalText(t.word());
        l.setTag(t.pos());
        l.setLemma(t.lemma());
        l.setNER(t.ner());
        l.setBeginPosition(t.begin());
        l.setEndPosition(t.end());
        l.setIndex(index + 1);
        return l;
    }
}
