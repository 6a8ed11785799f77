package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Disease names: which mentions are specific enough to be an indication, and the core disease a
 * qualified mention names ("HER2-positive metastatic breast cancer" is breast cancer).
 *
 * <pre>Indications.core("extensive disease small-cell lung cancer") // "small-cell lung cancer"</pre>
 */
public final class Indications {
    /** Heads too generic to stand alone: "cancers", "solid tumors", "the disease". */
    private static final Set<String> GENERIC = Set.of("cancer", "cancers", "tumor", "tumors", "tumour", "tumours",
            "carcinoma", "carcinomas", "malignancy", "malignancies", "neoplasm", "neoplasms", "disease", "diseases",
            "disorder", "disorders", "syndrome", "syndromes", "infection", "infections", "indication", "indications",
            "deficiency", "deficiencies", "failure", "dependence", "addiction", "degeneration", "pain", "virus", "viruses",
            "condition", "conditions", "illness", "illnesses", "edema", "oedema", "atrophy", "dystrophy");
    /** Words that qualify a disease without changing which disease it is (guidelines: subtypes are the parent). */
    private static final Set<String> QUALIFIERS = Set.of("metastatic", "advanced", "locally", "relapsed", "refractory",
            "recurrent", "persistent", "resistant", "newly", "diagnosed", "previously", "treated", "pre-treated",
            "pretreated", "untreated", "treatment-naive", "early", "stage", "early-stage", "late-stage", "extensive",
            "disease", "limited", "limited-stage", "extensive-stage", "unresectable", "inoperable", "progressive",
            "aggressive", "first-line", "second-line", "third-line", "later-line", "adult", "pediatric", "paediatric",
            "high-risk", "low-risk", "intermediate-risk", "low-grade", "high-grade", "grade", "low", "high", "serous",
            "mucinous", "endometrioid", "triple-negative", "and", "or", "solid", "other", "several", "certain",
            "heavily", "systemic", "primary", "secondary", "rare", "difficult", "residual", "minimal", "chemotherapy-naive",
            "platinum-resistant", "platinum-sensitive", "castration-resistant", "hormone-refractory", "de", "novo",
            "wild-type", "mutant", "mutated", "positive", "negative", "type", "types", "form", "forms", "of", "the",
            "moderate-to-severe", "mild-to-moderate", "moderately", "complicated", "uncomplicated", "non-metastatic",
            "nonmetastatic", "hormone", "independent", "severe", "mild", "moderate");
    private static final Pattern QUALIFIER_SHAPE = Pattern.compile(
            "(?i:.*-(positive|negative|mutant|mutated|expressing|amplified|resistant|sensitive|refractory|naive|line|stage|grade|risk|driven|deficient|proficient|high|low|rearranged|onset|independent))|[A-Za-z0-9]+[+-]|[A-Z0-9]{2,}(/[A-Z0-9]{2,})*");

    /** Heads that, with only class words before them, name a class of diseases: "a devastating disease". */
    private static final Set<String> CLASS_HEADS = Set.of("disease", "diseases", "disorder", "disorders", "deficiency",
            "deficiencies", "condition", "conditions", "illness", "illnesses", "infection", "infections", "syndrome",
            "syndromes", "cancer", "cancers", "tumor", "tumors", "tumour", "tumours", "malignancy", "malignancies",
            "failure", "neoplasm", "neoplasms", "pathogens", "pathogen", "virus", "viruses");
    private static final Set<String> CLASS_WORDS = classWords();

    private Indications() {}

