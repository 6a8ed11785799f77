package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pharmakg.ingest.PressRelease;
import org.pharmakg.ingest.Section;
import org.pharmakg.ingest.SectionKind;
import org.pharmakg.nlp.Sentence;
import org.pharmakg.nlp.Token;

/**
 * Builds the {@link SentenceView}s of a document: turns grouped mentions into arguments, resolves
 * anaphors ("this compound", "the drug", "It", "the Company", "we") and marks secondary compounds.
 *
 * <pre>List&lt;SentenceView&gt; views = new ViewBuilder(cues).build(release, sentences, grouped, issuer);</pre>
 */
final class ViewBuilder {
    private final Cues cues;

    ViewBuilder(Cues cues) { this.cues = cues; }

    List<SentenceView> build(PressRelease release, List<Sentence> sentences, EntityGrouper.Result g, int issuer,
                             List<LocalEntity> entities) {
        List<SentenceView> out = new ArrayList<>();
        int lastCompound = -1;
        int lastSection = -1;
        for (Sentence s : sentences) {
            int section = sectionOf(release, s.begin());
            if (section != lastSection) {
                lastCompound = aboutSubject(release, section, entities);
                lastSection = section;
            }
            List<SentenceView.Arg> args = new ArrayList<>();
            for (Mention m : g.mentions().get(s.index())) {
                if (m.type() == EntityType.PHASE) {
                    args.add(new SentenceView.Arg(-1, EntityType.PHASE, m.tokBegin(), m.tokEnd(), m.begin(), m.end(),
                            m.phase(), m.rule(), m.confidence(), false, false));
                } else {
                    Integer e = g.entityOf().get(m);
                    if (e == null) continue;
                    args.add(new SentenceView.Arg(e, m.type(), m.tokBegin(), m.tokEnd(), m.begin(), m.end(), null,
                            m.rule(), m.confidence(), false, false));
                }
            }
            anaphors(s, args, lastCompound, issuer);
            args.sort(Comparator.comparingInt(SentenceView.Arg::tb));
            List<SentenceView.Arg> marked = markSecondary(s, args);
            SentenceView v = new SentenceView(s, marked);
            out.add(v);
            List<SentenceView.Arg> primaries = v.primaryCompounds();
            if (!primaries.isEmpty()) lastCompound = primaries.get(0).entity();
        }
        return out;
    }

    private static int sectionOf(PressRelease r, int offset) {
        List<Section> ss = r.sections();
        for (int i = 0; i < ss.size(); i++) if (offset >= ss.get(i).start() && offset < ss.get(i).end()) return i;
        return -1;
    }

    /** What an "About X" section is about: its title without "About (the)". */
    static String aboutTitle(Section s) {
        return s.title().replaceFirst("(?i)^about\\s+(the\\s+)?", "").strip();
    }

    /** "About IMGN901": the compound a section is about, the default referent of "the compound". */
    private static int aboutSubject(PressRelease r, int section, List<LocalEntity> entities) {
        if (section < 0) return -1;
        Section s = r.sections().get(section);
        if (s.kind() != SectionKind.ABOUT || s.title() == null) return -1;
        String t = aboutTitle(s);
        for (LocalEntity e : entities) {
            if (e.type() == EntityType.COMPOUND && e.names().stream().anyMatch(n -> n.equalsIgnoreCase(t))) return e.id();
        }
        return -1;
    }

