package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * partnerOf: a sentence that speaks of a collaboration, licence, alliance or agreement pairs an
 * anchor company with the others it names.
 * <ul>
 * <li>{@code between}: "an agreement between ImmunoGen and Genentech";</li>
 * <li>{@code slash}: "the Novartis/Array co-development agreement";</li>
 * <li>{@code anchored}: the anchor is the possessor of the cue ("ImmunoGen's collaborative partners
 * include Amgen, Bayer …", "the Company's collaboration with Genentech", "our partners"), else the first
 * company of the sentence ("Takeda has licensed … ImmunoGen's technology"), else the issuer.</li>
 * </ul>
 * Not partners: a company and its parent named in the same sentence, underwriters and advisers
 * ("acting as joint book-running managers"), and the owner of a trademark.
 *
 * <pre>new PartnerRules(cues).apply(view, emitter, subsidiaryPairs, issuer);</pre>
 */
final class PartnerRules {
    private final Cues cues;

    PartnerRules(Cues cues) { this.cues = cues; }

    void apply(SentenceView v, RelationExtractor.Emitter emit, List<int[]> subsidiaries, int issuer) {
        List<SentenceView.Arg> cos = v.args(EntityType.COMPANY);
        if (cos.isEmpty()) return;
        int cue = -1;
        for (int i = 0; i < v.size(); i++) if (cues.is("partner", v.word(i))) { cue = i; break; }
        if (cue < 0) return;
        if (v.anyCue(cues, "finance", 0, v.size()) || v.words.contains("trademark")) return;

        // "between X and Y"
        for (int i = 0; i < v.size(); i++) {
            if (!v.word(i).equals("between")) continue;
            SentenceView.Arg x = SentenceView.firstStarting(cos, i + 1, i + 4), y = null;
            if (x != null) {
                // "between Agensys, Inc., an affiliate of Astellas, and Seattle Genetics": skip the apposition
                for (int j = x.te(); j < Math.min(v.size(), x.te() + 14) && y == null; j++) {
                    if (!v.word(j).equals("and")) continue;
                    for (SentenceView.Arg a : cos) if (a.tb() == j + 1 || a.tb() == j + 2 && v.word(j + 1).equals("the")) y = a;
                }
            }
            if (x != null && y != null && !related(x, y, subsidiaries)) {
                emit.fact(v, Relation.PARTNER_OF, x, y, null, "partner/between", 0.9, false);
                return;
            }
        }
        // "Novartis/Array co-development agreement"
        for (int k = 0; k + 1 < cos.size(); k++) {
            SentenceView.Arg x = cos.get(k), y = cos.get(k + 1);
            if (y.tb() == x.te() + 1 && v.word(x.te()).equals("/") && !related(x, y, subsidiaries)) {
                emit.fact(v, Relation.PARTNER_OF, x, y, null, "partner/slash", 0.85, false);
            }
        }
        SentenceView.Arg anchor = anchor(v, cos, cue);
        if (anchor == null && issuer >= 0) {
            anchor = new SentenceView.Arg(issuer, EntityType.COMPANY, cue, cue + 1, v.sentence.tokens().get(cue).begin(),
                    v.sentence.tokens().get(cue).end(), null, "issuer", 0.7, true, false);
        }
        if (anchor == null) return;
        for (SentenceView.Arg a : cos) {
            if (a.entity() == anchor.entity() || related(anchor, a, subsidiaries) || isParentInApposition(a, subsidiaries, cos)) continue;
            double conf = a.tb() > cue ? 0.85 : 0.7;
            emit.fact(v, Relation.PARTNER_OF, anchor, a, null, "partner/anchored", conf, false);
        }
    }

    /** The possessor of the cue, the pronoun's referent, or the first company of the sentence. */
    private SentenceView.Arg anchor(SentenceView v, List<SentenceView.Arg> cos, int cue) {
        for (int i = cue - 1; i >= Math.max(0, cue - 4); i--) {
            if (v.word(i).matches("'s|’s|'|’")) {
                for (SentenceView.Arg a : cos) if (a.te() == i) return a;
            }
            for (SentenceView.Arg a : cos) if (a.anaphor() && a.tb() <= i && i < a.te()) return a;
        }
        List<SentenceView.Arg> before = new ArrayList<>();
        for (SentenceView.Arg a : cos) if (a.tb() < cue) before.add(a);
        if (!before.isEmpty()) return before.get(0);
        return null;
    }

    private static boolean related(SentenceView.Arg x, SentenceView.Arg y, List<int[]> subsidiaries) {
        for (int[] p : subsidiaries) {
            if (p[0] == x.entity() && p[1] == y.entity() || p[0] == y.entity() && p[1] == x.entity()) return true;
        }
        return false;
    }

    /**
     * "Genentech, a member of the Roche Group", "Agensys, Inc., an affiliate of Astellas": the company is named as
     * the parent of one named before it (a subsidiary pair of the sentence), not as a party of its own.
     */
    static boolean isParentInApposition(SentenceView.Arg a, List<int[]> subsidiaries, List<SentenceView.Arg> cos) {
        for (int[] p : subsidiaries) {
            if (p[1] != a.entity()) continue;
            for (SentenceView.Arg c : cos) if (c.entity() == p[0] && c.tb() < a.tb()) return true;
        }
        return false;
    }
}
