package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pharmakg.nlp.TokenRules;

/**
 * Extracts the seven relations from a document's sentence views. Company-to-company shapes come
 * from the TokensRegex file {@code ontology/rules/relations/companies.rules}; partnerships, developers,
 * targets, indications, phases and trials from the rules of {@link CompoundRules} and
 * {@link PartnerRules}, whose cue words live in {@code ontology/rules/relations/cues.tsv}.
 *
 * <pre>List&lt;Fact&gt; facts = new RelationExtractor(cues, companyRules, dependencyRules).extract(release, views, issuer);</pre>
 *
 * Every fact carries its evidence; the same statement found twice keeps its most confident evidence.
 */
public final class RelationExtractor {
    private final TokenRules companyRules;
    private final org.pharmakg.nlp.DependencyRules dependencyRules;
    private final PartnerRules partnerRules;
    private final CompoundRules compoundRules;
    private final DocumentRules documentRules = new DocumentRules();

    public RelationExtractor(Cues cues, TokenRules companyRules, org.pharmakg.nlp.DependencyRules dependencyRules) {
        this.companyRules = companyRules;
        this.dependencyRules = dependencyRules;
        this.partnerRules = new PartnerRules(cues);
        this.compoundRules = new CompoundRules(cues);
    }

    List<Fact> extract(org.pharmakg.ingest.PressRelease release, List<SentenceView> views, int issuer) {
        Map<String, Fact> out = new LinkedHashMap<>();
        Emitter emit = new Emitter(out);
        for (SentenceView v : views) {
            List<int[]> subsidiaries = new ArrayList<>();
            companyShapes(v, emit, subsidiaries);
            partnerRules.apply(v, emit, subsidiaries, issuer);
            compoundRules.apply(v, emit, subsidiaries, issuer);
        }
        documentRules.apply(release, views, out, issuer, emit);
        // parses last, for the pairs that nothing in the whole release relates
        for (SentenceView v : views) {
            if (dependencyRules != null && needsParse(v, out, dependencyRules.couldMatch(v.sentence, "develops"),
                    dependencyRules.couldMatch(v.sentence, "targets"))) {
                dependencies(v, emit);
            }
        }
        documentRules.partners(views, out, emit);
        documentRules.trialIndications(out, emit, views);
        return new ArrayList<>(out.values());
    }

    private void companyShapes(SentenceView v, Emitter emit, List<int[]> subsidiaries) {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) types.add("O");
        for (SentenceView.Arg a : v.args) {
            if (a.anaphor()) continue;
            for (int i = a.tb(); i < a.te(); i++) types.set(i, a.type().name());
        }
        for (TokenRules.Match m : companyRules.apply(v.sentence, types)) {
            int[] s = m.group("$s"), o = m.group("$o");
            if (s == null || o == null) continue;
            SentenceView.Arg sa = argIn(v, s), oa = argIn(v, o);
            if (sa == null || oa == null || sa.entity() == oa.entity()) continue;
            Relation rel = Relation.parse(m.label());
            emit.fact(v, rel, sa, oa, null, m.name(), m.confidence(), false);
            if (rel == Relation.SUBSIDIARY_OF) subsidiaries.add(new int[] {sa.entity(), oa.entity()});
        }
    }

    /**
     * A sentence is parsed only when it holds candidates the surface rules left unrelated: a company and
     * a compound with no develops fact, or a compound and a target with no targets fact (and it is not
     * overly long). Parsing costs as much as NER, so most sentences never are.
     */
    private static boolean needsParse(SentenceView v, Map<String, Fact> facts, boolean developsRule, boolean targetsRule) {
        if (v.size() > 50 || !developsRule && !targetsRule) return false;
        // a pair already related anywhere in the document needs no parse; only new pairs do
        java.util.Set<Long> related = new java.util.HashSet<>();
        for (Fact f : facts.values()) {
            if (f.relation() == Relation.DEVELOPS || f.relation() == Relation.TARGETS) {
                related.add(((long) f.subject() << 32) | (f.object() & 0xffffffffL));
            }
        }
        for (SentenceView.Arg c : v.primaryCompounds()) {
            for (SentenceView.Arg k : developsRule ? v.args(EntityType.COMPANY) : List.<SentenceView.Arg>of()) {
                if (k.anaphor() || c.anaphor()) continue; // "we", "the Company", "it": the surface rules handle them
                if (!related.contains(((long) k.entity() << 32) | (c.entity() & 0xffffffffL))) return true;
            }
            for (SentenceView.Arg t : targetsRule ? v.args(EntityType.TARGET) : List.<SentenceView.Arg>of()) {
                if (!related.contains(((long) c.entity() << 32) | (t.entity() & 0xffffffffL))) return true;
            }
        }
        return false;
    }

    private void dependencies(SentenceView v, Emitter emit) {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) types.add("O");
        for (SentenceView.Arg a : v.args) {
            if (a.type() == EntityType.PHASE) continue;
            for (int i = a.tb(); i < a.te(); i++) types.set(i, a.type().name());
        }
        for (org.pharmakg.nlp.DependencyRules.Match m : dependencyRules.match(v.sentence, types)) {
            SentenceView.Arg s = argAt(v, m.subject()), o = argAt(v, m.object());
            if (s == null || o == null) continue;
            emit.fact(v, Relation.parse(m.relation()), s, o, null, m.rule(), m.confidence(), false);
        }
    }

    private static SentenceView.Arg argAt(SentenceView v, int tok) {
        for (SentenceView.Arg a : v.args) if (a.tb() <= tok && tok < a.te() && a.type() != EntityType.PHASE) return a;
        return null;
    }

    /** The last company argument inside a token span (the head of "Bayer HealthCare"). */
    private static SentenceView.Arg argIn(SentenceView v, int[] span) {
        SentenceView.Arg found = null;
        for (SentenceView.Arg a : v.args) {
            if (a.type() == EntityType.COMPANY && !a.anaphor() && a.tb() >= span[0] && a.te() <= span[1]) found = a;
        }
        return found;
    }

    /** Collects facts, keeping the most confident evidence of each statement. */
    static final class Emitter {
        private final Map<String, Fact> out;

        Emitter(Map<String, Fact> out) { this.out = out; }

        void fact(SentenceView v, Relation rel, SentenceView.Arg s, SentenceView.Arg o, String phase, String rule,
                  double confidence, boolean planned) {
            if (s == null || s.entity() < 0) return;
            int obj = o == null ? -1 : o.entity();
            if (rel != Relation.PHASE && (obj < 0 || obj == s.entity())) return;
            int b = Math.min(s.begin(), o == null ? s.begin() : o.begin());
            int e = Math.max(s.end(), o == null ? s.end() : o.end());
            double conf = confidence * Math.min(s.confidence(), o == null ? 1.0 : o.confidence()) / 0.95;
            Fact.Evidence ev = new Fact.Evidence(v.sentence.index(), b, e, v.sentence.text(), v.sentence.begin(),
                    "relation/" + rule, Math.min(conf, 0.99), planned);
            Fact f = new Fact(rel, s.entity(), obj, phase, ev);
            Fact prev = out.get(f.key());
            if (prev == null || prev.evidence().confidence() < ev.confidence()) out.put(f.key(), f);
        }
    }
}
