package org.pharmakg.extract;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Chooses the canonical label of an entity from its names: the lexicon's label when the thing is
 * known; for a compound its INN; for a disease its core name; otherwise the most informative name.
 * A pure function of the names, so every document and every build picks the same one.
 *
 * <pre>Canonical.choose(COMPOUND, List.of("T-DM1", "trastuzumab emtansine", "Kadcyla"), null) // "trastuzumab emtansine"</pre>
 */
public final class Canonical {
    /** International Nonproprietary Name stems (WHO) of the classes that press releases name. */
    public static final Pattern INN = Pattern.compile(
            "(?i)^(ado-)?[a-z]{3,}(mab|nib|ciclib|parib|lisib|zomib|degib|cept|platin|taxel|rubicin|tecan|mustine|lidomide|citabine|trexate|poside|limus|sone|olone|siran|rsen|glutide|gliptin|sartan|vastatin|floxacin|mycin|cycline|parin|xaban|gatran|setron|lukast|afil|dipine|prazole|tidine|vir|rafenib|metinib|tinib|stat|leucel|cel|kinra|ase)"
            + "( [a-z]+(tansine|vedotin|ozogamicin|govitecan|deruxtecan|mafodotin|tesirine|pasudotox|duocarmazine|sudotox|bexitecan|tirumotecan|pegol|tiuxetan))?$");

    private Canonical() {}

    public static String choose(EntityType type, Collection<String> names, Lexicon.Entry entry) {
        if (entry != null) return entry.label();
        Comparator<String> score = Comparator.comparingInt((String n) -> rank(type, n)).reversed()
                .thenComparing(Comparator.comparingInt(String::length).reversed())
                .thenComparing(Comparator.naturalOrder());
        String best = names.stream().filter(n -> !n.isBlank()).sorted(score).findFirst().orElse("unnamed");
        return switch (type) {
            case INDICATION -> Indications.core(best);
            case COMPANY -> Names.companyBase(best);
            case COMPOUND -> INN.matcher(best).matches() ? best.toLowerCase(Locale.ROOT) : best;
            default -> best;
        };
    }

    private static int rank(EntityType type, String n) {
        return switch (type) {
            case COMPOUND -> INN.matcher(n).matches() ? 3 : Names.isShortAbbreviation(n) || n.length() <= 3 ? 0 : 1;
            case INDICATION -> Indications.isSpecific(n) && !Names.isShortAbbreviation(n) ? 2 - qualifierCount(n) : -5;
            case COMPANY -> n.contains(",") ? 0 : 1;
            case TRIAL -> n.contains(" ") ? 0 : 1;
            default -> Names.isShortAbbreviation(n) && n.length() <= 2 ? 0 : 1;
        };
    }

    private static int qualifierCount(String n) {
        return n.equals(Indications.core(n)) ? 0 : 1;
    }
}
