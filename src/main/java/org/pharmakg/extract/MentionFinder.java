package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.pharmakg.nlp.RuleMatch;
import org.pharmakg.nlp.Sentence;
import org.pharmakg.nlp.Token;

/**
 * Finds the entity mentions of one sentence from three channels: the lexicons, the TokensRegex
 * rules of {@code ontology/rules/entities/} (already matched by the NLP stage) and CoreNLP's
 * ORGANIZATION tags; overlapping candidates are settled longest-first, lexicon before rule before model.
 *
 * <pre>List&lt;Mention&gt; ms = new MentionFinder(lexicon).find(sentence);</pre>
 */
public final class MentionFinder {
    private static final Pattern TARGET_SUFFIX = Pattern.compile(
            "(?i)(-?(targeting|targeted|directed|binding|specific|positive|negative|expressing|overexpressing|high|low|mediated)|\\+)$");
    private static final Pattern TARGET_PREFIX = Pattern.compile("(?i)^anti-");
    private static final Set<String> NOT_TARGETS = Set.of("tumor", "tumour", "cancer", "cell", "cells", "gene", "protein",
            "antigen", "dna", "rna", "organ", "tissue", "antibody", "drug", "payload", "the", "a", "an", "its", "this",
            "tumor-cell", "cancer-cell", "b-cell", "t-cell", "immune", "surface", "receptor", "receptors", "kinase");
    private static final Pattern NOT_COMPANY_WORDS = Pattern.compile(
            "(?i).*\\b(university|universit[àa]|hospital|institute|institut|society|association|conference|congress|meeting|symposium|exchange|commission|administration|agency|center|centre|college|school|foundation|council|department|ministry|court|act|program|programme|unit|ballroom|hall|session|office|division|committee|board|relations|communications|information|development|management|wire|newswire|media|news|journal|award|summit|forum|technology|technologies|platform|trial|study|phase|investor|investors|clinic)s?\\b.*");
    private static final Pattern CORPORATE = Pattern.compile(
            "(?i).*\\b(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|gmbh|ag|sa|nv|bv|kk|pharmaceuticals?|therapeutics|biosciences?|biopharma|biopharmaceuticals?|pharma|biotech|biotechnology|biologics|laboratories|labs|oncology|sciences|genetics|medicines|biotherapeutics|holdings|healthcare)\\.?$");

    private final Lexicon lexicon;
    private final GeneMentions genes;

    /** Without the gene vocabulary (lexicons, rules and CoreNLP only). */
    public MentionFinder(Lexicon lexicon) {
        this(lexicon, GeneVocabulary::empty);
    }

    /** With the gene vocabulary for targets in target contexts ({@link GeneMentions}). */
    public MentionFinder(Lexicon lexicon, java.util.function.Supplier<GeneVocabulary> genes) {
        this.lexicon = lexicon;
        this.genes = new GeneMentions(genes);
    }

    /** Every mention of the sentence, without overlaps, in text order. */
    public List<Mention> find(Sentence s) {
        List<Mention> cands = new ArrayList<>();
        lexiconMatches(s, cands);
        ruleMatches(s, cands);
        genes.find(s, h -> cands.add(mention(s, EntityType.TARGET, h.begin(), h.end(), GeneMentions.RULE, 0.8, null, null)));
        nerOrganizations(s, cands);
        List<Mention> settled = settle(cands, s);
        return CompanyContext.complete(s, settled);
    }

    /** Which tokens a lexicon name covers, for tokens not yet in a sentence (see {@link NerNeed}). */
    boolean[] lexiconCoverage(List<Token> tokens) {
        int end = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
        int begin = tokens.isEmpty() ? 0 : tokens.get(0).begin();
        StringBuilder text = new StringBuilder(" ".repeat(Math.max(0, end - begin)));
        for (Token t : tokens) text.replace(t.begin() - begin, t.end() - begin, t.word().length() == t.end() - t.begin() ? t.word() : " ".repeat(t.end() - t.begin()));
        Sentence s = new Sentence(0, begin, end, text.toString(), tokens, List.of());
        List<Mention> found = new ArrayList<>();
        lexiconMatches(s, found);
        boolean[] covered = new boolean[tokens.size()];
        for (Mention m : found) for (int i = m.tokBegin(); i < m.tokEnd(); i++) covered[i] = true;
        return covered;
    }

