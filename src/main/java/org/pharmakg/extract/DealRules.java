package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pharmakg.ingest.PressRelease;
import org.pharmakg.ingest.Section;
import org.pharmakg.ingest.SectionKind;

/**
 * Deals: the agreements a release reports, between two companies, with kind, event, direction,
 * assets and terms, from the cue words of {@code ontology/rules/relations/deal-cues.tsv}, the money
 * of {@link Money} and {@link MoneyRoles}, and the territories of {@link Territories}.
 *
 * <pre>{@code
 * DealRules.Result r = new DealRules(Cues.load(DealRules.CUES), MoneyRoles.load(), Territories.load())
 *         .find(release, views, facts, entities, issuer);
 * r.deals(); // one per pair of companies that agreed something
 * }</pre>
 *
 * <ul>
 * <li><b>Anchor</b>: a headline or body sentence (not an "About" section) naming two companies (a unit
 * counts as its parent) with a word of agreement ("license", "collaboration", "acquire", "option",
 * "milestone"), and none of financing or services ("offering", "loan", "conducted").</li>
 * <li><b>One deal per pair</b> in a release: everything said about the pair's agreement is one deal.</li>
 * <li><b>Terms</b> come from the anchors and the sentences that follow them about the same deal: in a
 * release with one deal, every news sentence; with several, the sentences naming one of its parties.</li>
 * <li><b>Kind</b> from the first anchor that says: option &gt; acquisition &gt; licence &gt; collaboration.</li>
 * <li><b>Event</b>: terminated &gt; exercised &gt; completed &gt; milestone &gt; expanded &gt; signed.</li>
 * <li><b>Direction</b> by votes: "X grants", "X will receive", "payment from Y", "Y obtains rights".</li>
 * </ul>
 * A deal also yields the partnerOf fact between its parties when no rule found it (subsidiaryOf for a
 * completed acquisition).
 */
final class DealRules {
    public static final String CUES = "ontology/rules/relations/deal-cues.tsv";

    private final Cues cues;
    private final MoneyRoles roles;
    private final DealTerms dealTerms;

    DealRules(Cues cues, MoneyRoles roles, Territories territories) {
        this.cues = cues;
        this.roles = roles;
        this.dealTerms = new DealTerms(cues, roles, territories);
    }

    static DealRules standard() {
        return new DealRules(Cues.load(CUES), MoneyRoles.load(), Territories.load());
    }

    /** The deals, and the facts they add. */
    record Result(List<Deal> deals, List<Fact> facts) {}

    /** An anchor: a sentence naming both parties of a pair with a word of agreement. */
    private record Anchor(SentenceView view, SentenceView.Arg a, SentenceView.Arg b) {}

    Result find(PressRelease release, List<SentenceView> views, Collection<Fact> facts, List<LocalEntity> entities, int issuer) {
        int[] owner = owners(facts, entities.size());
        List<SentenceView> news = new ArrayList<>();
        for (SentenceView v : views) {
            Section s = release.sectionAt(v.sentence.begin());
            SectionKind k = s == null ? SectionKind.BODY : s.kind();
            if (k == SectionKind.HEADLINE || k == SectionKind.BODY) news.add(v);
        }
        Map<Long, List<Anchor>> pairs = new LinkedHashMap<>();
        for (SentenceView v : news) {
            if (!speaksOfDeal(v)) continue;
            List<SentenceView.Arg> cos = new ArrayList<>();
            Set<Integer> seen = new LinkedHashSet<>();
            for (SentenceView.Arg a : v.args(EntityType.COMPANY)) if (seen.add(a.entity())) cos.add(a);
            if (cos.size() < 2) continue;
            SentenceView.Arg first = cos.stream().filter(a -> owner[a.entity()] == ownerOf(owner, issuer)).findFirst().orElse(cos.get(0));
            for (SentenceView.Arg other : cos) {
                if (other == first) continue;
                boolean acquisition = acquisitionOf(v, first, other) || acquisitionOf(v, other, first);
                // a unit and its parent agree nothing between them, unless one buys the other
                if (!acquisition && (owner[first.entity()] == owner[other.entity()] || parentAndUnit(facts, first.entity(), other.entity()))) continue;
                long key = owner[first.entity()] == owner[other.entity()] ? pairKey(first.entity(), other.entity())
                        : pairKey(owner[first.entity()], owner[other.entity()]);
                pairs.computeIfAbsent(key, x -> new ArrayList<>()).add(new Anchor(v, first, other));
                if (cos.size() > 2 && first.entity() != issuer) break; // a list of partners: only the first pair without an issuer
            }
        }
        List<Deal> deals = new ArrayList<>();
        List<Fact> added = new ArrayList<>();
        for (var e : pairs.entrySet()) {
            if (!news(e.getValue(), news)) continue;
            Deal d = deal(e.getValue(), news, pairs, owner, entities, facts);
            if (d == null) continue;
            deals.add(d);
            added.addAll(impliedFacts(d, e.getValue().get(0), facts));
        }
        return new Result(deals, added);
    }

