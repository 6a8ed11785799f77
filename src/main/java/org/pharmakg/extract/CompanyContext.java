package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pharmakg.nlp.Sentence;
import org.pharmakg.nlp.Token;

/**
 * Companies that no list and no model knows, found by where they stand: before a possessive and a
 * compound ("Biotest's BT-062") and between companies in a coordination list ("Amgen, Bayer
 * HealthCare, Biotest, Lilly and Sanofi").
 *
 * <pre>List&lt;Mention&gt; all = CompanyContext.complete(sentence, mentions);</pre>
 */
final class CompanyContext {
    private CompanyContext() {}

    static List<Mention> complete(Sentence s, List<Mention> ms) {
        List<Mention> out = new ArrayList<>(ms);
        List<Token> toks = s.tokens();
        // "Biotest's BT-062"
        for (Mention c : ms) {
            if (c.type() != EntityType.COMPOUND) continue;
            for (int p = c.tokBegin() - 1; p >= Math.max(1, c.tokBegin() - 3); p--) {
                if (!toks.get(p).word().matches("'s|’s")) continue;
                int e = p, b = e;
                while (b > 0 && isNameWord(toks.get(b - 1)) && e - b < 3) b--;
                boolean pronounLike = b < e && toks.get(e - 1).word().matches("Company|Group|Corporation|Firm");
                if (b < e && !pronounLike && free(out, b, e)) out.add(make(s, b, e, "company/possessive-before-compound", 0.8));
                break;
            }
        }
        // coordination lists between companies
        out.sort(Comparator.comparingInt(Mention::tokBegin));
        List<Mention> cos = out.stream().filter(m -> m.type() == EntityType.COMPANY).toList();
        for (int k = 0; k + 1 < cos.size(); k++) {
            Mention a = cos.get(k), z = cos.get(k + 1);
            int i = a.tokEnd();
            while (i < z.tokBegin()) {
                if (!toks.get(i).word().matches(",|and")) break;
                int b = i + 1, e = b;
                while (e < z.tokBegin() && isNameWord(toks.get(e)) && e - b < 3) e++;
                if (e == b) break;
                if (free(out, b, e) && (e == z.tokBegin() || toks.get(e).word().matches(",|and"))) {
                    out.add(make(s, b, e, "company/coordination", 0.75));
                }
                i = e;
            }
        }
        out.sort(Comparator.comparingInt(Mention::tokBegin));
        return out;
    }

    private static boolean isNameWord(Token t) {
        return t.pos().startsWith("NNP") && Character.isUpperCase(t.word().charAt(0)) && t.word().length() > 1
                && !"PERSON".equals(t.ner()) && !"LOCATION".equals(t.ner());
    }

    private static boolean free(List<Mention> ms, int b, int e) {
        return ms.stream().noneMatch(m -> m.tokBegin() < e && b < m.tokEnd());
    }

    private static Mention make(Sentence s, int b, int e, String rule, double conf) {
        Token tb = s.tokens().get(b), te = s.tokens().get(e - 1);
        return new Mention(EntityType.COMPANY, s.index(), b, e, tb.begin(), te.end(), s.span(b, e), rule, conf, null, null);
    }
}
