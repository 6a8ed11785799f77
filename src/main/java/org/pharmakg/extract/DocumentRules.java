package org.pharmakg.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pharmakg.ingest.PressRelease;
import org.pharmakg.ingest.Section;
import org.pharmakg.ingest.SectionKind;

/**
 * Relations that a release states by its shape rather than in one sentence: the issuer develops the
 * compounds the release is about (named in its headline or lead paragraph, or an "About" section
 * devoted to them), unless another company that is not the issuer's partner, parent or unit develops
 * them (a competitor's drug named for comparison) or they are only ever named as background
 * (a combination partner, a comparator, standard of care).
 *
 * <pre>new DocumentRules().apply(release, views, facts, issuer, emit);</pre>
 *
 * Runs after the sentence rules, over their facts; each fact's evidence is the first sentence that
 * names the compound as news.
 */
final class DocumentRules {
    /** Where a compound is first named as news: the sentence and its argument there. */
    private record News(SentenceView view, SentenceView.Arg arg) {}

    /** Sentences of the body counted as its lead (the dateline paragraph). */
    private static final int LEAD_SENTENCES = 2;

    void apply(PressRelease release, List<SentenceView> views, Map<String, Fact> facts, int issuer,
               RelationExtractor.Emitter emit) {
        if (issuer < 0) return;
        Set<Integer> allies = allies(facts.values(), issuer);
        Map<Integer, Set<Integer>> developers = developers(facts.values(), false);
        // each compound the release presents as news: the sentence and argument that first name it
        Map<Integer, News> firstNews = new LinkedHashMap<>();
        int bodySeen = 0;
        for (SentenceView v : views) {
            Section s = release.sectionAt(v.sentence.begin());
            SectionKind kind = s == null ? SectionKind.BODY : s.kind();
            boolean lead;
            if (kind == SectionKind.HEADLINE) {
                lead = true;
            } else if (kind == SectionKind.BODY) {
                lead = bodySeen < LEAD_SENTENCES && !quoted(v);
                bodySeen++;
            } else if (kind == SectionKind.ABOUT) {
                lead = aboutCompound(s, v);
            } else {
                lead = false;
            }
            if (!lead) continue;
            for (SentenceView.Arg c : v.primaryCompounds()) {
                if (!c.anaphor()) firstNews.putIfAbsent(c.entity(), new News(v, c));
            }
        }
        for (var e : firstNews.entrySet()) {
            int c = e.getKey();
            Set<Integer> devs = developers.getOrDefault(c, Set.of());
            if (devs.contains(issuer)) continue;
            if (devs.stream().anyMatch(d -> !allies.contains(d))) continue;   // someone else's drug
            SentenceView v = e.getValue().view();
            SentenceView.Arg ca = e.getValue().arg();
            if (otherCompanyOwns(v, ca, issuer, allies)) continue;
            SentenceView.Arg is = new SentenceView.Arg(issuer, EntityType.COMPANY, ca.tb(), ca.te(), ca.begin(), ca.end(),
                    null, "issuer", 0.95, true, false);
            emit.fact(v, Relation.DEVELOPS, is, ca, null, "develops/issuer-lead", 0.6, false);
        }
    }

    /**
     * "the parties of a collaboration develop what it covers": a partner of a compound's developer that
     * the release names in a sentence with the compound develops it too; an acquirer develops what the
     * company it acquired develops.
     */
    void partners(List<SentenceView> views, Map<String, Fact> facts, RelationExtractor.Emitter emit) {
        List<int[]> pairs = new java.util.ArrayList<>();
        for (Fact f : facts.values()) {
            if (f.relation() == Relation.PARTNER_OF) {
                pairs.add(new int[] {f.subject(), f.object()});
                pairs.add(new int[] {f.object(), f.subject()});
            } else if (f.relation() == Relation.SUBSIDIARY_OF) {
                pairs.add(new int[] {f.subject(), f.object()});   // the parent takes on the unit's compounds
            }
        }
        Map<Integer, Set<Integer>> developers = developers(facts.values(), true);
        if (pairs.isEmpty()) return;
        for (SentenceView v : views) {
            List<SentenceView.Arg> cos = v.args(EntityType.COMPANY);
            if (cos.isEmpty()) continue;
            for (SentenceView.Arg c : v.primaryCompounds()) {
                Set<Integer> devs = developers.getOrDefault(c.entity(), Set.of());
                if (devs.isEmpty() || ownedInSentence(v, c, devs)) continue;
                for (SentenceView.Arg k : cos) {
                    if (k.anaphor() || devs.contains(k.entity()) || developsOther(v, k, c, developers)) continue;
                    for (int[] p : pairs) {
                        if (p[1] == k.entity() && devs.contains(p[0])) {
                            emit.fact(v, Relation.DEVELOPS, k, c, null, "develops/partner-of-developer", 0.6, false);
                            break;
                        }
                    }
                }
            }
        }
    }

