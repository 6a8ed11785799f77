package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The terms of one deal, from the sentences that speak of it: who grants the rights, the money terms,
 * royalties, territory and the event's date, each with its evidence.
 *
 * <pre>{@code
 * DealTerms t = new DealTerms(Cues.load(DealRules.CUES), MoneyRoles.load(), Territories.load());
 * Map<MoneyRole, Amount> money = t.money(sentences, evidence);
 * }</pre>
 */
final class DealTerms {
    private final Cues cues;
    private final MoneyRoles roles;
    private final Territories territories;

    DealTerms(Cues cues, MoneyRoles roles, Territories territories) {
        this.cues = cues;
        this.roles = roles;
        this.territories = territories;
    }

    /** Positive when the first party grants the rights, negative when the second does, 0 when the text does not say. */
    int direction(List<SentenceView> terms, int pa, int pb, int[] owner) {
        int votes = 0;
        for (SentenceView v : terms) {
            List<SentenceView.Arg> cos = v.args(EntityType.COMPANY);
            for (int i = 0; i < v.size(); i++) {
                String w = v.word(i);
                int sign = 0;
                boolean licensedRights = w.startsWith("licens") && (v.word(i + 1).equals("rights") || v.word(i + 2).equals("rights")
                        || v.word(i + 3).equals("rights") && !v.word(i + 1).equals("its")) && !toCompany(v, cos, i);
                if (licensedRights) sign = -1; // "Takeda has licensed exclusive rights to use ImmunoGen's technology"
                else if (cues.is("receives_money", w)) sign = 2; // who is paid is the surest sign
                else if (cues.is("licensor_verb", w) && !w.equals("licensed")) sign = 1;
                else if (cues.is("licensee_verb", w) || cues.is("pays_money", w)) sign = -1;
                if (sign != 0) {
                    SentenceView.Arg subj = subjectBefore(v, cos, i);
                    if (subj != null) votes += sign * side(owner, subj.entity(), pa, pb);
                }
                if (w.equals("from") && i + 1 < v.size()) {
                    SentenceView.Arg from = SentenceView.firstStarting(cos, i + 1, i + 2);
                    if (from != null) {
                        boolean money = v.anyCue(cues, "receives_money", i - 10, i) || moneyBefore(v, i);
                        boolean rights = v.anyCue(cues, "kind_licence", i - 3, i) || v.word(i - 1).equals("rights")
                                || v.anyCue(cues, "royalty", i - 4, i); // "acquired a royalty interest in X from Y": Y sells
                        if (money) votes -= side(owner, from.entity(), pa, pb);
                        else if (rights) votes += side(owner, from.entity(), pa, pb);
                    }
                }
                if ((w.equals("to") || w.equals("with")) && i > 0 && (v.anyCue(cues, "licensor_verb", i - 3, i) || w.equals("with") && v.word(i - 1).equals("provides"))) {
                    SentenceView.Arg to = SentenceView.firstStarting(cos, i + 1, i + 2);
                    if (to != null) votes -= side(owner, to.entity(), pa, pb);
                }
            }
        }
        return votes;
    }

    /** "licensed worldwide rights to develop the drug to Novartis": the rights go to a company named later in the clause. */
    private static boolean toCompany(SentenceView v, List<SentenceView.Arg> cos, int from) {
        for (int j = from + 1; j < Math.min(v.size(), from + 16); j++) {
            if (v.word(j).equals(";")) return false;
            SentenceView.Arg to = v.word(j).equals("to") ? SentenceView.firstStarting(cos, j + 1, j + 2) : null;
            if (to != null && !v.word(to.te()).matches("'s|’s|'|’")) return true; // "rights to Ostera's platform" is no recipient
        }
        return false;
    }

    private static boolean moneyBefore(SentenceView v, int i) {
        for (int j = Math.max(0, i - 6); j < i; j++) {
            String w = v.word(j);
            if (w.equals("million") || w.equals("billion") || w.startsWith("payment") || w.equals("$") || w.equals("€") || w.equals("£")) return true;
        }
        return false;
    }

    /** The company nearest before a verb, within six tokens and the same clause. */
    private static SentenceView.Arg subjectBefore(SentenceView v, List<SentenceView.Arg> cos, int verb) {
        SentenceView.Arg best = null;
        for (SentenceView.Arg a : cos) {
            if (a.te() <= verb && verb - a.te() <= 6 && v.clause(a.tb()) == v.clause(verb)) {
                boolean comma = false;
                for (int j = a.te(); j < verb; j++) if (v.word(j).equals(",") || v.word(j).equals("and") && j > a.te()) comma = true;
                if (!comma && (best == null || a.te() > best.te())) best = a;
            }
        }
        return best;
    }

    private static int side(int[] owner, int e, int pa, int pb) {
        if (owner[e] == owner[pa]) return 1;
        if (owner[e] == owner[pb]) return -1;
        return 0;
    }

    /** The money terms: the first upfront and equity, the largest milestone sum and total. */
    Map<MoneyRole, Amount> money(List<SentenceView> terms, Map<String, Fact.Evidence> ev) {
        Map<MoneyRole, Amount> out = new EnumMap<>(MoneyRole.class);
        String currency = null;
        for (SentenceView v : terms) {
            String text = v.sentence.text();
            List<Amount> milestones = new ArrayList<>();
            List<Amount> amounts = Money.find(text);
            for (Amount a : amounts) {
                if (a.perUnit()) continue;
                MoneyRole r = roles.role(text, a, amounts);
                if (r == MoneyRole.NOT_A_TERM) continue;
                if (currency != null && !currency.equals(a.currency())) continue;
                if (r == MoneyRole.MILESTONES) { milestones.add(a); continue; }
                Amount prev = out.get(r);
                if (prev == null || r == MoneyRole.TOTAL && a.value().compareTo(prev.value()) > 0) {
                    put(out, ev, r, a, v);
                    currency = a.currency();
                }
            }
            if (!milestones.isEmpty()) {
                Amount m = milestoneSum(milestones, text);
                Amount prev = out.get(MoneyRole.MILESTONES);
                if (prev == null || m.value().compareTo(prev.value()) > 0) {
                    put(out, ev, MoneyRole.MILESTONES, m, v);
                    currency = m.currency();
                }
            }
        }
        return out;
    }

