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
                if (!toks.get(p).word().matches("'s|’s|'|’")) continue;
                int e = p, b = e;
                while (b > 0 && isNameWord(toks.get(b - 1)) && e - b < 3) b--;
                boolean pronounLike = b < e && toks.get(e - 1).word().matches("Company|Group|Corporation|Firm");
                if (b < e && !pronounLike && free(out, b, e)) out.add(make(s, b, e, "company/possessive-before-compound", 0.8));
                break;
            }
        }
        // "Norvalis' wholly owned subsidiary", "Astrion's collaboration with …": a possessive before a business noun
        for (int p = 1; p < toks.size(); p++) {
            if (!toks.get(p).word().matches("'s|’s|'|’")) continue;
            boolean business = false;
            for (int q = p + 1; q < Math.min(toks.size(), p + 4); q++) {
                if (toks.get(q).word().matches("(?i)subsidiar(y|ies)|partners?|partnership|collaborations?|alliance|agreement|licen[cs]e|affiliates?|unit|division|pipeline|compounds?|drugs?|ADCs?|candidates?|acquisition|shareholders?")) business = true;
            }
            if (!business) continue;
            int e = p, b = e;
            // a person has no subsidiary: CoreNLP's PERSON tag does not count against the name here
            while (b > 0 && isCapitalNoun(toks.get(b - 1)) && e - b < 3) b--;
            boolean pronounLike = b < e && toks.get(e - 1).word().matches("Company|Group|Corporation|Firm");
            if (b < e && !pronounLike && free(out, b, e)) out.add(make(s, b, e, "company/possessive-business", 0.75));
        }
        // "the Novartis/Array co-development agreement"
        for (Mention m : List.copyOf(out)) {
            if (m.type() != EntityType.COMPANY || m.tokEnd() + 1 >= toks.size()) continue;
            Token slash = toks.get(m.tokEnd()), next = toks.get(m.tokEnd() + 1);
            if (slash.word().equals("/") && slash.begin() == toks.get(m.tokEnd() - 1).end() && next.begin() == slash.end()
                    && isNameWord(next) && free(out, m.tokEnd() + 1, m.tokEnd() + 2)) {
                out.add(make(s, m.tokEnd() + 1, m.tokEnd() + 2, "company/slash-pair", 0.75));
            }
        }
        // "licensed to TopoTarget", "a collaboration with Zymeworks": a capitalised name after a deal phrase
        for (int p = 1; p < toks.size() - 1; p++) {
            String w = toks.get(p).word().toLowerCase(java.util.Locale.ROOT), before = toks.get(p - 1).word().toLowerCase(java.util.Locale.ROOT);
            boolean cue = w.equals("to") && before.matches("licensed|sublicensed|out-licensed")
                    || w.equals("with") && before.matches("collaboration|partnership|agreement|alliance|deal")
                    || w.equals("by") && before.matches("acquired");
            if (!cue) continue;
            int b = p + 1, e = b;
            while (e < toks.size() && isCapitalNoun(toks.get(e)) && e - b < 3 && !"LOCATION".equals(toks.get(e).ner())) e++;
            if (e > b && free(out, b, e) && !toks.get(b).word().matches("The|Our|Its|FDA|EMA")) {
                out.add(make(s, b, e, "company/after-deal-phrase", 0.7));
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
        return t.pos().startsWith("NN") && Character.isUpperCase(t.word().charAt(0)) && t.word().length() > 1
                && !"PERSON".equals(t.ner()) && !"LOCATION".equals(t.ner());
    }

    private static boolean isCapitalNoun(Token t) {
        return t.pos().startsWith("NN") && Character.isUpperCase(t.word().charAt(0)) && t.word().length() > 1;
    }

    private static boolean free(List<Mention> ms, int b, int e) {
        return ms.stream().noneMatch(m -> m.tokBegin() < e && b < m.tokEnd());
    }

    private static Mention make(Sentence s, int b, int e, String rule, double conf) {
        Token tb = s.tokens().get(b), te = s.tokens().get(e - 1);
        return new Mention(EntityType.COMPANY, s.index(), b, e, tb.begin(), te.end(), s.span(b, e), rule, conf, null, null);
    }
}