    /**
     * A named trial whose disease its sentences do not name is tested in the disease of the compound it
     * evaluates, when the release gives that compound exactly one ("EQUIP … on Qsymia", "Qsymia … for obesity").
     */
    void trialIndications(Map<String, Fact> facts, RelationExtractor.Emitter emit, List<SentenceView> views) {
        Map<Integer, Set<Integer>> indications = new HashMap<>();
        Map<Integer, SentenceView> bySentence = new HashMap<>();
        for (SentenceView v : views) bySentence.put(v.sentence.index(), v);
        for (Fact f : facts.values()) {
            if (f.relation() == Relation.INDICATION) indications.computeIfAbsent(f.subject(), x -> new HashSet<>()).add(f.object());
        }
        for (Fact f : new java.util.ArrayList<>(facts.values())) {
            if (f.relation() != Relation.EVALUATES || f.evidence().planned()) continue;
            Set<Integer> own = indications.getOrDefault(f.subject(), Set.of());
            Set<Integer> ds = indications.getOrDefault(f.object(), Set.of());
            if (!own.isEmpty() || ds.size() != 1) continue;
            SentenceView v = bySentence.get(f.evidence().sentence());
            if (v == null) continue;
            SentenceView.Arg trial = argOf(v, f.subject()), compound = argOf(v, f.object());
            if (trial == null || compound == null) continue;
            int disease = ds.iterator().next();
            SentenceView.Arg d = new SentenceView.Arg(disease, EntityType.INDICATION, compound.tb(), compound.te(),
                    compound.begin(), compound.end(), null, "via-compound", 0.9, true, false);
            emit.fact(v, Relation.INDICATION, trial, d, null, "indication/trial-via-compound", 0.55, false);
        }
    }

    private static SentenceView.Arg argOf(SentenceView v, int entity) {
        for (SentenceView.Arg a : v.args) if (a.entity() == entity) return a;
        return null;
    }

    /** "our IMGN901", "Zealand's ZP2929", "… developed by Bayer HealthCare": the sentence names the owner itself. */
    private static boolean ownedInSentence(SentenceView v, SentenceView.Arg c, Set<Integer> devs) {
        for (int i = c.tb() - 1; i >= Math.max(0, c.tb() - 3); i--) if (v.word(i).matches("our|its|their")) return true;
        for (SentenceView.Arg k : v.args(EntityType.COMPANY)) {
            if (!devs.contains(k.entity()) || k.tb() == 0) continue;
            if (v.word(k.tb() - 1).equals("by") && k.tb() > c.tb()) return true;
        }
        return false;
    }

    /** "Sanofi has advanced SAR3419 …, and … our IMGN901": the company has its own compound in the sentence. */
    private static boolean developsOther(SentenceView v, SentenceView.Arg k, SentenceView.Arg c, Map<Integer, Set<Integer>> developers) {
        for (SentenceView.Arg o : v.primaryCompounds()) {
            if (o.entity() != c.entity() && developers.getOrDefault(o.entity(), Set.of()).contains(k.entity())) return true;
        }
        return false;
    }

    /** Compound -> the companies the facts say develop it (only achieved facts when {@code achievedOnly}). */
    private static Map<Integer, Set<Integer>> developers(Iterable<Fact> facts, boolean achievedOnly) {
        Map<Integer, Set<Integer>> out = new HashMap<>();
        for (Fact f : facts) {
            if (f.relation() == Relation.DEVELOPS && !(achievedOnly && f.evidence().planned())) {
                out.computeIfAbsent(f.object(), x -> new HashSet<>()).add(f.subject());
            }
        }
        return out;
    }

    /** The issuer, its partners, its parents and its units, as the sentence rules found them. */
    private static Set<Integer> allies(Iterable<Fact> facts, int issuer) {
        Set<Integer> a = new HashSet<>();
        a.add(issuer);
        for (Fact f : facts) {
            if (f.relation() != Relation.PARTNER_OF && f.relation() != Relation.SUBSIDIARY_OF) continue;
            if (f.subject() == issuer) a.add(f.object());
            if (f.object() == issuer) a.add(f.subject());
        }
        return a;
    }

    /** "Roche's Kadcyla" in the lead: a possessive of a company other than the issuer's allies. */
    private static boolean otherCompanyOwns(SentenceView v, SentenceView.Arg c, int issuer, Set<Integer> allies) {
        for (SentenceView.Arg k : v.args(EntityType.COMPANY)) {
            if (k.anaphor() || allies.contains(k.entity())) continue;
            if (k.te() <= c.tb() && c.tb() - k.te() <= 3 && v.word(k.te()).matches("'s|’s|'|’")) return true;
        }
        return false;
    }

    private static boolean quoted(SentenceView v) {
        String t = v.sentence.text().strip();
        return t.startsWith("\"") || t.startsWith("“");
    }

    /** An "About X" section whose title names this sentence's first primary compound. */
    private static boolean aboutCompound(Section s, SentenceView v) {
        if (s.title() == null) return false;
        String t = ViewBuilder.aboutTitle(s).toLowerCase(java.util.Locale.ROOT);
        List<SentenceView.Arg> cs = v.primaryCompounds();
        if (cs.isEmpty() || t.isEmpty()) return false;
        String name = v.sentence.span(cs.get(0).tb(), cs.get(0).te()).toLowerCase(java.util.Locale.ROOT);
        return t.contains(name) || name.contains(t);
    }
}