    /** Milestones of one sentence: their sum, or the largest when the text says it includes the others. */
    private static Amount milestoneSum(List<Amount> ms, String text) {
        Amount max = ms.get(0);
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (Amount a : ms) {
            if (a.value().compareTo(max.value()) > 0) max = a;
            sum = sum.add(a.value());
        }
        Amount f = ms.get(0), l = ms.get(ms.size() - 1);
        if (ms.size() == 1 || INCLUDES.matcher(text.substring(f.begin(), l.end())).find()) return max;
        return new Amount(f.begin(), l.end(), sum, f.currency(), true, false, text.substring(f.begin(), l.end()));
    }

    private static final java.util.regex.Pattern INCLUDES = java.util.regex.Pattern.compile(
            "\\b(?:including|includes|include|of which|comprising|comprised of|consisting of|comprises)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    private static void put(Map<MoneyRole, Amount> out, Map<String, Fact.Evidence> ev, MoneyRole r, Amount a, SentenceView v) {
        int b = v.sentence.begin() + a.begin(), e = v.sentence.begin() + a.end();
        out.put(r, new Amount(b, e, a.value(), a.currency(), a.upTo(), a.perUnit(), a.text()));
        ev.put(Deal.key(r), new Fact.Evidence(v.sentence.index(), b, e, v.sentence.text(), v.sentence.begin(),
                "deal/money-" + Deal.key(r), 0.8, false));
    }

    /** Document offsets of the words stating royalties, or null ("royalty-free" and "no royalties" are none). */
    private int[] royaltySpan(SentenceView v) {
        var toks = v.sentence.tokens();
        for (int i = 0; i < v.size(); i++) {
            if (!cues.is("royalty", v.word(i))) continue;
            if (cues.is("no_royalty", v.word(i - 1)) || v.word(i).equals("royalty-free")) continue;
            int b = i;
            while (b > 0 && i - b < 8 && !Set.of(",", ";", "and", "receive", "pay", "of", "to", "plus", "as", "with").contains(v.word(b - 1))
                    || b > 0 && i - b < 8 && v.word(b - 1).equals("to") && b >= 2 && v.word(b - 2).matches("\\d.*|low|mid|high|single")) b--;
            int e = i + 1;
            while (e < v.size() && e - i < 10 && !Set.of(",", ";", ".", "and", "as", "which", "for").contains(v.word(e))) e++;
            return new int[] {toks.get(b).begin(), toks.get(e - 1).end()};
        }
        return null;
    }

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
    /** "effective December 1, 2008", "on March 3, 2019", "as of 1 June 2020": the date of the event, not the dateline. */
    private static final java.util.regex.Pattern EVENT_DATE = java.util.regex.Pattern.compile(
            "\\b(?:effective|on|as of|dated|closed on|completed on)\\s+(?:(" + MONTHS + ")\\s+(\\d{1,2}),?\\s+(\\d{4})|(\\d{1,2})\\s+(" + MONTHS + ")\\s+(\\d{4}))\\b");

    private static java.time.LocalDate eventDate(java.util.regex.Matcher m) {
        try {
            String month = m.group(1) != null ? m.group(1) : m.group(5);
            int day = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
            int year = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(6));
            return java.time.LocalDate.of(year, java.time.Month.valueOf(month.toUpperCase(java.util.Locale.ROOT)), day);
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }


    /** The words stating royalties in the first sentence that has them, or null. */
    String royalty(List<SentenceView> terms, Map<String, Fact.Evidence> ev) {
        for (SentenceView v : terms) {
            int[] r = royaltySpan(v);
            if (r == null) continue;
            ev.put("royalties", new Fact.Evidence(v.sentence.index(), r[0], r[1], v.sentence.text(), v.sentence.begin(),
                    "deal/royalties", 0.8, false));
            return v.sentence.text().substring(r[0] - v.sentence.begin(), r[1] - v.sentence.begin());
        }
        return null;
    }

    /** The territory of the first sentence with a word of rights that names one, or null. */
    String territory(List<SentenceView> terms, Map<String, Fact.Evidence> ev) {
        for (SentenceView v : terms) {
            if (!v.anyCue(cues, "rights_word", 0, v.size())) continue;
            Territories.Found t = territories.find(v.sentence.text());
            if (t == null) continue;
            int b = v.sentence.begin() + t.begin(), e = v.sentence.begin() + t.end();
            ev.put("territory", new Fact.Evidence(v.sentence.index(), b, e, v.sentence.text(), v.sentence.begin(),
                    "deal/territory", 0.75, false));
            return t.territory();
        }
        return null;
    }

    /** The first date the sentences give for the event ("terminate effective December 1, 2008"), or null. */
    static java.time.LocalDate date(List<SentenceView> sentences) {
        for (SentenceView v : sentences) {
            java.util.regex.Matcher m = EVENT_DATE.matcher(v.sentence.text());
            if (m.find()) {
                java.time.LocalDate d = eventDate(m);
                if (d != null) return d;
            }
        }
        return null;
    }
}
