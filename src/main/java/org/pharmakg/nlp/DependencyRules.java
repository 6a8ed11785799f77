package org.pharmakg.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.semgraph.semgrex.SemgrexMatcher;
import edu.stanford.nlp.semgraph.semgrex.SemgrexPattern;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relations read off the dependency structure: a sentence is parsed with CoreNLP's neural dependency
 * parser (Universal Dependencies) and Semgrex rules are matched over it, each token's {@code ner}
 * being the entity type of the mention that covers it (COMPANY, COMPOUND, TARGET, …) or O.
 *
 * <pre>
 * DependencyRules deps = DependencyRules.load("ontology/rules/relations/dependencies.semgrex");
 * for (DependencyRules.Match m : deps.match(sentence, types)) ... m.subject() m.object()
 * </pre>
 *
 * File format: {@code rule NAME RELATION CONFIDENCE : semgrex pattern} with nodes named {@code =s}
 * (subject) and {@code =o} (object); {@code #} comments. Parsing costs about as much as NER, so the
 * extract stage parses only sentences holding two or more candidate entities that its surface rules
 * could not relate. The parser model loads on first use and is shared by all threads.
 */
public final class DependencyRules {
    private static final Logger LOG = LoggerFactory.getLogger(DependencyRules.class);
    private static final Pattern RULE = Pattern.compile("rule\\s+(\\S+)\\s+(\\S+)\\s+([0-9.]+)\\s*:\\s*(.+)");

    /** One rule. */
    public record Rule(String name, String relation, double confidence, SemgrexPattern pattern, List<Pattern> lemmas) {
        public Rule(String name, String relation, double confidence, SemgrexPattern pattern) {
            this(name, relation, confidence, pattern, List.of());
        }
    }

    private static final Pattern LEMMA_CONSTRAINT = Pattern.compile("lemma:/([^/]+)/");

    /** A match: token indexes (0-based, in the sentence) of the subject and object nodes. */
    public record Match(String rule, String relation, double confidence, int subject, int object) {}

    private final List<Rule> rules;
    private volatile DependencyParser parser;

    private DependencyRules(List<Rule> rules) { this.rules = List.copyOf(rules); }

    public List<Rule> rules() { return rules; }

    public static DependencyRules load(String resource) {
        String text;
        try (InputStream in = DependencyRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new NlpException("rule file not found on the class path: " + resource);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NlpException("cannot read " + resource + ": " + e.getMessage(), e);
        }
        return parse(resource, text);
    }

    public static DependencyRules parse(String origin, String text) {
        List<Rule> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            Matcher m = RULE.matcher(l);
            if (!m.matches()) throw new NlpException(origin + ":" + (i + 1) + ": expected 'rule NAME RELATION CONFIDENCE : pattern', got: " + l);
            try {
                List<Pattern> lemmas = new ArrayList<>();
                Matcher lm = LEMMA_CONSTRAINT.matcher(m.group(4));
                while (lm.find()) lemmas.add(Pattern.compile(lm.group(1)));
                out.add(new Rule(m.group(1), m.group(2), Double.parseDouble(m.group(3)), SemgrexPattern.compile(m.group(4).strip()),
                        List.copyOf(lemmas)));
            } catch (RuntimeException e) {
                throw new NlpException(origin + ":" + (i + 1) + ": Semgrex rule " + m.group(1) + " does not compile: " + e.getMessage());
            }
        }
        return new DependencyRules(out);
    }

    /** Starts loading the parser model on a background thread (the CoreNLP models load meanwhile). */
    public void preload() {
        Thread t = new Thread(() -> {
            try {
                parser();
            } catch (RuntimeException e) {
                LOG.debug("background parser load failed; it will be retried on first use", e);
            }
        }, "pharmakg-parser-load");
        t.setDaemon(true);
        t.start();
    }

    private DependencyParser parser() {
        DependencyParser p = parser;
        if (p == null) {
            synchronized (this) {
                if (parser == null) {
                    long t0 = System.nanoTime();
                    try {
                        parser = DependencyParser.loadFromModelFile(DependencyParser.DEFAULT_MODEL);
                    } catch (RuntimeException e) {
                        throw new NlpException("cannot load the dependency parser model " + DependencyParser.DEFAULT_MODEL
                                + ": " + e.getMessage() + "; run mvn -B package so Maven fetches stanford-corenlp:models", e);
                    }
                    LOG.info("NLP: dependency parser loaded in {} s", String.format("%.1f", (System.nanoTime() - t0) / 1e9));
                }
                p = parser;
            }
        }
        return p;
    }

    /**
     * Whether some rule of the relation could match the sentence at all: every lemma its pattern requires
     * is in the sentence. A sentence no rule could match is not worth a parse.
     */
    public boolean couldMatch(Sentence s, String relation) {
        for (Rule r : rules) {
            if (!r.relation().equals(relation)) continue;
            boolean all = true;
            for (Pattern lemma : r.lemmas()) {
                boolean found = false;
                for (Token t : s.tokens()) {
                    if (t.lemma() != null && lemma.matcher(t.lemma()).matches()) { found = true; break; }
                }
                if (!found) { all = false; break; }
            }
            if (all) return true;
        }
        return false;
    }

    /** Parses the sentence and returns every rule match; {@code types} gives each token's entity type or O. */
    public List<Match> match(Sentence s, List<String> types) {
        List<CoreLabel> labels = new ArrayList<>();
        for (int i = 0; i < s.tokens().size(); i++) {
            CoreLabel l = TokenRules.coreLabel(s.tokens().get(i), i);
            l.setNER(types.get(i)); // Semgrex rules match entity types as ner
            l.setSentIndex(0);
            labels.add(l);
        }
        CoreMap sentence = new ArrayCoreMap();
        sentence.set(CoreAnnotations.TokensAnnotation.class, labels);
        GrammaticalStructure gs = parser().predict(sentence);
        SemanticGraph graph = SemanticGraphFactory.generateUncollapsedDependencies(gs);
        List<Match> out = new ArrayList<>();
        for (Rule r : rules) {
            SemgrexMatcher m = r.pattern().matcher(graph);
            while (m.find()) {
                IndexedWord sub = m.getNode("s"), obj = m.getNode("o");
                if (sub == null || obj == null) continue;
                out.add(new Match(r.name(), r.relation(), r.confidence(), sub.index() - 1, obj.index() - 1));
            }
        }
        return out;
    }
}