    private void lexiconMatches(Sentence s, List<Mention> out) {
        List<Token> toks = s.tokens();
        int max = lexicon.maxTokens();
        String[] pieces = new String[toks.size()];
        for (int i = 0; i < toks.size(); i++) pieces[i] = Names.tokenKey(toks.get(i).word());
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < toks.size(); i++) {
            if (!startsName(toks.get(i))) continue;
            key.setLength(0);
            for (int j = i + 1; j <= Math.min(toks.size(), i + max); j++) {
                key.append(pieces[j - 1]);
                if (!endsName(toks.get(j - 1))) continue;
                List<Lexicon.Entry> cands = lexicon.candidates(key.toString());
                if (cands.isEmpty()) continue;
                String text = s.span(i, j);
                for (Lexicon.Entry c : cands) {
                    // "a Bristol-Myers Squibb company": a lower-case "company" is the noun, not part of the name
                    if (c.type() == EntityType.COMPANY && j - i > 1 && Character.isLowerCase(toks.get(j - 1).word().charAt(0))) continue;
                    Lexicon.Entry e = lexicon.lookup(c.type(), text); // confirms case rules for abbreviations
                    if (e != null) out.add(mention(s, c.type(), i, j, "lexicon/" + c.type().segment(), 0.95, e, null));
                }
            }
        }
    }

    private static boolean startsName(Token t) {
        char c = t.word().charAt(0);
        return Character.isLetterOrDigit(c) && !t.pos().equals("DT") && !t.pos().equals("IN") && !t.pos().equals("CC");
    }

    private static boolean endsName(Token t) {
        String w = t.word();
        char c = w.charAt(w.length() - 1);
        if (Character.isLetterOrDigit(c)) return !t.pos().equals("CC") && !t.pos().equals("DT") && !t.pos().equals("IN");
        // "Inc.", "Co.", "CD56+" end a name; a bare "." or ")" does not
        return w.length() > 1 && (c == '.' || c == '+') && Character.isLetterOrDigit(w.charAt(w.length() - 2));
    }

    private void ruleMatches(Sentence s, List<Mention> out) {
        for (RuleMatch m : s.matches()) {
            EntityType type;
            try {
                type = EntityType.parse(m.type());
            } catch (IllegalArgumentException e) {
                continue; // a rule label that is not an entity type (a cue) is for relations
            }
            int b = m.tokenBegin(), e = m.tokenEnd();
            if (b > 0 && s.tokens().get(b - 1).word().matches("#|No\\.|[Aa]bstract")) continue;
            if (type == EntityType.TRIAL && e - b > 1 && s.span(b, e).matches(".*(,| and | or ).*")) {
                // a list of trial names: "EMILIA, MARIANNE and TH3RESA"
                for (int k = b; k < e; k++) {
                    String w = s.tokens().get(k).word();
                    if (w.length() >= 3 && Character.isUpperCase(w.charAt(0)) && !w.matches("(?i)phase|and|or|the|study|trial|trials|studies")) {
                        out.add(mention(s, type, k, k + 1, m.rule(), m.confidence(), null, null));
                    }
                }
                continue;
            }
            if (type == EntityType.PHASE) {
                String text = s.span(b, e);
                String id = Phases.idOf(text);
                if (id != null) out.add(mention(s, type, b, e, m.rule(), 0.9, null, id));
                continue;
            }
            out.add(mention(s, type, b, e, m.rule(), m.confidence(), null, null));
        }
    }

    /** Verbs of headlines that CoreNLP's NER, misled by title case, takes into an organisation's name. */
    private static final java.util.regex.Pattern HEADLINE_VERB = java.util.regex.Pattern.compile(
            "Announces?|Announced|Enters?|Signs?|Reports?|Receives?|Completes?|Acquires?|Presents?|Launch(?:es)?|Initiates?"
                    + "|Expands?|Extends?|Agrees?|Collaborates?|Establish(?:es)?|Unveils?|Submits?|Obtains?|Raises?|Closes?"
                    + "|Will|To");

    private void nerOrganizations(Sentence s, List<Mention> out) {
        List<Token> toks = s.tokens();
        int i = 0;
        while (i < toks.size()) {
            if (!"ORGANIZATION".equals(toks.get(i).ner())) { i++; continue; }
            int j = i;
            while (j < toks.size() && "ORGANIZATION".equals(toks.get(j).ner())) j++;
            int b = i, e = j;
            // a title-case headline runs the name into its verb ("Abbott and Galapagos Announce Global Collaboration"):
            // the name ends before the verb
            for (int k = b + 1; k < e; k++) {
                if (HEADLINE_VERB.matcher(toks.get(k).word()).matches()) {
                    e = k;
                    break;
                }
            }
            while (e > b && !endsName(toks.get(e - 1))) e--;
            String text = e > b ? s.span(b, e) : "";
            boolean shortCaps = Names.isShortAbbreviation(text) && lexicon.lookup(EntityType.COMPANY, text) == null;
            boolean notAName = text.contains("/") || text.matches("(?s).*-[a-z]+\\b.*") || text.matches("[A-Z]{4,}")
                    || text.matches("[A-Z0-9]{2,6}-[A-Z0-9]{2,6}"); // "ARO-AAT": a code, not a company
            if (e > b && !shortCaps && !notAName) out.add(mention(s, EntityType.COMPANY, b, e, "ner/organization", 0.6, null, null));
            i = j;
        }
    }

    private Mention mention(Sentence s, EntityType t, int b, int e, String rule, double conf, Lexicon.Entry entry, String phase) {
        int cb = s.tokens().get(b).begin(), ce = s.tokens().get(e - 1).end();
        String text = s.text().substring(cb - s.begin(), ce - s.begin());
        if (t == EntityType.TARGET && entry == null) {
            // "CD19-targeting" names CD19; "anti-CD20" names CD20
            String trimmed = TARGET_SUFFIX.matcher(text).replaceAll("");
            int cut = text.length() - trimmed.length();
            String noPrefix = TARGET_PREFIX.matcher(trimmed).replaceAll("");
            cb += trimmed.length() - noPrefix.length();
            ce -= cut;
            text = noPrefix;
        }
        return new Mention(t, s.index(), b, e, cb, ce, text, rule, conf, entry, phase);
    }

    /** Keeps the best of overlapping candidates and drops those that fail their type's checks. */
    private List<Mention> settle(List<Mention> cands, Sentence s) {
        List<Mention> ok = new ArrayList<>();
        for (Mention m : cands) if (acceptable(m, s)) ok.add(m);
        // lexicon and rule mentions first (longest first), CoreNLP's organisations only where they leave room
        ok.sort(Comparator.comparingInt((Mention m) -> priority(m) == 0 ? 1 : 0).thenComparingInt(m -> -m.length())
                .thenComparingInt(m -> -priority(m)).thenComparingDouble(m -> -m.confidence()).thenComparingInt(Mention::tokBegin));
        List<Mention> kept = new ArrayList<>();
        outer:
        for (Mention m : ok) {
            for (Mention k : kept) {
                if (k.overlaps(m)) continue outer;
            }
            kept.add(m);
        }
        kept.sort(Comparator.comparingInt(Mention::tokBegin));
        return kept;
    }

    /**
     * Lexicon 3, rules 2, trial names 1 ("the ZX-4412 Phase 2 trial" names a compound), CoreNLP 0; a trial name
     * that starts with a word of five letters or more ("CLIMB-111", "KEYNOTE-189") is 3: compound codes start
     * with a short prefix ("ZX-4412", "ARV-471"). Among equals the more confident rule wins.
     */
    private static int priority(Mention m) {
        if (m.rule().startsWith("lexicon/")) return 3;
        if (m.rule().startsWith("ner/")) return 0;
        if (m.type() == EntityType.TRIAL) return WORD_PREFIX.matcher(m.text()).lookingAt() ? 3 : 1;
        return 2;
    }

    private static final java.util.regex.Pattern WORD_PREFIX = java.util.regex.Pattern.compile("[A-Za-z]{5,}(?![A-Za-z])");

    private boolean acceptable(Mention m, Sentence s) {
        String t = m.text().strip();
        if (t.isEmpty()) return false;
        return switch (m.type()) {
            case TARGET -> !NOT_TARGETS.contains(t.toLowerCase(Locale.ROOT)) && t.length() >= 2 && !scaleMarker(m, s)
                    && !(m.entry() == null && t.matches("[a-z]+ly")); // "molecularly-targeted" names no target
            case COMPANY -> acceptableCompany(m, t) && !headOfNonCompany(m, s) && !insideTitle(m, s) && !placeInDateline(m, s);
            case INDICATION -> Indications.isSpecific(t) && !modifiesNoun(m, s) && (m.entry() != null || !Indications.isCategory(t));
            case TRIAL -> t.length() >= 3 && !Trials.isStopword(t);
            default -> true;
        };
    }

    /** "PANSS-positive subscale", "(PANSS) total score": a rating scale, not a marker of a target. */
    private static boolean scaleMarker(Mention m, Sentence s) {
        if (!m.rule().endsWith("x-positive")) return false;
        for (int i = m.tokEnd(); i < Math.min(s.tokens().size(), m.tokEnd() + 2); i++) {
            if (s.tokens().get(i).word().matches("(?i)sub-?scales?|scores?|scales?|symptoms?|items?")) return true;
        }
        return false;
    }

    /** "Abbott Park, Illinois and Mechelen, Belgium": CoreNLP's organisation before ", Country" is a place. */
    private static boolean placeInDateline(Mention m, Sentence s) {
        if (!m.rule().startsWith("ner/") || m.tokEnd() + 1 >= s.tokens().size()) return false;
        Token comma = s.tokens().get(m.tokEnd()), next = s.tokens().get(m.tokEnd() + 1);
        return comma.word().equals(",") && ("LOCATION".equals(next.ner()) || "COUNTRY".equals(next.ner()) || "STATE_OR_PROVINCE".equals(next.ner()));
    }

    /** "cancer medicine", "tumor biology", "cancer cells": a disease word used as a modifier names no disease. */
    private static boolean modifiesNoun(Mention m, Sentence s) {
        if (m.entry() != null || m.tokEnd() >= s.tokens().size()) return false;
        Token next = s.tokens().get(m.tokEnd());
        return next.pos().startsWith("NN") && !next.word().matches("(?i:patients?|population|subjects?|indications?|setting|types?|subtypes?)|\\(.*|[A-Z]{2,}");
    }

    /** "European Medicines" in "European Medicines Agency": the name goes on into a body that is no company. */
    private boolean headOfNonCompany(Mention m, Sentence s) {
        if (m.entry() != null || m.tokEnd() >= s.tokens().size()) return false;
        String next = s.tokens().get(m.tokEnd()).word();
        return Character.isUpperCase(next.charAt(0)) && (NOT_COMPANY_WORDS.matcher(next).matches()
                || lexicon.isNotCompany(m.text() + " " + next));
    }

    /** "Conference on Molecular Targets and Cancer Therapeutics": the end of a title, not a company. */
    private static boolean insideTitle(Mention m, Sentence s) {
        if (m.entry() != null) return false;
        for (int i = m.tokBegin() - 1; i >= Math.max(0, m.tokBegin() - 10); i--) {
            String w = s.tokens().get(i).word();
            if (w.matches("Conference|Meeting|Symposium|Congress|Society|Association|Institute|University|Journal|Forum|Summit|Workshop|Foundation|Council|Program|Act")) return true;
            if (!(Character.isUpperCase(w.charAt(0)) || w.matches("on|of|and|for|the|in|&|-"))) return false;
        }
        return false;
    }

    private boolean acceptableCompany(Mention m, String t) {
        if (lexicon.isNotCompany(t)) return false;
        if (m.entry() != null) return true;
        if (t.length() < 2 || t.equals(t.toLowerCase(Locale.ROOT))) return false;
        if (t.matches("(?i)(inc|incorporated|corp|corporation|ltd|limited|llc|plc|co|company|ag|sa|gmbh|nv|group)\\.?")) return false;
        // a bare corporate word ("Pharmaceuticals", "Therapeutics") names no company
        if (!t.contains(" ") && CORPORATE.matcher(t).matches()) return false;
        // CoreNLP's organisation on a capitals-only word ("IMMUNO-ONCOLOGY", "CAR-T", "FVC") that nothing else confirms
        if (m.rule().startsWith("ner/") && t.matches("[A-Z0-9&-]+") && !t.matches("[A-Z]{2,4}")) return false;
        if (NOT_COMPANY_WORDS.matcher(t).matches() && !CORPORATE.matcher(t).matches()) return false;
        return true;
    }

    /** True when the name ends in a corporate word ("Inc.", "Therapeutics", "BioPharma"). */
    public static boolean looksCorporate(String name) {
        return CORPORATE.matcher(name.strip()).matches();
    }
}