    private Deal deal(List<Anchor> anchors, List<SentenceView> news, Map<Long, List<Anchor>> pairs, int[] owner,
                      List<LocalEntity> entities, Collection<Fact> facts) {
        Anchor first = anchors.get(0);
        int pa = first.a().entity(), pb = first.b().entity();
        List<SentenceView> terms = termSentences(anchors, news, pairs, owner, pa, pb);
        Map<String, Fact.Evidence> ev = new HashMap<>();

        // the first anchor that names a kind decides between option and the others; an acquisition anywhere is one;
        // a licence anywhere outranks a collaboration ("expansion of its partnership ... entered into a license")
        Deal.Kind kind = null;
        Anchor kindAnchor = first;
        boolean firstSaid = false;
        for (Anchor a : anchors) {
            Deal.Kind k = kindOf(a);
            if (k == null) continue;
            if (k == Deal.Kind.OPTION && firstSaid && !exercisedIn(a.view())) k = licenceOrCollaboration(a);
            firstSaid = true;
            if (k != null && (kind == null || precedes(k, kind))) {
                kind = k;
                kindAnchor = a;
            }
        }
        Deal.Event event = event(anchors, terms, kind);
        if (kind == null) kind = event == Deal.Event.MILESTONE ? Deal.Kind.LICENCE : Deal.Kind.COLLABORATION;
        Fact.Evidence anchorEv = span(kindAnchor.view(), kindAnchor.a(), kindAnchor.b(), "deal/" + kind.local().toLowerCase() + "-anchor", 0.8);
        ev.put("kind", anchorEv);
        ev.put("event", anchorEv);
        ev.put("party:" + pa, anchorEv);
        ev.put("party:" + pb, anchorEv);

        int licensor = -1, licensee = -1;
        if (kind == Deal.Kind.ACQUISITION) {
            for (Anchor a : anchors) {
                if (acquisitionOf(a.view(), a.a(), a.b())) { licensee = pa; licensor = pb; break; }
                if (acquisitionOf(a.view(), a.b(), a.a())) { licensee = pb; licensor = pa; break; }
            }
        } else if (kind == Deal.Kind.LICENCE || kind == Deal.Kind.OPTION) {
            int votes = dealTerms.direction(terms, pa, pb, owner);
            if (votes > 0) { licensor = pa; licensee = pb; }
            if (votes < 0) { licensor = pb; licensee = pa; }
        }
        if (licensor >= 0) {
            ev.put("licensor", anchorEv);
            ev.put("licensee", anchorEv);
        }

        List<Integer> assets = assets(anchors, terms, news, facts, kind, licensor, pa, pb, ev);

        Map<MoneyRole, Amount> money = dealTerms.money(terms, ev);
        String royalty = dealTerms.royalty(terms, ev);
        String territory = kind == Deal.Kind.ACQUISITION ? null : dealTerms.territory(terms, ev);
        List<SentenceView> eventSentences = new ArrayList<>();
        for (SentenceView v : terms) {
            if (anchors.stream().anyMatch(a -> a.view() == v) || v.anyCue(cues, "agreement", 0, v.size())) eventSentences.add(v);
        }
        java.time.LocalDate date = DealTerms.date(eventSentences);
        return new Deal(kind, event, List.of(pa, pb), licensor, licensee, assets, money, royalty, territory, date, ev);
    }

