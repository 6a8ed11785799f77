package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pharmakg.nlp.AnnotatedDocument;
import org.pharmakg.nlp.Sentence;
import org.pharmakg.nlp.Token;

/**
 * Turns a document's mentions into entities: parenthetical and appositive aliases ("trastuzumab
 * emtansine (T-DM1)", "Kadcyla (ado-trastuzumab emtansine)", "X, formerly Y"), abbreviations defined
 * in the text ("small-cell lung cancer (SCLC)"), names propagated to every place the document repeats
 * them, short company names ("Array" for Array BioPharma), and one entity per real thing.
 *
 * <pre>EntityGrouper.Result r = new EntityGrouper(lexicon).group(doc, mentionsPerSentence);</pre>
 */
public final class EntityGrouper {
    /** The entities and, for each sentence, its mentions with the entity each belongs to. */
    public record Result(List<LocalEntity> entities, List<List<Mention>> mentions, Map<Mention, Integer> entityOf) {}

    private static final Pattern MARK = Pattern.compile("[\u00ae\u2122^*]|\\(R\\)|\\(TM\\)");
    private static final Set<String> COMMON_FIRST_WORDS = Set.of("the", "new", "american", "general", "first", "national",
            "global", "international", "united", "north", "south", "east", "west", "royal", "central", "pacific",
            "advanced", "applied", "bio", "life", "health", "medical", "clinical", "eli", "merck", "morgan", "jefferies");
    private static final Pattern STOCK = Pattern.compile("(?i)nasdaq|nyse|amex|tse|six|otcqx|lse|euronext|asx|tsx|hkex|krx|otc|nyse american");

    private final Lexicon lexicon;

