package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The relations around a compound, within one sentence:
 * <ul>
 * <li>develops: possessives ("Biotest's BT-062", "its IMGN901"), passive agents ("wholly owned by
 * ImmunoGen", "in global development by Roche"), licences ("licensed to Sanofi"), active verbs
 * ("Sanofi has advanced SAR3419"), "through the Company's collaborations with Biotest and Sanofi
 * (two), respectively", company modifiers ("two additional ImmunoGen compounds — IMGN529 and
 * IMGN853"), trademarks;</li>
 * <li>targets: a target mention with a targeting cue ("CD19-targeting", "directed against CD138",
 * "cells that express CD56", "MEK inhibitor") goes to the compound it describes;</li>
 * <li>indication: a disease named with a compound or trial, unless only as where an antigen is expressed;</li>
 * <li>phase: each stage goes to its nearest compound and to the trials of the sentence, planned when
 * a plan cue governs it ("expected to begin Phase I", "toward Phase II start");</li>
 * <li>evaluates: a named trial and the primary compounds of its sentence.</li>
 * </ul>
 *
 * <pre>new CompoundRules(cues).apply(view, emitter, issuer);</pre>
 */
final class CompoundRules {
    private final Cues cues;

    CompoundRules(Cues cues) { this.cues = cues; }

    /** {@code subsidiaries}: the (member, parent) entity pairs the company shapes found in this sentence. */
    void apply(SentenceView v, RelationExtractor.Emitter emit, List<int[]> subsidiaries, int issuer) {
        develops(v, emit, subsidiaries, issuer);
        targets(v, emit);
        indications(v, emit);
        phases(v, emit);
        evaluates(v, emit);
    }

    // ---- develops -----------------------------------------------------------------------------

    private void develops(SentenceView v, RelationExtractor.Emitter emit, List<int[]> subsidiaries, int issuer) {
        List<SentenceView.Arg> cos = v.args(EntityType.COMPANY);
        List<SentenceView.Arg> cps = v.primaryCompounds();
        if (cps.isEmpty()) return;
        boolean trademark = v.words.contains("trademark");
        for (SentenceView.Arg k : cos) {
            // "Biotest's BT-062", "Genentech's Kadcyla"
            if (v.word(k.te()).matches("'s|’s|'|’")) {
                SentenceView.Arg c = firstCompoundIn(v, cps, k.te() + 1, k.te() + 5);
                if (c != null) emit.fact(v, Relation.DEVELOPS, k, c, null, "develops/possessive", 0.9, false);
                // "ARO-AAT, Arrowhead's second-generation investigational RNAi therapeutic"
                SentenceView.Arg before = lastBefore(cps, k.tb());
                if (c == null && before != null && before.te() >= k.tb() - 2 && v.word(k.tb() - 1).equals(",")
                        && v.anyCue(cues, "compound_noun", k.te() + 1, k.te() + 9)) {
                    emit.fact(v, Relation.DEVELOPS, k, before, null, "develops/possessive-apposition", 0.8, false);
                }
            }
            // "… developed by Bayer HealthCare", "wholly owned by ImmunoGen", "in global development by Roche"
            if (k.tb() > 0 && v.word(k.tb() - 1).equals("by") && v.anyCue(cues, "passive_cue", k.tb() - 5, k.tb() - 1)) {
                SentenceView.Arg c = cps.get(0).te() <= k.tb() ? cps.get(0) : null; // the sentence's subject compound
                if (c != null) emit.fact(v, Relation.DEVELOPS, k, c, null, "develops/passive-agent", 0.9, false);
            }
            // "licensed worldwide rights to develop and commercialize the drug to Novartis"
            if (k.tb() > 0 && v.word(k.tb() - 1).equals("to")) {
                for (int i = k.tb() - 2; i >= Math.max(0, k.tb() - 14); i--) {
                    if (cues.is("license_out", v.word(i))) {
                        SentenceView.Arg c = lastBefore(cps, k.tb());
                        if (c != null) emit.fact(v, Relation.DEVELOPS, k, c, null, "develops/licensed-to", 0.85, false);
                        break;
                    }
                }
            }
            // "Sanofi has advanced SAR3419", "Roche is evaluating trastuzumab emtansine", "Array invented MEK162"
            if ((!k.anaphor() || k.rule().equals("anaphor/the-company")) && isSubject(v, k)) activeVerb(v, emit, k, cos, cps);
            // "two additional ImmunoGen compounds — IMGN529 and IMGN853"; "IMGN901 — Wholly owned ImmunoGen TAP compound"
            companyModifier(v, emit, k, cps);
            // "Kadcyla is a trademark of Genentech"
            if (trademark && k.tb() > 0 && v.word(k.tb() - 1).equals("of")) {
                for (SentenceView.Arg c : cps) if (c.te() <= k.tb()) emit.fact(v, Relation.DEVELOPS, k, c, null, "develops/trademark", 0.6, false);
            }
        }
        // "its IMGN901 product candidate", "our IMGN901 compound"
        for (SentenceView.Arg c : cps) {
            for (int i = c.tb() - 1; i >= Math.max(0, c.tb() - 3); i--) {
                String w = v.word(i);
                if (w.equals("its") || w.equals("our") || w.equals("their")) {
                    SentenceView.Arg owner = w.equals("our") ? issuerArg(v, issuer, i) : lastBefore(cos, i);
                    if (owner == null && w.equals("its")) owner = issuerArg(v, issuer, i);
                    if (owner != null) emit.fact(v, Relation.DEVELOPS, owner, c, null, "develops/pronoun-possessive", 0.8, false);
                    break;
                }
                if (!v.sentence.tokens().get(i).pos().matches("JJ.*|NN.*|VBN")) break;
            }
        }
        throughCollaboration(v, emit, cos, cps);
        issuerAnnounces(v, emit, cos, cps, subsidiaries, issuer);
        inCollaborationWith(v, emit, cos, cps);
        licensee(v, emit, cos, cps);
    }

    /**
     * Developer from context: "Celldex Therapeutics, Inc. today announced that it has completed accrual
     * of the EMERGE study … evaluating CDX-011" — the issuer announcing news of a compound, with no other
     * company in the sentence, develops it.
     */
    private void issuerAnnounces(SentenceView v, RelationExtractor.Emitter emit, List<SentenceView.Arg> cos,
                                 List<SentenceView.Arg> cps, List<int[]> subsidiaries, int issuer) {
        if (issuer < 0) {
            coAnnouncers(v, emit, cos, cps);
            developedUnderAgreementBetween(v, emit, cos, cps, subsidiaries);
            return;
        }
        SentenceView.Arg subject = null;
        for (SentenceView.Arg k : cos) {
            if (k.entity() != issuer) {
                coAnnouncers(v, emit, cos, cps);
                developedUnderAgreementBetween(v, emit, cos, cps, subsidiaries);
                return; // another company in the sentence: only co-announcers, below
            }
            if (subject == null) subject = k;
        }
        if (subject == null) return;
        developedUnderAgreementBetween(v, emit, cos, cps, subsidiaries);
        int announce = -1;
        for (int i = subject.te(); i < Math.min(v.size(), subject.te() + 12); i++) {
            if (v.word(i).matches("announced|announces|announce|reported|reports|presented|presents|unveiled")) { announce = i; break; }
        }
        if (announce < 0) return;
        for (SentenceView.Arg c : cps) {
            if (c.tb() > announce) emit.fact(v, Relation.DEVELOPS, subject, c, null, "develops/issuer-announces", 0.6, false);
        }
    }

    /**
     * "Astellas Pharma Inc. and Seattle Genetics, Inc. today announced that the first patient has been
     * dosed in a phase 1 trial of ASG-22ME": every company of the announcing subject develops it.
     */
    private void coAnnouncers(SentenceView v, RelationExtractor.Emitter emit, List<SentenceView.Arg> cos, List<SentenceView.Arg> cps) {
        int announce = -1;
        for (int i = 0; i < v.size(); i++) if (v.word(i).matches("announced|announce|announces|reported|report")) { announce = i; break; }
        if (announce < 0 || !v.words.subList(announce, v.size()).stream().anyMatch(w -> w.matches("trial|study|dosed|phase|enrolled|enrollment|data|results|approval|approved|initiated|initiation"))) return;
        List<SentenceView.Arg> subjects = new ArrayList<>();
        for (SentenceView.Arg k : cos) {
            if (k.tb() < announce && !k.anaphor()) subjects.add(k);
            else if (k.tb() > announce) return; // a company after the verb: its role is stated there
        }
        if (subjects.size() < 2) return;
        for (int j = 1; j < subjects.size(); j++) {
            int gapStart = subjects.get(j - 1).te(), gapEnd = subjects.get(j).tb();
            boolean coordinated = false;
            for (int g = gapStart; g < gapEnd; g++) if (v.word(g).equals("and")) coordinated = true;
            if (!coordinated) return;
        }
        for (SentenceView.Arg c : cps) {
            if (c.tb() <= announce) continue;
            for (SentenceView.Arg k : subjects) emit.fact(v, Relation.DEVELOPS, k, c, null, "develops/co-announcers", 0.65, false);
        }
    }

    /** "ASG-22ME is being jointly developed under a collaboration between Agensys, … and Seattle Genetics". */
    private void developedUnderAgreementBetween(SentenceView v, RelationExtractor.Emitter emit, List<SentenceView.Arg> cos,
                                                List<SentenceView.Arg> cps, List<int[]> subsidiaries) {
        int between = v.words.indexOf("between");
        if (between < 0 || cps.isEmpty() || !v.anyCue(cues, "passive_cue", between - 7, between)) return;
        SentenceView.Arg c = lastBefore(cps, between);
        if (c == null) return;
        for (SentenceView.Arg k : cos) {
            if (k.tb() > between && !PartnerRules.isParentInApposition(k, subsidiaries, cos)) {
                emit.fact(v, Relation.DEVELOPS, k, c, null, "develops/under-agreement-between", 0.75, false);
            }
        }
    }

    /** "advancing enfortumab vedotin, in collaboration with Astellas": the partner develops it too. */
    private void inCollaborationWith(SentenceView v, RelationExtractor.Emitter emit, List<SentenceView.Arg> cos,
                                     List<SentenceView.Arg> cps) {
        for (SentenceView.Arg k : cos) {
            int b = k.tb();
            if (b < 3 || !v.word(b - 1).equals("with") || !v.word(b - 3).matches("in|together|jointly")) continue;
            if (!v.word(b - 2).matches("collaboration|partnership|conjunction|alliance|cooperation|co-development")) continue;
            SentenceView.Arg c = lastBefore(cps, b);
            if (c != null && v.clause(c.tb()) == v.clause(b)) {
                emit.fact(v, Relation.DEVELOPS, k, c, null, "develops/in-collaboration-with", 0.75, false);
            }
        }
    }

    /** "Genmab granted Janssen Biotech, Inc. an exclusive worldwide license to develop … daratumumab". */
    private void licensee(SentenceView v, RelationExtractor.Emitter emit, List<SentenceView.Arg> cos, List<SentenceView.Arg> cps) {
        for (SentenceView.Arg k : cos) {
            if (k.tb() < 1 || !v.word(k.tb() - 1).matches("granted|grants|gave|gives|awarded|provided")) continue;
            boolean licence = false;
            for (int i = k.te(); i < Math.min(v.size(), k.te() + 8); i++) if (v.word(i).matches("licen[cs]es?|rights|option")) licence = true;
            if (!licence) continue;
            SentenceView.Arg c = v.nearest(cps, k.tb(), k.te());
            if (c != null) emit.fact(v, Relation.DEVELOPS, k, c, null, "develops/licensee", 0.8, false);
        }
    }

    /** A company named as a sentence's subject, not inside "of the Roche Group" or "with Genentech". */
    private static boolean isSubject(SentenceView v, SentenceView.Arg k) {
        int i = k.tb() - 1;
        if (v.word(i).equals("the")) i--;
        if (v.word(i).matches("and|,")) {
            // "Seattle Genetics and Takeda are jointly developing": coordinated with a subject
            for (SentenceView.Arg o : v.args(EntityType.COMPANY)) if (o.te() == i && o != k) return isSubject(v, o);
            // "…, and Takeda will co-develop": a conjunction opening a clause
            return v.word(i).equals("and") && (i == 0 || v.word(i - 1).matches(",|;"));
        }
        return !v.word(i).matches("of|with|by|from|to|between|for|/|at|in|on|under|through|than");
    }

    private void activeVerb(SentenceView v, RelationExtractor.Emitter emit, SentenceView.Arg k, List<SentenceView.Arg> cos,
                            List<SentenceView.Arg> cps) {
        int verb = -1;
        int depth = 0;
        for (int i = k.te(); i < Math.min(v.size(), k.te() + 14); i++) {
            String w = v.word(i);
            if (w.equals("(")) depth++;
            if (w.equals(")")) depth--;
            if (depth > 0) continue;
            if (w.equals(";")) return;
            if (v.companyBetween(i, i + 1)) {
                // "Seattle Genetics and Takeda are jointly developing": a coordinated subject shares the verb
                if (v.word(i - 1).matches("and|,|&")) continue;
                return;
            }
            if (cues.is("develop_verb", w) && v.sentence.tokens().get(i).pos().startsWith("VB")) { verb = i; break; }
        }
        if (verb < 0) return;
        // "Junshi has granted Coherus options to JS006 (…) and JS018-1": a licensor grants rights in what it owns,
        // to a licensee named between, and in every compound of the list
        boolean grant = cues.is("license_out", v.word(verb));
        SentenceView.Arg prev = null;
        for (SentenceView.Arg c : cps) {
            if (c.tb() <= verb || c.tb() > verb + 22) continue;
            if (!grant && v.companyBetween(verb, c.tb()) || v.clause(c.tb()) != v.clause(verb)) break;
            if (prev != null && !coordinated(v, prev, c)) break;
            emit.fact(v, Relation.DEVELOPS, k, c, null, "develops/active-verb", 0.8, false);
            if (!grant) break;
            prev = c;
        }
    }

    /** Only "and", commas and bracketed asides between two compounds: "JS006 (an anti-TIGIT antibody) and JS018-1". */
    private static boolean coordinated(SentenceView v, SentenceView.Arg a, SentenceView.Arg b) {
        int depth = 0;
        for (int i = a.te(); i < b.tb(); i++) {
            String w = v.word(i);
            if (w.equals("(")) depth++;
            else if (w.equals(")")) depth--;
            else if (depth == 0 && !w.matches(",|and|as|well|or")) return false;
        }
        return true;
    }

    private void companyModifier(SentenceView v, RelationExtractor.Emitter emit, SentenceView.Arg k, List<SentenceView.Arg> cps) {
        if (k.anaphor()) return;
        int j = k.te();
        while (j < Math.min(v.size(), k.te() + 2) && !cues.is("compound_noun", v.word(j))) j++;
        if (j >= v.size() || !cues.is("compound_noun", v.word(j))) return;
        // a list after a dash or colon
        int after = j + 1;
        if (v.word(after).matches("—|–|-|:|--")) {
            for (SentenceView.Arg c : cps) {
                if (c.tb() > after && c.tb() <= after + 8) emit.fact(v, Relation.DEVELOPS, k, c, null, "develops/company-modifier", 0.75, false);
            }
            return;
        }
        // the compound this sentence is about, in apposition before: "IMGN901 — Wholly owned ImmunoGen TAP compound"
        SentenceView.Arg c = cps.isEmpty() ? null : cps.get(0);
        if (c == null || c.te() > k.tb()) return;
        for (int i = c.te(); i < k.tb(); i++) {
            String w = v.word(i);
            final int at = i;
            boolean alias = v.args.stream().anyMatch(a -> a.entity() == c.entity() && a.tb() <= at && at < a.te());
            if (!(alias || w.matches("—|–|-|--|:|,|\\(|\\)|wholly|owned|wholly-owned|a|an|the|our|its|first|lead|proprietary|is|investigational|novel"))) return;
        }
        emit.fact(v, Relation.DEVELOPS, k, c, null, "develops/company-modifier", 0.75, false);
    }

    /** "…BT-062, SAR650984 and SAR566658 continue to progress through the Company's collaborations with Biotest and Sanofi (two), respectively." */
    private void throughCollaboration(SentenceView v, RelationExtractor.Emitter emit, List<SentenceView.Arg> cos,
                                      List<SentenceView.Arg> cps) {
        int through = v.words.indexOf("through");
        if (through < 0) return;
        int with = -1;
        for (int i = through + 1; i < Math.min(v.size(), through + 6); i++) {
            if (cues.is("partner", v.word(i)) && v.word(i + 1).equals("with")) { with = i + 1; break; }
        }
        if (with < 0) return;
        List<SentenceView.Arg> partners = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (SentenceView.Arg k : cos) {
            if (k.tb() <= with || k.anaphor()) continue;
            if (partners.stream().anyMatch(p -> p.entity() == k.entity())) continue;
            partners.add(k);
            weights.add(v.word(k.te()).equals("(") ? count(v.word(k.te() + 1)) : 1);
        }
        List<SentenceView.Arg> compounds = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (SentenceView.Arg c : cps) if (c.te() <= through && seen.add(c.entity())) compounds.add(c);
        if (partners.isEmpty() || compounds.isEmpty()) return;
        boolean respectively = v.words.contains("respectively");
        if (respectively && weights.stream().mapToInt(Integer::intValue).sum() == compounds.size()) {
            int ci = 0;
            for (int p = 0; p < partners.size(); p++) {
                for (int n = 0; n < weights.get(p); n++) {
                    emit.fact(v, Relation.DEVELOPS, partners.get(p), compounds.get(ci++), null, "develops/through-collaboration-respectively", 0.8, false);
                }
            }
        } else if (!respectively) {
            for (SentenceView.Arg p : partners) {
                for (SentenceView.Arg c : compounds) emit.fact(v, Relation.DEVELOPS, p, c, null, "develops/through-collaboration", 0.75, false);
            }
        }
    }

    private static int count(String w) {
        return switch (w) {
            case "two", "2" -> 2;
            case "three", "3" -> 3;
            case "four", "4" -> 4;
            default -> 1;
        };
    }

    private static SentenceView.Arg issuerArg(SentenceView v, int issuer, int tok) {
        if (issuer < 0) return null;
        var t = v.sentence.tokens().get(tok);
        return new SentenceView.Arg(issuer, EntityType.COMPANY, tok, tok + 1, t.begin(), t.end(), null, "issuer", 0.85, true, false);
    }

    private static SentenceView.Arg firstCompoundIn(SentenceView v, List<SentenceView.Arg> cps, int from, int to) {
        for (SentenceView.Arg c : cps) {
            if (c.tb() >= from && c.tb() <= to) {
                return v.companyBetween(from, c.tb()) ? null : c;
            }
        }
        return null;
    }

    /** The last of the arguments (in text order) that ends at or before the token. */
    private static SentenceView.Arg lastBefore(List<SentenceView.Arg> args, int tok) {
        SentenceView.Arg found = null;
        for (SentenceView.Arg a : args) if (a.te() <= tok) found = a;
        return found;
    }

    // ---- targets ------------------------------------------------------------------------------

    private void targets(SentenceView v, RelationExtractor.Emitter emit) {
        List<SentenceView.Arg> cps = v.primaryCompounds();
        List<SentenceView.Arg> all = v.args(EntityType.COMPOUND);
        if (all.isEmpty()) return;
        for (SentenceView.Arg t : v.args(EntityType.TARGET)) {
            String why = targetCue(v, t);
            if (why == null) continue;
            double conf = why.equals("marker") ? 0.6 : 0.85;
            SentenceView.Arg c;
            SentenceView.Arg bracketed = compoundBeforeBracket(v, all, t);
            SentenceView.Arg anyBefore = lastBefore(all, t.tb());
            if (bracketed != null) {
                c = bracketed; // "ivonescimab (PD-1/VEGF)", "JS006 (an anti-TIGIT antibody)"
            } else if (v.word(t.te()).equals("antigen") && v.word(t.te() + 1).equals("targeted") && v.word(t.te() + 2).equals("by")) {
                c = firstCompoundIn(v, all, t.te() + 3, t.te() + 4);
            } else if (anyBefore != null && t.tb() - anyBefore.te() <= 3 && v.word(anyBefore.te()).equals(",")) {
                c = anyBefore; // "in combination with MEDI4736, an anti-PD-L1 antibody": the apposition's own compound
            } else {
                c = lastBefore(cps.isEmpty() ? all : cps, t.tb());
                if (c == null) c = v.nearest(cps.isEmpty() ? all : cps, t.tb(), t.te());
            }
            if (c != null) emit.fact(v, Relation.TARGETS, c, t, null, "targets/" + why, conf, false);
            // "the HER2-targeting antibody, trastuzumab": the antibody named in apposition also targets it
            for (SentenceView.Arg a : all) {
                if (c != null && a.entity() != c.entity() && a.tb() > t.te() && a.tb() <= t.te() + 4
                        && !v.words.subList(t.te(), a.tb()).stream().anyMatch(w -> w.matches("\\)|and|or|;|as|with|plus"))) {
                    emit.fact(v, Relation.TARGETS, a, t, null, "targets/apposition", 0.7, false);
                }
            }
        }
    }

    /** The compound whose bracket holds the target: "ivonescimab (PD-1/VEGF, AK112)", "JS006 (an anti-TIGIT antibody)". */
    private static SentenceView.Arg compoundBeforeBracket(SentenceView v, List<SentenceView.Arg> compounds, SentenceView.Arg t) {
        for (int i = t.tb() - 1; i >= Math.max(0, t.tb() - 6); i--) {
            String w = v.word(i);
            if (w.equals(")")) return null;
            if (w.equals("(")) {
                int j = i - 1;
                while (j >= 0 && v.word(j).matches("[\u00ae\u2122^*]|tm")) j--;
                for (SentenceView.Arg c : compounds) if (c.te() == j + 1) return c;
                return null;
            }
        }
        return null;
    }

    /** Why a target mention is a target of something: its rule, its own suffix, or the words around it. */
    private String targetCue(SentenceView v, SentenceView.Arg t) {
        String r = t.rule();
        if (r.endsWith("x-positive")) return "marker";
        if (compoundBeforeBracket(v, v.args(EntityType.COMPOUND), t) != null) return "bracket";
        if (r.startsWith("target/") && !r.endsWith("cd-antigen")) return r.substring("target/".length());
        String token = v.sentence.tokens().get(t.tb()).word().toLowerCase(java.util.Locale.ROOT);
        if (token.matches(".*-(targeting|targeted|directed|binding|specific)")) return "x-targeting";
        // "B-cell maturation antigen (BCMA)-directed": the hyphenated cue after the bracket of an alias
        if ((v.word(t.te()) + v.word(t.te() + 1) + v.word(t.te() + 2)).matches("\\)?-(targeting|targeted|directed|binding).*")) return "x-targeting";
        for (int i = Math.max(0, t.tb() - 3); i < t.tb(); i++) {
            if (cues.is("target_cue", v.word(i)) || cues.is("expression", v.word(i))) return "context";
        }
        if (v.word(t.te()).matches("inhibitors?|antagonists?|antigen|receptor") || v.word(t.te()).matches("-?targeting")) return "context";
        if (token.matches(".*(\\+|-positive|-expressing)")) return "marker";
        return null;
    }

    // ---- indications --------------------------------------------------------------------------

    private void indications(SentenceView v, RelationExtractor.Emitter emit) {
        List<SentenceView.Arg> ins = v.args(EntityType.INDICATION);
        if (ins.isEmpty()) return;
        List<SentenceView.Arg> cps = v.primaryCompounds();
        List<SentenceView.Arg> trials = v.args(EntityType.TRIAL);
        for (SentenceView.Arg i : ins) {
            if (v.anyCue(cues, "expression", i.tb() - 6, i.tb())) continue; // "over expressed in several cancers"
            if (negated(v, i)) continue; // "melanoma was not among them"
            List<SentenceView.Arg> owners = cps;
            List<SentenceView.Arg> before = cps.stream().filter(c -> c.te() <= i.tb()).toList();
            // "CDX-011 … in advanced breast cancer, and PXD101 (belinostat), an HDAC inhibitor": compounds named
            // before a disease own it; those after it are about something else
            if (!before.isEmpty() && before.size() < cps.size()) owners = before;
            if (distinctEntities(owners) > 1 && distinctEntities(ins) > 1) {
                // "enfortumab vedotin … for urothelial cancer, and tisotumab vedotin … for cervical cancer"
                SentenceView.Arg c = lastBefore(cps, i.tb());
                owners = c == null ? List.of() : List.of(c);
            }
            for (SentenceView.Arg c : owners) {
                emit.fact(v, Relation.INDICATION, c, i, null, "indication/same-sentence", c.tb() < i.tb() ? 0.8 : 0.7, false);
            }
            for (SentenceView.Arg r : trials) {
                emit.fact(v, Relation.INDICATION, r, i, null, "indication/trial", 0.8, false);
            }
        }
        // a secondary compound ("in combination with Rituxan (rituximab) for DLBCL") gets the disease next to it
        for (SentenceView.Arg c : v.args(EntityType.COMPOUND)) {
            if (!c.secondary()) continue;
            for (SentenceView.Arg i : ins) {
                if (i.tb() > c.te() && i.tb() - c.te() <= 8 && v.clause(i.tb()) == v.clause(c.tb())) {
                    emit.fact(v, Relation.INDICATION, c, i, null, "indication/combination", 0.6, false);
                    break;
                }
            }
        }
    }

    private static long distinctEntities(List<SentenceView.Arg> as) {
        return as.stream().map(SentenceView.Arg::entity).distinct().count();
    }

    private static boolean negated(SentenceView v, SentenceView.Arg a) {
        for (int i = Math.max(0, a.tb() - 3); i < Math.min(v.size(), a.te() + 4); i++) {
            if (v.word(i).matches("not|no|never|without|excluding|excluded|n't")) return true;
        }
        return false;
    }

    // ---- phases -------------------------------------------------------------------------------

    private void phases(SentenceView v, RelationExtractor.Emitter emit) {
        List<SentenceView.Arg> ps = v.args(EntityType.PHASE);
        if (ps.isEmpty()) return;
        List<SentenceView.Arg> cps = v.primaryCompounds();
        List<SentenceView.Arg> trials = v.args(EntityType.TRIAL);
        for (SentenceView.Arg p : ps) {
            boolean planned = planned(v, p);
            SentenceView.Arg c = v.nearest(cps, p.tb(), p.te());
            if (c != null) {
                SentenceView.Arg back = v.nearest(ps, c.tb(), c.te());
                if (back == p || SentenceView.distance(c, p.tb(), p.te()) <= 6) {
                    emit.fact(v, Relation.PHASE, c, p, p.phase(), "phase/" + (planned ? "planned" : "stated"), 0.85, planned);
                }
            }
            // a trial is in a numbered phase; approval and filings belong to the compound
            for (SentenceView.Arg r : p.phase().startsWith("phase-") ? trials : List.<SentenceView.Arg>of()) {
                if (v.nearest(ps, r.tb(), r.te()) == p) {
                    emit.fact(v, Relation.PHASE, r, p, p.phase(), "phase/trial", 0.85, planned);
                }
            }
        }
    }

    private static final String STARTS = "(begin|initiat|start|enter|advanc|launch|fil|submit|commenc|appl|seek|mov|progress|reach|proceed|open|dose|dosing).*";

    /** A stage is planned when a plan cue governs it: before it in its clause, or right after it as the verb. */
    private boolean planned(SentenceView v, SentenceView.Arg p) {
        // "seeking approval of", "a BLA for accelerated approval of": an approval asked for, not granted
        if ("approved".equals(p.phase())) {
            for (int i = Math.max(0, p.tb() - 3); i < p.tb(); i++) {
                if (v.word(i).matches("for|seeking|seek|seeks|apply|applying|support|supporting|toward|towards|requesting|request|obtain|no|not|without|any")) return true;
            }
        }
        for (int i = p.tb() - 1; i >= Math.max(0, p.tb() - 8); i--) {
            String w = v.word(i);
            final int at = i;
            // stop at punctuation, or at a compound named well before the stage (its own clause)
            if (w.matches("[,;:]") || at < p.tb() - 3 && v.args.stream().anyMatch(a -> a.type() == EntityType.COMPOUND && !a.anaphor() && a.te() == at + 1)) break;
            if (cues.is("plan", w)) return true;
            if (w.equals("to") && i + 1 < v.size() && cues.is("plan_verb", v.word(i + 1))) return true;
            if (cues.is("plan_verb", w) && v.word(i - 1).equals("to")) return true;
        }
        for (int i = p.te(); i < Math.min(v.size(), p.te() + 9); i++) {
            String w = v.word(i);
            // "Phase 2b development with topline data expected by April": the plan is the data's
            if (w.matches("[,;:]|and|but|which|that|while|with")) break;
            if (w.matches("expected|expects|planned|plans|scheduled|anticipated|intends|intended|track")) return true;
            // "the Phase I study will begin", not "this Phase I clinical study will enroll 22 patients"
            if (w.equals("will") && v.words.subList(i + 1, Math.min(v.size(), i + 4)).stream().anyMatch(x -> x.matches(STARTS))) return true;
        }
        return false;
    }

    // ---- evaluates ----------------------------------------------------------------------------

    private void evaluates(SentenceView v, RelationExtractor.Emitter emit) {
        List<SentenceView.Arg> trials = v.args(EntityType.TRIAL);
        if (trials.isEmpty()) return;
        for (SentenceView.Arg r : trials) {
            for (SentenceView.Arg c : v.primaryCompounds()) {
                emit.fact(v, Relation.EVALUATES, r, c, null, "evaluates/same-sentence", 0.8, false);
            }
        }
    }
}