    /**
     * The compounds the deal covers: those named where the rights or the purchase are stated; of an
     * acquisition, only those the acquired company develops when the release says so; else the compounds
     * a party develops named in the headline or the lead ("Alnylam Earns Milestone" … "trial with ALN-PCSsc").
     */
    private List<Integer> assets(List<Anchor> anchors, List<SentenceView> terms, List<SentenceView> news, Collection<Fact> facts,
                                 Deal.Kind kind, int licensor, int pa, int pb, Map<String, Fact.Evidence> ev) {
        Set<Integer> developedByLicensor = new java.util.HashSet<>(), developedByParty = new java.util.HashSet<>();
        Set<Integer> developedByBuyer = new java.util.HashSet<>();
        int buyer = licensor == pa ? pb : pa;
        for (Fact f : facts) {
            if (f.relation() != Relation.DEVELOPS) continue;
            if (f.subject() == licensor) developedByLicensor.add(f.object());
            if (f.subject() == buyer) developedByBuyer.add(f.object());
            if (f.subject() == pa || f.subject() == pb) developedByParty.add(f.object());
        }
        Map<Integer, Fact.Evidence> found = new LinkedHashMap<>();
        for (SentenceView v : terms) {
            boolean anchor = anchors.stream().anyMatch(a -> a.view() == v);
            if (!anchor && !v.anyCue(cues, "rights_word", 0, v.size()) && !v.anyCue(cues, "kind_acquisition", 0, v.size())) continue;
            for (SentenceView.Arg c : v.primaryCompounds()) {
                if (!c.anaphor()) found.putIfAbsent(c.entity(), span(v, c, c, "deal/asset", 0.7));
            }
        }
        if (kind == Deal.Kind.ACQUISITION && licensor >= 0) {
            Map<Integer, Fact.Evidence> own = new LinkedHashMap<>(found);
            own.keySet().retainAll(developedByLicensor);
            if (!own.isEmpty()) found = own;
            else found.keySet().removeIf(c -> developedByBuyer.contains(c)); // the buyer's own products are not bought
        }
        boolean leadDeal = anchors.stream().anyMatch(a -> news.indexOf(a.view()) < 4);
        if (found.isEmpty() && leadDeal) { // the lead's compounds only for the deal the release is about
            Set<Integer> wanted = licensor >= 0 && !developedByLicensor.isEmpty() ? developedByLicensor : developedByParty;
            int lead = 0;
            for (SentenceView v : news) {
                if (lead++ >= 4) break;
                for (SentenceView.Arg c : v.primaryCompounds()) {
                    if (!c.anaphor() && wanted.contains(c.entity())) found.putIfAbsent(c.entity(), span(v, c, c, "deal/asset-lead", 0.6));
                }
            }
        }
        for (var e : found.entrySet()) ev.put("asset:" + e.getKey(), e.getValue());
        return new ArrayList<>(found.keySet());
    }

    /**
     * A deal the release reports, not one it mentions in passing ("developed by Bayer under a TAP
     * technology license with ImmunoGen"): named in the headline or the lead, or where an agreement is
     * signed, exercised, ended or paid.
     */
    private boolean news(List<Anchor> anchors, List<SentenceView> news) {
        int lead = Math.min(news.size(), 4);
        for (Anchor a : anchors) {
            if (news.indexOf(a.view()) < lead) return true;
            SentenceView v = a.view();
            for (int i = 0; i < v.size(); i++) {
                String w = v.word(i);
                boolean act = Set.of("signed", "signs", "executed", "exercised", "terminated", "terminate", "completed", "closed").contains(w)
                        || w.equals("entered") && v.word(i + 1).equals("into");
                if (act && !v.word(i - 1).equals("when") && !v.word(i - 2).equals("when")) return true;
            }
            List<Amount> amounts = Money.find(v.sentence.text());
            for (Amount m : amounts) if (roles.role(v.sentence.text(), m, amounts) != MoneyRole.NOT_A_TERM) return true;
        }
        return false;
    }