    private void anaphors(Sentence s, List<SentenceView.Arg> args, int lastCompound, int issuer) {
        List<Token> toks = s.tokens();
        for (int i = 0; i < toks.size(); i++) {
            if (covered(args, i)) continue;
            String w = toks.get(i).word();
            String lw = w.toLowerCase(java.util.Locale.ROOT);
            // "this compound", "the drug", "this TAP compound", "the product candidate"
            if ((lw.equals("this") || lw.equals("the")) && i + 1 < toks.size()) {
                int j = i + 1;
                if (j + 1 < toks.size() && toks.get(j).pos().startsWith("NN") && cues.is("anaphor_noun", toks.get(j + 1).word())
                        && !cues.is("anaphor_noun", toks.get(j).word())) j++;
                if (cues.is("anaphor_noun", toks.get(j).word()) && toks.get(j).pos().equals("NN")) {
                    int ref = earlierCompound(args, i, lastCompound);
                    if (ref >= 0) {
                        args.add(anaphor(ref, EntityType.COMPOUND, toks, i, j + 1, "anaphor/compound"));
                    }
                    i = j;
                    continue;
                }
                if (w.equals("the") && toks.get(j).word().equals("Company") && issuer >= 0) {
                    args.add(anaphor(issuer, EntityType.COMPANY, toks, i, j + 1, "anaphor/the-company"));
                    i = j;
                    continue;
                }
            }
            // "It is in Phase I testing"; "…, and it is the first Genentech ADC approved": a compound before it
            if (lw.equals("it") && i + 1 < toks.size() && toks.get(i + 1).pos().matches("VB.*|MD")) {
                int ref = i == 0 ? earlierCompound(args, i, lastCompound) : earlierCompound(args, i, -1);
                if (ref >= 0) args.add(anaphor(ref, EntityType.COMPOUND, toks, i, i + 1, "anaphor/it"));
                continue;
            }
            if ((lw.equals("we") || lw.equals("our")) && issuer >= 0) {
                args.add(anaphor(issuer, EntityType.COMPANY, toks, i, i + 1, "anaphor/we"));
            }
            if (w.equals("The") && i + 1 < toks.size() && toks.get(i + 1).word().equalsIgnoreCase("company") && issuer >= 0
                    && (toks.get(i + 1).word().equals("Company") || i == 0)) {
                args.add(anaphor(issuer, EntityType.COMPANY, toks, i, i + 2, "anaphor/the-company"));
                i++;
            }
        }
    }

    private static boolean covered(List<SentenceView.Arg> args, int tok) {
        return args.stream().anyMatch(a -> a.tb() <= tok && tok < a.te());
    }

    private static int earlierCompound(List<SentenceView.Arg> args, int tok, int lastCompound) {
        return args.stream().filter(a -> a.type() == EntityType.COMPOUND && a.te() <= tok)
                .map(SentenceView.Arg::entity).findFirst().orElse(lastCompound);
    }

    private static SentenceView.Arg anaphor(int entity, EntityType t, List<Token> toks, int b, int e, String rule) {
        return new SentenceView.Arg(entity, t, b, e, toks.get(b).begin(), toks.get(e - 1).end(), null, rule, 0.7, true, false);
    }

    /** A compound after "with", "plus", "versus", "prior … with" another compound is secondary; "and" inherits. */
    private List<SentenceView.Arg> markSecondary(Sentence s, List<SentenceView.Arg> args) {
        List<SentenceView.Arg> out = new ArrayList<>();
        SentenceView.Arg prev = null;
        boolean prevSecondary = false;
        for (SentenceView.Arg a : args) {
            if (a.type() != EntityType.COMPOUND) { out.add(a); continue; }
            boolean secondary = false;
            if (prev != null && prev.entity() != a.entity()) {
                boolean cue = false;
                // the cue governs the compound only when it stands right before it ("plus doxorubicin",
                // "in combination with lenalidomide", "refractory to T-DM1"), not anywhere in between
                for (int i = Math.max(prev.te(), a.tb() - 3); i < a.tb(); i++) {
                    if (cues.is("secondary", s.tokens().get(i).word())) cue = true;
                }
                secondary = cue || prevSecondary && onlyCoordination(s, prev.te(), a.tb());
            } else if (prev != null) {
                secondary = prevSecondary;
            }
            out.add(secondary ? a.asSecondary() : a);
            prev = a;
            prevSecondary = secondary;
        }
        return out;
    }

    private static boolean onlyCoordination(Sentence s, int from, int to) {
        for (int i = from; i < to; i++) {
            String w = s.tokens().get(i).word();
            if (!w.matches("(?i)and|or|,|\\(|\\)|[\u00ae\u2122^]|[A-Z][a-z]{1,4}")) return false;
        }
        return true;
    }
}
