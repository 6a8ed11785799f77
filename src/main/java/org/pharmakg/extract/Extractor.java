package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pharmakg.nlp.AnnotatedDocument;
import org.pharmakg.nlp.Sentence;
import org.pharmakg.nlp.TokenRules;

/**
 * The extract stage: from an annotated press release to its entities and facts with evidence.
 *
 * <pre>Extractor x = Extractor.standard(Lexicon.load()); DocumentExtraction d = x.extract(annotated);</pre>
 *
 * Thread-safe: one instance serves all worker threads (it keeps no per-document state).
 */
public final class Extractor {
    /** Entity rule files, run by the NLP stage over every sentence. */
    public static final List<String> ENTITY_RULES = List.of(
            "ontology/rules/entities/compounds.rules", "ontology/rules/entities/targets.rules",
            "ontology/rules/entities/indications.rules", "ontology/rules/entities/trials.rules",
            "ontology/rules/entities/phases.rules", "ontology/rules/entities/companies.rules");
    public static final String COMPANY_RULES = "ontology/rules/relations/companies.rules";
    public static final String DEPENDENCY_RULES = "ontology/rules/relations/dependencies.semgrex";

    private final Lexicon lexicon;
    private final MentionFinder finder;
    private final EntityGrouper grouper;
    private final ViewBuilder views;
    private final RelationExtractor relations;
    private final org.pharmakg.nlp.DependencyRules dependencyRules;
    private final TargetIds targetIds;
    private final DealRules dealRules = DealRules.standard();

    /** The extractor with the standard gene vocabulary, loaded when the first document needs it. */
    public Extractor(Lexicon lexicon, Cues cues, TokenRules companyRules, org.pharmakg.nlp.DependencyRules dependencyRules) {
        this(lexicon, cues, companyRules, dependencyRules, GeneVocabulary.lazy());
    }

    public Extractor(Lexicon lexicon, Cues cues, TokenRules companyRules, org.pharmakg.nlp.DependencyRules dependencyRules,
                     java.util.function.Supplier<GeneVocabulary> genes) {
        this.lexicon = lexicon;
        this.finder = new MentionFinder(lexicon, genes);
        this.targetIds = new TargetIds(lexicon, genes);
        this.grouper = new EntityGrouper(lexicon);
        this.views = new ViewBuilder(cues);
        this.relations = new RelationExtractor(cues, companyRules, dependencyRules);
        this.dependencyRules = dependencyRules;
    }

    /**
     * The NLP stage this extractor needs: the entity rules, and NER only on sentences naming something
     * capitalised that the lexicons do not know ({@link NerNeed}).
     */
    public static org.pharmakg.nlp.CoreNlpPipeline standardNlp(Lexicon lexicon) {
        return org.pharmakg.nlp.CoreNlpPipeline.builder().rules(ENTITY_RULES).nerOnlyWhere(new NerNeed(lexicon)).build();
    }

    /** The extractor with the project's own rule and cue files. */
    public static Extractor standard(Lexicon lexicon) {
        return new Extractor(lexicon, Cues.load(), TokenRules.load(COMPANY_RULES), org.pharmakg.nlp.DependencyRules.load(DEPENDENCY_RULES));
    }

    /** Loads the models that are loaded lazily (the dependency parser) in the background, now. */
    public void warmUp() {
        if (dependencyRules != null) dependencyRules.preload();
    }

    public DocumentExtraction extract(AnnotatedDocument doc) {
        List<List<Mention>> found = new ArrayList<>();
        for (Sentence s : doc.sentences()) found.add(finder.find(s));
        EntityGrouper.Result g0 = grouper.group(doc, found);
        EntityGrouper.Result g = new EntityGrouper.Result(targetIds.enrich(g0.entities()), g0.mentions(), g0.entityOf());
        int issuer = issuer(doc, g.entities());
        List<SentenceView> vs = views.build(doc.release(), doc.sentences(), g, issuer, g.entities());
        List<Fact> facts = new ArrayList<>(relations.extract(doc.release(), vs, issuer));
        DealRules.Result deals = dealRules.find(doc.release(), vs, facts, g.entities(), issuer);
        facts.addAll(deals.facts());
        return compact(doc, g.entities(), facts, deals.deals(), issuer);
    }