    /** The anchors' sentences, and the news sentences after the first anchor that speak of this deal. */
    private List<SentenceView> termSentences(List<Anchor> anchors, List<SentenceView> news, Map<Long, List<Anchor>> pairs,
                                             int[] owner, int pa, int pb) {
        Set<SentenceView> out = new LinkedHashSet<>();
        for (Anchor a : anchors) out.add(a.view());
        boolean alone = pairs.size() == 1;
        // the parties of this deal that are in no other deal (the issuer is usually in all of them)
        Set<Integer> mine = new java.util.HashSet<>(List.of(owner[pa], owner[pb]));
        Set<Integer> others = new java.util.HashSet<>();
        for (List<Anchor> as : pairs.values()) {
            Anchor a0 = as.get(0);
            Set<Integer> ps = new java.util.HashSet<>(List.of(owner[a0.a().entity()], owner[a0.b().entity()]));
            if (ps.equals(mine)) continue;
            others.addAll(ps);
        }
        mine.removeAll(others);
        others.removeAll(List.of(owner[pa], owner[pb]));
        int carry = 0; // sentences after one naming this deal's party that still speak of it
        for (SentenceView v : news) {
            if (alone) { out.add(v); continue; }
            boolean namesMine = false, namesOther = false;
            for (SentenceView.Arg a : v.args(EntityType.COMPANY)) {
                if (a.anaphor()) continue;
                if (mine.contains(owner[a.entity()])) namesMine = true;
                if (others.contains(owner[a.entity()])) namesOther = true;
            }
            if (namesMine && !namesOther) carry = 3;
            else if (namesOther) carry = 0;
            if (carry-- > 0) out.add(v);
        }
        List<SentenceView> list = new ArrayList<>(out);
        list.sort((x, y) -> Integer.compare(x.sentence.index(), y.sentence.index()));
        return list;
    }

    private boolean speaksOfDeal(SentenceView v) {
        if (v.anyCue(cues, "not_deal", 0, v.size())) return false;
        if (v.words.contains("rights") && (v.anyCue(cues, "event_terminated", 0, v.size()) || v.anyCue(cues, "licensor_verb", 0, v.size())
                || v.anyCue(cues, "licensee_verb", 0, v.size()))) return true; // "regained from Cephalon full rights to VIVITROL"
        return v.anyCue(cues, "agreement", 0, v.size()) || v.anyCue(cues, "kind_licence", 0, v.size())
                || v.anyCue(cues, "kind_acquisition", 0, v.size()) || v.anyCue(cues, "kind_option", 0, v.size())
                || v.anyCue(cues, "event_milestone", 0, v.size()) && v.anyCue(cues, "earned", 0, v.size());
    }

    /** The kind one anchor states, or null: option &gt; acquisition &gt; licence &gt; collaboration. */
    private Deal.Kind kindOf(Anchor a) {
        SentenceView v = a.view();
        boolean licence = false, collaboration = false;
        for (int i = 0; i < v.size(); i++) {
            String w = v.word(i);
            if (cues.is("kind_option", w) && isOption(v, i)) return Deal.Kind.OPTION;
        }
        if (acquisitionOf(v, a.a(), a.b()) || acquisitionOf(v, a.b(), a.a()) || merger(v)) return Deal.Kind.ACQUISITION;
        return licenceOrCollaboration(a);
    }

    private Deal.Kind licenceOrCollaboration(Anchor a) {
        SentenceView v = a.view();
        boolean licence = false, collaboration = false;
        for (int i = 0; i < v.size(); i++) {
            String w = v.word(i);
            // a licence as a thing agreed ("an exclusive license", "license agreement"), not "the right to license"
            if (cues.is("kind_licence", w) && !v.word(i - 1).equals("to")) licence = true;
            if (cues.is("kind_collaboration", w)) collaboration = true;
            // a royalty purchase or sale is a licence of the product's economics ("royalty interest", "royalty monetization")
            if (cues.is("royalty", w) && Set.of("interest", "interests", "purchase", "sale", "monetization", "stream", "financing").contains(v.word(i + 1))) licence = true;
            if (w.equals("rights") && (v.anyCue(cues, "licensor_verb", i - 4, i) || v.anyCue(cues, "licensee_verb", i - 4, i)
                    || v.anyCue(cues, "event_return", i - 4, i) || v.anyCue(cues, "event_terminated", i - 4, i))) licence = true;
        }
        if (licence) return Deal.Kind.LICENCE;
        if (collaboration) return Deal.Kind.COLLABORATION;
        return null;
    }

    /** Option and acquisition outrank licence, licence outranks collaboration. */
    private static boolean precedes(Deal.Kind k, Deal.Kind than) {
        return rank(k) > rank(than);
    }

    private static int rank(Deal.Kind k) {
        return switch (k) {
            case OPTION -> 3;
            case ACQUISITION -> 2;
            case LICENCE -> 1;
            case COLLABORATION -> 0;
        };
    }