    public EntityGrouper(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Result group(AnnotatedDocument doc, List<List<Mention>> found) {
        List<List<Mention>> ms = new ArrayList<>();
        for (List<Mention> l : found) ms.add(new ArrayList<>(l));
        UnionFind<Mention> uf = new UnionFind<>();
        Map<Mention, Set<String>> extraNames = new HashMap<>();
        Map<Mention, String> tickers = new HashMap<>();
        List<Sentence> sentences = doc.sentences();
        for (int si = 0; si < sentences.size(); si++) {
            parentheses(sentences.get(si), ms.get(si), uf, extraNames, tickers);
        }
        propagate(sentences, ms, uf);
        // same type and key, or the same lexicon entry: one entity
        Map<String, Mention> byKey = new HashMap<>();
        for (List<Mention> l : ms) {
            for (Mention m : l) {
                if (m.type() == EntityType.PHASE) continue;
                uf.add(m);
                for (String k : keys(m)) {
                    Mention prev = byKey.putIfAbsent(k, m);
                    if (prev != null) uf.union(prev, m);
                }
            }
        }
        mergeTargetsByPrefix(ms, uf);
        mergeCompanyShortNames(ms, uf);
        return build(ms, uf, extraNames, tickers);
    }

    private List<String> keys(Mention m) {
        List<String> ks = new ArrayList<>();
        String t = m.type().name() + ":";
        if (m.entry() != null) ks.add(t + "lex:" + m.entry().label());
        Lexicon.Entry e = lexicon.lookup(m.type(), m.text());
        if (e != null) ks.add(t + "lex:" + e.label());
        String name = m.type() == EntityType.INDICATION ? Indications.core(m.text()) : m.text();
        String k = Names.typedKey(m.type(), name);
        boolean generic = m.type() == EntityType.INDICATION && !Indications.isSpecific(name);
        if (!k.isEmpty() && !generic) ks.add(t + k);
        return ks;
    }

    private void parentheses(Sentence s, List<Mention> ms, UnionFind<Mention> uf, Map<Mention, Set<String>> extra,
                             Map<Mention, String> tickers) {
        List<Token> toks = s.tokens();
        for (Mention m : new ArrayList<>(ms)) {
            if (m.type() == EntityType.PHASE) continue;
            int i = m.tokEnd();
            while (i < toks.size() && MARK.matcher(toks.get(i).word()).matches()) i++;
            if (i >= toks.size() || !toks.get(i).word().equals("(")) continue;
            int close = -1;
            for (int j = i + 1; j < Math.min(toks.size(), i + 16); j++) {
                if (toks.get(j).word().equals(")")) { close = j; break; }
                if (toks.get(j).word().equals("(")) break;
            }
            if (close < 0 || close == i + 1) continue;
            // "(Nasdaq: IMGN)": a ticker, not an alias
            if (m.type() == EntityType.COMPANY && close - i >= 3 && STOCK.matcher(toks.get(i + 1).word()).matches()) {
                tickers.put(m, s.span(i + 1, close).replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
                continue;
            }
            // split the content at ',', ';' and 'or'
            int start = i + 1;
            for (int j = i + 1; j <= close; j++) {
                String w = toks.get(j).word();
                if (j == close || w.equals(",") || w.equals(";") || w.equalsIgnoreCase("or")) {
                    if (j > start) aliasPart(s, ms, m, start, j, uf, extra);
                    start = j + 1;
                }
            }
        }
        appositions(s, ms, uf);
    }

    private void aliasPart(Sentence s, List<Mention> ms, Mention m, int b, int e, UnionFind<Mention> uf,
                           Map<Mention, Set<String>> extra) {
        for (Mention o : ms) {
            if (o.tokBegin() == b && o.tokEnd() == e) {
                if (o.type() == m.type()) uf.union(m, o);
                return;
            }
            if (o.tokBegin() < e && b < o.tokEnd() && o.type() != m.type()) {
                // "MILO (MEK Inhibitor in Low Grade Serous Ovarian Cancer)": an expansion of a short name
                if (Abbreviations.abbreviates(m.text(), s.span(b, e)) && Names.isShortAbbreviation(m.text())) {
                    extra.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(s.span(b, e));
                }
                return;
            }
        }
        String text = s.span(b, e);
        boolean codeLike = m.type() == EntityType.COMPOUND && text.matches("[A-Za-z]{1,6}-?[0-9]{1,7}[A-Za-z0-9-]*");
        // "The United Laboratories International Holdings Limited (TUL)": the article counts in the short form
        String longForm = m.type() == EntityType.COMPANY && m.tokBegin() > 0
                && s.tokens().get(m.tokBegin() - 1).word().equals("The") ? "The " + m.text() : m.text();
        boolean abbrev = e - b == 1 && Abbreviations.looksShort(text) && Abbreviations.abbreviates(text, longForm);
        boolean clipped = e - b == 1 && text.length() >= 3 && Character.isUpperCase(text.charAt(0))
                && m.text().toLowerCase(Locale.ROOT).startsWith(text.toLowerCase(Locale.ROOT));
        if (codeLike || abbrev || clipped) {
            Token tb = s.tokens().get(b), te = s.tokens().get(e - 1);
            Mention alias = new Mention(m.type(), s.index(), b, e, tb.begin(), te.end(), text, "alias/parenthesis",
                    Math.min(m.confidence(), 0.85), m.entry(), null);
            ms.add(alias);
            ms.sort(Comparator.comparingInt(Mention::tokBegin));
            uf.union(m, alias);
        } else if (m.type() == EntityType.TRIAL || Names.isShortAbbreviation(m.text())) {
            if (Abbreviations.abbreviates(m.text(), text)) extra.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(text);
        }
    }

    /** "X, also known as Y", "X, formerly Y", "X (formerly Y)". */
    private static void appositions(Sentence s, List<Mention> ms, UnionFind<Mention> uf) {
        for (int a = 0; a < ms.size(); a++) {
            for (int b = a + 1; b < ms.size(); b++) {
                Mention x = ms.get(a), y = ms.get(b);
                if (x.type() != y.type() || y.tokBegin() <= x.tokEnd()) continue;
                String between = s.span(x.tokEnd(), y.tokBegin()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
                if (between.matches("[,(]? ?(also known as|also called|formerly known as|formerly|previously known as|previously|now known as|known as|aka)( the)?")) {
                    uf.union(x, y);
                }
            }
        }
    }

    /** Repeats every confident name wherever the document uses it again, and short company names. */
    private void propagate(List<Sentence> sentences, List<List<Mention>> ms, UnionFind<Mention> uf) {
        Map<String, Mention> surfaces = new LinkedHashMap<>();
        for (List<Mention> l : ms) {
            for (Mention m : l) {
                if (m.type() == EntityType.PHASE || m.confidence() < 0.75 && !m.rule().startsWith("ner/")) continue;
                if (m.type() == EntityType.INDICATION && !Indications.isSpecific(m.text())) continue;
                surfaces.putIfAbsent(m.text(), m);
                if (m.type() == EntityType.COMPANY) {
                    String base = Names.companyBase(m.text());
                    surfaces.putIfAbsent(base, m);
                    String first = base.split("\\s+")[0];
                    if (!first.equals(base) && first.length() >= 4 && Character.isUpperCase(first.charAt(0))
                            && !COMMON_FIRST_WORDS.contains(first.toLowerCase(Locale.ROOT))) {
                        surfaces.putIfAbsent(first, m);
                    }
                }
            }
        }
        for (int si = 0; si < sentences.size(); si++) {
            Sentence s = sentences.get(si);
            List<Mention> l = ms.get(si);
            List<Token> toks = s.tokens();
            for (int i = 0; i < toks.size(); i++) {
                for (int j = Math.min(toks.size(), i + 8); j > i; j--) {
                    Mention origin = surfaces.get(s.span(i, j));
                    if (origin == null) continue;
                    final int fi = i, fj = j;
                    if (l.stream().anyMatch(o -> o.tokBegin() < fj && fi < o.tokEnd())) continue;
                    Mention p = new Mention(origin.type(), si, i, j, toks.get(i).begin(), toks.get(j - 1).end(),
                            s.span(i, j), "propagated/" + origin.type().segment(), Math.min(origin.confidence(), 0.8),
                            origin.entry(), null);
                    l.add(p);
                    uf.union(origin, p);
                    i = j - 1;
                    break;
                }
            }
            l.sort(Comparator.comparingInt(Mention::tokBegin));
        }
    }

    /** "Trillium" and "Trillium Therapeutics Inc." in one release are one company (a distinctive first word). */
    private static void mergeCompanyShortNames(List<List<Mention>> ms, UnionFind<Mention> uf) {
        List<Mention> cos = new ArrayList<>();
        for (List<Mention> l : ms) for (Mention m : l) if (m.type() == EntityType.COMPANY) cos.add(m);
        for (Mention a : cos) {
            String t = Names.companyBase(a.text());
            // "Array" for Array BioPharma, "Lev" for Lev Pharmaceuticals, "United Laboratories" for United Laboratories
            // International Holdings Limited
            boolean multiWord = t.contains(" ");
            if (multiWord ? t.length() < 8 : t.length() < 3 || (t.length() == 3 && !t.matches("[A-Z][a-z]{2}"))) continue;
            if (!multiWord && COMMON_FIRST_WORDS.contains(t.toLowerCase(Locale.ROOT))) continue;
            for (Mention b : cos) {
                if (Names.companyBase(b.text()).startsWith(t + " ")) uf.union(b, a);
            }
        }
    }

    /** "folate" (from "folate-targeting") and "folate receptor 1" are one target. */
    private static void mergeTargetsByPrefix(List<List<Mention>> ms, UnionFind<Mention> uf) {
        List<Mention> targets = new ArrayList<>();
        for (List<Mention> l : ms) for (Mention m : l) if (m.type() == EntityType.TARGET) targets.add(m);
        for (Mention a : targets) {
            for (Mention b : targets) {
                String la = a.text().toLowerCase(Locale.ROOT), lb = b.text().toLowerCase(Locale.ROOT);
                if (lb.startsWith(la + " ") && lb.contains("receptor")) uf.union(a, b);
            }
        }
    }

    private Result build(List<List<Mention>> ms, UnionFind<Mention> uf, Map<Mention, Set<String>> extra,
                         Map<Mention, String> tickers) {
        Map<Mention, List<Mention>> groups = new LinkedHashMap<>();
        for (List<Mention> l : ms) {
            for (Mention m : l) {
                if (m.type() != EntityType.PHASE) groups.computeIfAbsent(uf.find(m), k -> new ArrayList<>()).add(m);
            }
        }
        List<LocalEntity> entities = new ArrayList<>();
        Map<Mention, Integer> entityOf = new HashMap<>();
        for (List<Mention> g : groups.values()) {
            EntityType type = g.get(0).type();
            Set<String> names = new LinkedHashSet<>();
            Lexicon.Entry entry = null;
            Map<String, String> ids = new LinkedHashMap<>();
            for (Mention m : g) {
                names.add(clean(m.text()));
                if (type == EntityType.INDICATION) names.add(Indications.core(m.text()));
                if (type == EntityType.COMPANY) names.add(Names.companyBase(clean(m.text())));
                if (entry == null) entry = m.entry() != null ? m.entry() : lexicon.lookup(type, m.text());
                if (extra.containsKey(m)) names.addAll(extra.get(m));
                if (tickers.containsKey(m)) ids.put("ticker", tickers.get(m));
            }
            if (entry != null) {
                ids.putAll(entry.ids());
                ids.remove("kind");
            }
            String label = Canonical.choose(type, names, entry);
            int id = entities.size();
            List<String> ordered = new ArrayList<>();
            ordered.add(label);
            for (String n : names) if (!n.equals(label) && !n.isBlank()) ordered.add(n);
            entities.add(new LocalEntity(id, type, label, ordered, g, ids));
            for (Mention m : g) entityOf.put(m, id);
        }
        return new Result(entities, ms, entityOf);
    }

    static String clean(String s) {
        return MARK.matcher(s).replaceAll("").replaceAll("\\s+", " ").replace(" ,", ",").strip();
    }
}
