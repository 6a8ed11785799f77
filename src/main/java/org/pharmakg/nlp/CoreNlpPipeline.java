package org.pharmakg.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.pharmakg.ingest.PressRelease;
import org.pharmakg.ingest.Section;
import org.pharmakg.ingest.SectionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NLP stage on Stanford CoreNLP: a lean {@code tokenize,ssplit,pos,lemma,ner} pipeline plus
 * TokensRegex entity rules ({@link TokenRules}), run only over the sections of a release that can state facts.
 *
 * <pre>NlpPipeline nlp = CoreNlpPipeline.builder().rules(List.of("ontology/rules/compounds.rules")).build();</pre>
 *
 * Lean means: the 3-class CRF only, no fine-grained NER, no SUTime, no numeric classifiers.
 * CoreNLP 4.5 splits hyphenated words whatever {@code splitHyphenated} says ("T-DM1" becomes
 * {@code T - DM1}); {@link #joinHyphens} puts the pieces back together when no space separates
 * them, so every lexicon entry and rule sees whole words ("T-DM1", "CD19-targeting", "NRAS-"). The CoreNLP models load once; one instance is shared by all
 * worker threads (CoreNLP's annotate and compiled TokensRegex patterns are thread-safe).
 * This is the only class that touches CoreNLP's {@code CoreMap}s: it converts to our records at once.
 */
public final class CoreNlpPipeline implements NlpPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpPipeline.class);

    private final StanfordCoreNLP corenlp;
    /** The NER annotator alone, run on the sentences {@link #nerFilter} selects (all when there is none). */
    private final StanfordCoreNLP ner;
    private final java.util.function.Predicate<List<Token>> nerFilter;
    private final TokenRules rules;

    private CoreNlpPipeline(Builder b) {
        long t0 = System.nanoTime();
        Properties props = new Properties();
        props.setProperty("annotators", b.annotators);
        props.setProperty("tokenize.language", "en");
        props.setProperty("tokenize.options", "ptb3Escaping=false,normalizeParentheses=false,normalizeOtherBrackets=false,invertible=false");
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        props.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.buildEntityMentions", "false");
        boolean splitNer = b.nerFilter != null && b.annotators.endsWith(",ner");
        if (splitNer) props.setProperty("annotators", b.annotators.substring(0, b.annotators.length() - ",ner".length()));
        try {
            this.corenlp = new StanfordCoreNLP(props);
            if (splitNer) {
                Properties np = new Properties();
                np.putAll(props);
                np.setProperty("annotators", "ner");
                np.setProperty("enforceRequirements", "false");
                this.ner = new StanfordCoreNLP(np, false);
            } else {
                this.ner = null;
            }
            this.nerFilter = b.nerFilter;
        } catch (RuntimeException e) {
            throw new NlpException("cannot load the CoreNLP models (" + e.getMessage()
                    + "); run `mvn -B package` once so Maven fetches stanford-corenlp:models", e);
        }
        this.rules = TokenRules.concat(b.ruleFiles.stream().map(TokenRules::load).toList());
        LOG.info("NLP: CoreNLP {} loaded with {} rules from {} files in {} s", b.annotators, rules.rules().size(), b.ruleFiles.size(),
                String.format("%.1f", (System.nanoTime() - t0) / 1e9));
    }

    public static Builder builder() { return new Builder(); }

    @Override
    public AnnotatedDocument annotate(PressRelease doc) {
        List<Sentence> out = new ArrayList<>();
        for (Section section : doc.sections()) {
            if (!isRelevant(section.kind())) continue;
            for (int[] chunk : chunks(doc.text(), section.start(), section.end())) {
                String text = doc.text().substring(chunk[0], chunk[1]);
                if (text.isBlank()) continue;
                Annotation ann = new Annotation(text);
                corenlp.annotate(ann);
                List<CoreMap> ss = ann.get(CoreAnnotations.SentencesAnnotation.class);
                if (ner != null) recogniseSelected(ss, chunk[0], doc.text());
                for (CoreMap s : ss) {
                    out.add(convert(s, chunk[0], out.size(), doc.text()));
                }
            }
        }
        return new AnnotatedDocument(doc, out);
    }

    /**
     * Splits a section after heading-like lines ("About Seattle Genetics", "July 11, 2012",
     * "IMGN901 Oral Presentation": at most eight words, no closing punctuation, the next line
     * starting a new block), which CoreNLP would otherwise run into the next sentence.
     */
    static List<int[]> chunks(String text, int start, int end) {
        List<int[]> out = new ArrayList<>();
        int chunkStart = start;
        int lineStart = start;
        while (lineStart < end) {
            int nl = text.indexOf('\n', lineStart);
            if (nl < 0 || nl >= end) break;
            String line = text.substring(lineStart, nl).strip();
            int next = nl + 1;
            while (next < end && Character.isWhitespace(text.charAt(next))) next++;
            boolean heading = !line.isEmpty() && line.split("\\s+").length <= 8
                    && !line.matches(".*[.,;:!?\"”’')(–—-]$") && next < end
                    && (Character.isUpperCase(text.charAt(next)) || Character.isDigit(text.charAt(next)));
            if (heading) {
                out.add(new int[] {chunkStart, nl});
                chunkStart = nl + 1;
            }
            lineStart = nl + 1;
        }
        out.add(new int[] {chunkStart, end});
        return out;
    }

    /** Runs NER only on the sentences whose tokens the filter says need it ("Genentech" in no lexicon). */
    private void recogniseSelected(List<CoreMap> ss, int shift, String docText) {
        List<CoreMap> selected = new ArrayList<>();
        for (CoreMap s : ss) {
            List<Token> toks = new ArrayList<>();
            for (CoreLabel l : s.get(CoreAnnotations.TokensAnnotation.class)) {
                toks.add(new Token(l.word(), l.beginPosition() + shift, l.endPosition() + shift, nz(l.tag()), nz(l.lemma()), "O"));
            }
            if (nerFilter.test(splitSlashPairs(joinHyphens(toks, docText)))) {
                selected.add(s);
            } else {
                for (CoreLabel l : s.get(CoreAnnotations.TokensAnnotation.class)) l.setNER("O");
            }
        }
        if (selected.isEmpty()) return;
        Annotation sub = new Annotation("");
        sub.set(CoreAnnotations.SentencesAnnotation.class, selected);
        List<CoreLabel> all = new ArrayList<>();
        for (CoreMap s : selected) all.addAll(s.get(CoreAnnotations.TokensAnnotation.class));
        sub.set(CoreAnnotations.TokensAnnotation.class, all);
        ner.annotate(sub);
    }

    /** Sections that can state facts; forward-looking statements, contacts and tables cannot. */
    public static boolean isRelevant(SectionKind kind) {
        return switch (kind) {
            case FORWARD_LOOKING, CONTACT, FINANCIAL_TABLE, BOILERPLATE -> false;
            default -> true;
        };
    }

    private Sentence convert(CoreMap s, int shift, int index, String docText) {
        List<CoreLabel> labels = s.get(CoreAnnotations.TokensAnnotation.class);
        List<Token> raw = new ArrayList<>(labels.size());
        for (CoreLabel l : labels) {
            raw.add(new Token(l.word(), l.beginPosition() + shift, l.endPosition() + shift,
                    nz(l.tag()), nz(l.lemma()), l.ner() == null ? "O" : l.ner()));
        }
        List<Token> tokens = splitSlashPairs(joinHyphens(raw, docText));
        int begin = tokens.isEmpty() ? shift : tokens.get(0).begin();
        int end = tokens.isEmpty() ? shift : tokens.get(tokens.size() - 1).end();
        Sentence plain = new Sentence(index, begin, end, docText.substring(begin, end), tokens, List.of());
        List<RuleMatch> matches = new ArrayList<>();
        for (TokenRules.Match m : rules.apply(plain, null)) {
            int[] g = m.group("$e");
            matches.add(new RuleMatch(m.label(), m.name(), m.confidence(), g == null ? m.begin() : g[0], g == null ? m.end() : g[1]));
        }
        return new Sentence(index, begin, end, plain.text(), tokens, matches);
    }

    /**
     * Re-joins hyphen pieces that touch: {@code T - DM1} becomes {@code T-DM1}, {@code NRAS -}
     * followed by a space becomes {@code NRAS-}. The joined token keeps the last piece's POS (the
     * head of "CD19-targeting" is "targeting") and the first piece's NER tag.
     */
    static List<Token> joinHyphens(List<Token> in, String text) {
        List<Token> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Token t = in.get(i);
            boolean hyphen = "-".equals(t.word()) || "HYPH".equals(t.pos());
            Token prev = out.isEmpty() ? null : out.get(out.size() - 1);
            // "CDX-011": the tokenizer reads "-011" as a negative number; "BRAF-" + "mutant" likewise
            boolean leadingHyphen = !hyphen && t.word().length() > 1 && t.word().charAt(0) == '-' && prev != null
                    && prev.end() == t.begin() && Character.isLetterOrDigit(prev.word().charAt(prev.word().length() - 1));
            if (leadingHyphen) {
                out.set(out.size() - 1, merge(prev, t, text));
                continue;
            }
            // "(BCMA)-directed": a closing bracket is not part of a word
            if (hyphen && !out.isEmpty() && out.get(out.size() - 1).end() == t.begin() && !out.get(out.size() - 1).word().matches("[)\\]}]")) {
                Token left = out.remove(out.size() - 1);
                Token joined = merge(left, t, text);
                if (i + 1 < in.size() && in.get(i + 1).begin() == t.end()) {
                    joined = merge(joined, in.get(++i), text);
                }
                out.add(joined);
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Names joined by slashes become separate tokens: "Pharma/Velora", "PD-1/VEGF", "glucagon/GLP-1",
     * "GLP-1/GIP/glucagon", "ABC-123/ABC-456". Stages ("1/2", "I/II", "Ib/II"), single letters ("C/E"),
     * units ("mg/kg"), "and/or" and pathways ("the RAS/RAF/MEK/ERK pathway") stay whole.
     */
    static List<Token> splitSlashPairs(List<Token> in) {
        List<Token> out = new ArrayList<>(in.size());
        for (int k = 0; k < in.size(); k++) {
            Token t = in.get(k);
            String w = t.word();
            // "the RAS/RAF/MEK/ERK pathway" names a pathway, not four targets
            boolean pathway = k + 1 < in.size() && in.get(k + 1).word().matches("(?i)pathways?|signal(l)?ing|cascades?|axis|axes");
            String[] parts = pathway || w.indexOf('/') <= 0 || w.endsWith("/") ? null : w.split("/", -1);
            if (parts == null || !splittable(parts)) {
                out.add(t);
                continue;
            }
            int b = t.begin();
            int at = 0;
            for (String part : parts) {
                if (at > 0) out.add(new Token("/", b + at - 1, b + at, "SYM", "/", "O"));
                out.add(new Token(part, b + at, b + at + part.length(), t.pos(), part.toLowerCase(java.util.Locale.ROOT), t.ner()));
                at += part.length() + 1;
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern STAGE_PART = java.util.regex.Pattern.compile("(?i)(?:[ivx]+|[0-9]+)[ab]?");

    private static boolean splittable(String[] parts) {
        boolean anyUpper = false;
        for (String p : parts) {
            if (p.length() < 2 || STAGE_PART.matcher(p).matches() || p.chars().noneMatch(Character::isLetter)) return false;
            if (p.chars().anyMatch(Character::isUpperCase)) anyUpper = true;
        }
        // "mg/kg", "and/or", "w/v": lower-case words of a unit or a conjunction; "glucagon/GLP-1" has a symbol
        return anyUpper || java.util.Arrays.stream(parts).allMatch(p -> p.length() >= 5);
    }

    private static Token merge(Token a, Token b, String text) {
        String pos = "HYPH".equals(b.pos()) ? a.pos() : b.pos();
        String word = text.substring(a.begin(), b.end());
        return new Token(word, a.begin(), b.end(), pos, word.toLowerCase(java.util.Locale.ROOT), a.ner());
    }

    private static String nz(String s) { return s == null ? "" : s; }

    /** Settings of the pipeline; {@code build()} loads the models (a few seconds). */
    public static final class Builder {
        private String annotators = "tokenize,ssplit,pos,lemma,ner";
        private List<String> ruleFiles = List.of();
        private java.util.function.Predicate<List<Token>> nerFilter;

        public Builder annotators(String a) { this.annotators = a; return this; }
        /** TokensRegex rule files, as class-path resources or file paths. */
        public Builder rules(List<String> files) { this.ruleFiles = List.copyOf(files); return this; }
        /**
         * Runs NER only on sentences the filter accepts (it sees the sentence's tokens without NER tags);
         * the others keep the tag O. Without a filter every sentence gets NER.
         */
        public Builder nerOnlyWhere(java.util.function.Predicate<List<Token>> f) { this.nerFilter = f; return this; }
        public CoreNlpPipeline build() { return new CoreNlpPipeline(this); }
    }
}