    /** "exercised its option", "an option to license", "option and license agreement", "option fee". */
    private boolean isOption(SentenceView v, int i) {
        String next = v.word(i + 1);
        if (Set.of("to", "and", "over", "agreement", "agreements", "under", "fee", "payment", "rights", "exercise", "right").contains(next)) return true;
        return v.anyCue(cues, "event_exercised", i - 3, i) || v.word(i).equals("opt-in") || v.word(i).equals("opted");
    }

    /** "X … acquire (the) Y", "X's acquisition of Y", "Y … to be acquired by X": X acquires Y. */
    private boolean acquisitionOf(SentenceView v, SentenceView.Arg x, SentenceView.Arg y) {
        for (int i = 0; i < v.size(); i++) {
            if (!cues.is("kind_acquisition", v.word(i))) continue;
            String next = v.word(i + 1);
            if (Set.of("rights", "an", "option", "exclusive", "worldwide", "global", "license", "licence", "the").contains(next)
                    && !(next.equals("the") && startsAt(y, i + 2))) continue;
            if (v.word(i).equals("acquired") && next.equals("by") && startsAt(x, i + 2) && y.te() <= i) return true;
            boolean yAfter = startsAt(y, i + 1) || startsAt(y, i + 2) && Set.of("of", "the", ",").contains(next)
                    || startsAt(y, i + 3) && next.equals("of") && v.word(i + 2).equals("the");
            // "acquires Dorrin's rights to X" buys rights, not Dorrin
            if (yAfter && x.te() <= i && !v.word(y.te()).matches("'s|’s|'|’")) return true;
        }
        return false;
    }

    /** "X and Y to merge", "merger of X and Y", "business combination", "tender offer": one company takes the other. */
    private boolean merger(SentenceView v) {
        for (int i = 0; i < v.size(); i++) {
            String w = v.word(i);
            if (Set.of("merge", "merger", "merging", "merges").contains(w) && !v.word(i + 1).equals("sub")
                    || w.equals("combination") && v.word(i - 1).equals("business")
                    || w.equals("tender") && v.word(i + 1).equals("offer")) return true;
        }
        return false;
    }

    private static boolean startsAt(SentenceView.Arg a, int tok) { return a.tb() == tok; }

    private Deal.Event event(List<Anchor> anchors, List<SentenceView> terms, Deal.Kind kind) {
        boolean terminated = false, exercised = false, completed = false, milestone = false, expanded = false, signed = false;
        Set<SentenceView> anchorViews = new LinkedHashSet<>();
        for (Anchor a : anchors) anchorViews.add(a.view());
        for (SentenceView v : terms) {
            boolean anchor = anchorViews.contains(v);
            boolean dealWords = anchor || v.anyCue(cues, "agreement", 0, v.size());
            if (!dealWords) continue;
            for (int i = 0; i < v.size(); i++) {
                String w = v.word(i);
                if (cues.is("event_terminated", w) && (anchor || v.anyCue(cues, "agreement", i - 6, i + 7))) terminated = true;
                if (cues.is("event_return", w) && v.anyCue(cues, "rights_word", i + 1, i + 5)) terminated = true;
                if (cues.is("event_exercised", w) && (v.anyCue(cues, "kind_option", i - 3, i + 4) || w.startsWith("opt"))
                        && !conditional(v, i)) exercised = true;
                if (anchor && cues.is("event_completed", w) && v.anyCue(cues, "kind_acquisition", i - 2, i + 6)) completed = true;
                if (anchor && cues.is("event_milestone", w) && v.anyCue(cues, "earned", i - 6, i + 6)) milestone = true;
                if (anchor && cues.is("event_expanded", w) && v.anyCue(cues, "agreement", i + 1, i + 5)) expanded = true;
                if (anchor && cues.is("event_signed", w)) signed = true;
            }
        }
        if (terminated) return Deal.Event.TERMINATED;
        if (exercised && kind == Deal.Kind.OPTION) return Deal.Event.EXERCISED;
        if (completed && kind == Deal.Kind.ACQUISITION) return Deal.Event.COMPLETED;
        if (milestone && !signedNew(anchors)) return Deal.Event.MILESTONE;
        if (expanded) return Deal.Event.EXPANDED;
        return Deal.Event.SIGNED;
    }

    private boolean exercisedIn(SentenceView v) {
        for (int i = 0; i < v.size(); i++) {
            if (cues.is("event_exercised", v.word(i)) && v.anyCue(cues, "kind_option", i - 3, i + 4) && !conditional(v, i)) return true;
        }
        return false;
    }