    private int issuer(AnnotatedDocument doc, List<LocalEntity> entities) {
        String hint = doc.release().issuerHint();
        if (hint != null && !hint.isBlank()) {
            String k = Names.typedKey(EntityType.COMPANY, hint);
            for (LocalEntity e : entities) {
                if (e.type() == EntityType.COMPANY && e.names().stream().anyMatch(n -> Names.typedKey(EntityType.COMPANY, n).equals(k))) {
                    return e.id();
                }
            }
        }
        // else the first company with a ticker, else none
        for (LocalEntity e : entities) if (e.type() == EntityType.COMPANY && e.ids().containsKey("ticker")) return e.id();
        return -1;
    }

    /** Drops companies that only CoreNLP proposed and nothing confirms, and renumbers. */
    private DocumentExtraction compact(AnnotatedDocument doc, List<LocalEntity> entities, List<Fact> facts, List<Deal> deals,
                                       int issuer) {
        Set<Integer> inFacts = new HashSet<>();
        for (Fact f : facts) {
            inFacts.add(f.subject());
            if (f.object() >= 0) inFacts.add(f.object());
        }
        for (Deal d : deals) inFacts.addAll(d.parties());
        Map<Integer, Integer> renumber = new HashMap<>();
        List<LocalEntity> kept = new ArrayList<>();
        for (LocalEntity e : entities) {
            if (e.type() == EntityType.COMPANY && e.id() != issuer && !inFacts.contains(e.id()) && !confirmed(doc, e)) continue;
            renumber.put(e.id(), kept.size());
            kept.add(new LocalEntity(kept.size(), e.type(), e.label(), e.names(), e.mentions(), e.ids()));
        }
        List<Fact> out = new ArrayList<>();
        for (Fact f : facts) {
            Integer s = renumber.get(f.subject());
            Integer o = f.object() < 0 ? Integer.valueOf(-1) : renumber.get(f.object());
            if (s == null || o == null) continue;
            out.add(new Fact(f.relation(), s, o, f.phase(), f.evidence()));
        }
        List<Deal> keptDeals = new ArrayList<>();
        for (Deal d : deals) keptDeals.add(renumber(d, renumber));
        int iss = issuer < 0 ? -1 : renumber.getOrDefault(issuer, -1);
        return new DocumentExtraction(doc.release(), kept, out, keptDeals, iss, doc.tokenCount());
    }

    /** The deal with its entity indexes (and the evidence keys naming them) renumbered. */
    private static Deal renumber(Deal d, Map<Integer, Integer> to) {
        java.util.function.IntUnaryOperator r = i -> i < 0 ? -1 : to.getOrDefault(i, -1);
        List<Integer> parties = new ArrayList<>(), assets = new ArrayList<>();
        for (int p : d.parties()) parties.add(r.applyAsInt(p));
        for (int a : d.assets()) if (r.applyAsInt(a) >= 0) assets.add(r.applyAsInt(a));
        Map<String, Fact.Evidence> ev = new HashMap<>();
        for (var e : d.evidence().entrySet()) {
            String k = e.getKey();
            int colon = k.indexOf(':');
            if (colon > 0) k = k.substring(0, colon + 1) + r.applyAsInt(Integer.parseInt(k.substring(colon + 1)));
            ev.put(k, e.getValue());
        }
        return new Deal(d.kind(), d.event(), parties, r.applyAsInt(d.licensor()), r.applyAsInt(d.licensee()), assets, d.money(),
                d.royaltyTerms(), d.territory(), d.date(), ev);
    }

    /** A company is confirmed by the lexicon, a corporate suffix, a ticker, a possessive or repetition. */
    private boolean confirmed(AnnotatedDocument doc, LocalEntity e) {
        if (!e.ids().isEmpty()) return true;
        if (e.names().stream().anyMatch(n -> lexicon.lookup(EntityType.COMPANY, n) != null || MentionFinder.looksCorporate(n))) return true;
        if (e.mentions().stream().anyMatch(m -> !m.rule().startsWith("ner/") && !m.rule().startsWith("propagated/"))) return true;
        if (e.mentions().size() >= 2) return true;
        for (Mention m : e.mentions()) {
            Sentence s = doc.sentences().get(m.sentence());
            if (m.tokEnd() < s.tokens().size() && s.tokens().get(m.tokEnd()).word().matches("'s|’s")) return true;
        }
        return false;
    }
}