    private static Set<String> classWords() {
        List<List<String>> rows = Lexicon.readRows("ontology/lexicon/disease-class-words.tsv");
        Set<String> out = new java.util.HashSet<>();
        for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            String w = row.get(0).strip().toLowerCase(Locale.ROOT);
            if (!w.isEmpty()) out.add(w);
        }
        return Set.copyOf(out);
    }

    /**
     * True when the mention names a class of diseases, not one disease: a generic head ("disease",
     * "disorder", "deficiency", "infection", "cancer") with only class words and qualifiers before it
     * ("autoimmune diseases", "serious infectious diseases", "a devastating disease", "blood disorders").
     */
    public static boolean isCategory(String mention) {
        List<String> ws = words(mention.replace("’s", "").replace("'s", ""));
        if (ws.isEmpty() || !CLASS_HEADS.contains(ws.get(ws.size() - 1).toLowerCase(Locale.ROOT))) return false;
        for (String w : ws.subList(0, ws.size() - 1)) {
            String l = w.toLowerCase(Locale.ROOT);
            if (!CLASS_WORDS.contains(l) && !QUALIFIERS.contains(l) && !CLASS_HEADS.contains(l)) return false;
        }
        return true;
    }

    /** True when the mention names a disease rather than "cancers" or "solid tumors" in general. */
    public static boolean isSpecific(String mention) {
        for (String w : words(mention)) {
            String l = w.toLowerCase(Locale.ROOT);
            if (!GENERIC.contains(l) && !QUALIFIERS.contains(l) && !QUALIFIER_SHAPE.matcher(w).matches()) return true;
        }
        // an abbreviation on its own ("SCLC", "MM") is specific; qualifiers and generic heads are not
        return mention.strip().matches("[A-Za-z]{2,8}") && Names.isShortAbbreviation(mention.strip().replaceAll("[a-z]", "X"))
                && !GENERIC.contains(mention.strip().toLowerCase(Locale.ROOT));
    }

    /** The disease without qualifiers, singular, lower case except proper names: the canonical label. */
    public static String core(String mention) {
        List<String> ws = words(mention);
        if (ws.size() == 1 && Names.isShortAbbreviation(ws.get(0).replaceAll("[a-z]", "X")) && ws.get(0).length() <= 8
                && ws.get(0).chars().anyMatch(Character::isUpperCase)) {
            return ws.get(0); // an abbreviation stays as written
        }
        int i = 0;
        while (i < ws.size() - 1 && (QUALIFIERS.contains(ws.get(i).toLowerCase(Locale.ROOT))
                || QUALIFIER_SHAPE.matcher(ws.get(i)).matches()) && !numberedType(ws, i)) {
            i++;
        }
        // "MAC lung disease" is not "lung disease": a biomarker-shaped word is kept when the rest names a class
        while (i > 0 && isCategory(String.join(" ", ws.subList(i, ws.size())))) i--;
        List<String> kept = new ArrayList<>(ws.subList(i, ws.size()));
        List<String> unstripped = List.copyOf(kept);
        // "type 2 diabetes mellitus" is type 2 diabetes
        if (kept.size() >= 3 && kept.get(kept.size() - 1).equalsIgnoreCase("mellitus")) kept.remove(kept.size() - 1);
        // qualifiers inside the name too: "hormone receptor-positive metastatic breast cancer" is breast cancer
        for (int k = kept.size() - 2; k >= 0; k--) {
            String w = kept.get(k);
            boolean qualifier = !numberedType(kept, k) && QUALIFIER_SHAPE.matcher(w).matches()
                    || QUALIFIERS.contains(w.toLowerCase(Locale.ROOT)) && !w.toLowerCase(Locale.ROOT).matches("of|the|and|or|disease|type|form");
            if (qualifier) {
                kept.remove(k);
                if (k > 0 && w.matches("(?i).*-(positive|negative)") && kept.get(k - 1).matches("(?i)hormone|estrogen|oestrogen|progesterone|androgen")) {
                    kept.remove(k - 1);
                    k--;
                }
            }
        }
        if (kept.size() < unstripped.size() && isCategory(String.join(" ", kept))) kept = new ArrayList<>(unstripped);
        boolean titleCase = kept.stream().allMatch(w -> Character.isUpperCase(w.charAt(0)));
        List<String> out = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            String w = kept.get(k);
            boolean proper = !titleCase && Character.isUpperCase(w.charAt(0));
            boolean internalCaps = w.length() > 1 && w.substring(1).chars().anyMatch(Character::isUpperCase);
            boolean letterHyphen = w.matches("[A-Z]-.*");
            out.add(proper || internalCaps || letterHyphen ? w : w.toLowerCase(Locale.ROOT));
        }
        String last = out.get(out.size() - 1);
        out.set(out.size() - 1, singular(last));
        return String.join(" ", out).replace(" 's", "'s").replace(" ’s", "’s");
    }

    /** "type 2 diabetes": "type" before a number is part of the name. */
    private static boolean numberedType(List<String> ws, int i) {
        return ws.get(i).equalsIgnoreCase("type") && i + 1 < ws.size() && ws.get(i + 1).matches("[0-9]+[ab]?|I{1,3}|IV|V");
    }

    static String singular(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        if (l.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
        if (l.endsWith("omas") || l.endsWith("cers") || l.endsWith("mias") || l.endsWith("ors") || l.endsWith("ours")
                || l.endsWith("sms") || l.endsWith("ases") || l.endsWith("ders") || l.endsWith("omes") || l.endsWith("ions")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.strip().split("\\s+")) if (!w.isEmpty()) out.add(w);
        return out;
    }
}