    /** "if Almirall exercises", "upon exercise": an event that may happen, not one that did. */
    private static boolean conditional(SentenceView v, int i) {
        for (int j = Math.max(0, i - 3); j < i; j++) {
            if (Set.of("if", "upon", "when", "once", "until", "unless", "should", "may", "could", "would", "can").contains(v.word(j))) return true;
        }
        return false;
    }

    /** The first anchor speaks of a new agreement ("entered into", "signed"). */
    private boolean signedNew(List<Anchor> anchors) {
        SentenceView v = anchors.get(0).view();
        for (int i = 0; i < v.size(); i++) {
            String w = v.word(i);
            if ((w.equals("entered") || w.equals("signed") || w.equals("signs") || w.equals("sign")) && v.anyCue(cues, "agreement", i, i + 8)) return true;
        }
        return false;
    }

    /** Document offsets spanning two arguments. */
    private static Fact.Evidence span(SentenceView v, SentenceView.Arg a, SentenceView.Arg b, String rule, double conf) {
        int s = Math.min(a.begin(), b.begin()), e = Math.max(a.end(), b.end());
        return new Fact.Evidence(v.sentence.index(), s, e, v.sentence.text(), v.sentence.begin(), rule, conf, false);
    }

    /** partnerOf between the parties when no rule found it; subsidiaryOf for a completed acquisition. */
    private static List<Fact> impliedFacts(Deal d, Anchor anchor, Collection<Fact> facts) {
        int a = d.parties().get(0), b = d.parties().get(1);
        Fact.Evidence ev = d.evidence().get("kind");
        ev = new Fact.Evidence(ev.sentence(), ev.begin(), ev.end(), ev.sentenceText(), ev.sentenceBegin(), "relation/deal/"
                + d.kind().local().toLowerCase(), 0.8, false);
        if (d.kind() == Deal.Kind.ACQUISITION && d.event() == Deal.Event.COMPLETED && d.licensor() >= 0) {
            if (!has(facts, Relation.SUBSIDIARY_OF, d.licensor(), d.licensee())) {
                return List.of(new Fact(Relation.SUBSIDIARY_OF, d.licensor(), d.licensee(), null, ev));
            }
            return List.of();
        }
        if (related(facts, a, b)) return List.of();
        return List.of(new Fact(Relation.PARTNER_OF, a, b, null, ev));
    }

    private static boolean has(Collection<Fact> facts, Relation r, int s, int o) {
        for (Fact f : facts) if (f.relation() == r && f.subject() == s && f.object() == o) return true;
        return false;
    }

    /** A partnerOf or subsidiaryOf fact between the two, in either direction. */
    private static boolean related(Collection<Fact> facts, int a, int b) {
        for (Fact f : facts) {
            if (f.relation() != Relation.PARTNER_OF && f.relation() != Relation.SUBSIDIARY_OF) continue;
            if (f.subject() == a && f.object() == b || f.subject() == b && f.object() == a) return true;
        }
        return false;
    }

    /** One is the other's subsidiary by the release's facts. */
    private static boolean parentAndUnit(Collection<Fact> facts, int a, int b) {
        for (Fact f : facts) {
            if (f.relation() == Relation.SUBSIDIARY_OF && (f.subject() == a && f.object() == b || f.subject() == b && f.object() == a)) return true;
        }
        return false;
    }

    /** Each company's top owner by the release's subsidiaryOf facts. */
    private static int[] owners(Collection<Fact> facts, int n) {
        int[] owner = new int[n];
        for (int i = 0; i < n; i++) owner[i] = i;
        Map<Integer, Integer> up = new HashMap<>();
        for (Fact f : facts) if (f.relation() == Relation.SUBSIDIARY_OF) up.putIfAbsent(f.subject(), f.object());
        for (int i = 0; i < n; i++) {
            int o = i;
            for (int k = 0; k < 5 && up.containsKey(o); k++) o = up.get(o);
            owner[i] = o;
        }
        return owner;
    }

    private static int ownerOf(int[] owner, int e) { return e < 0 ? -1 : owner[e]; }

    private static long pairKey(int a, int b) {
        int x = Math.min(a, b), y = Math.max(a, b);
        return ((long) x << 32) | (y & 0xffffffffL);
    }
}
