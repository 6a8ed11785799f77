package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pharmakg.PharmakgException;

/**
 * Decides which deal term a money amount is (upfront, equity, milestones, total, or not a term at all) from
 * the cue words around it in its sentence; the cues live in {@code ontology/rules/relations/deal-money.tsv}.
 *
 * <pre>MoneyRoles roles = MoneyRoles.load();
 * String s = "Acme will pay $500 million upfront and up to $4.5 billion in milestones.";
 * for (Amount a : Money.find(s)) roles.role(s, a); // UPFRONT, MILESTONES</pre>
 *
 * The nearest cue governs: the one with the fewest non-filler words between it and the amount, not across
 * another amount, a ';' or the sentence end; ties go to the row higher in the file.
 */
public final class MoneyRoles {
    public static final String RESOURCE = "ontology/rules/relations/deal-money.tsv";
    /** Cues farther than this many counted words from the amount do not govern it. */
    private static final int MAX_WORDS = 8;
    private static final String WHOLE_BEFORE = "(?<![\\p{L}\\p{N}-])", WHOLE_AFTER = "(?![\\p{L}\\p{N}-])";
    private static final Pattern STOP = Pattern.compile(";|[.!?](?=\\s|$)(?<!\\b(?:approx|U\\.S|Inc|Co|Corp|Ltd|No)\\.)");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}&.'’-]*|,");

    private enum Side { BEFORE, AFTER, EITHER }

    private record Cue(MoneyRole role, Side side, Pattern pattern) {}

    private final List<Cue> cues;
    private final Pattern filler;
    private final Pattern deal;

    private MoneyRoles(List<Cue> cues, Pattern filler, Pattern deal) {
        this.cues = List.copyOf(cues);
        this.filler = filler;
        this.deal = deal;
    }

    /** Reads the cue file from the class path. */
    public static MoneyRoles load() {
        List<List<String>> rows = Lexicon.readRows(RESOURCE);
        if (rows.isEmpty()) throw new PharmakgException("cue file " + RESOURCE + " is missing or empty on the class path; rebuild with mvn package");
        List<Cue> cues = new ArrayList<>();
        Pattern filler = null, deal = null;
        for (List<String> row : rows.subList(1, rows.size())) {
            String line = String.join("\t", row);
            if (row.size() < 3) throw new PharmakgException(RESOURCE + ": expected 'role<TAB>side<TAB>regex', got: " + line);
            String kind = row.get(0).strip(), side = row.get(1).strip(), regex = row.get(2).strip();
            try {
                Pattern p = Pattern.compile(WHOLE_BEFORE + "(?:" + regex + ")" + WHOLE_AFTER, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                switch (kind) {
                    case "filler" -> filler = Pattern.compile("(?:" + regex + ")", Pattern.CASE_INSENSITIVE);
                    case "deal" -> deal = p;
                    default -> cues.add(new Cue(MoneyRole.valueOf(kind), Side.valueOf(side.toUpperCase(Locale.ROOT)), p));
                }
            } catch (IllegalArgumentException e) {
                throw new PharmakgException(RESOURCE + ": bad row '" + line + "': " + e.getMessage()
                        + "; the role is one of " + List.of(MoneyRole.values()) + ", filler or deal, the side before, after or either", e);
            }
        }
        if (filler == null || deal == null) throw new PharmakgException(RESOURCE + ": needs a 'filler' and a 'deal' row; add them");
        return new MoneyRoles(cues, filler, deal);
    }

    /** The deal term this amount is in its sentence (offsets of the amount are into {@code sentence}). */
    public MoneyRole role(String sentence, Amount amount) {
        return role(sentence, amount, Money.find(sentence));
    }

    /** As {@link #role(String, Amount)}, with the sentence's amounts already found ({@code Money.find(sentence)}). */
    public MoneyRole role(String sentence, Amount amount, List<Amount> amounts) {
        int lo = 0, hi = sentence.length();
        for (Amount other : amounts) {
            if (other.end() <= amount.begin()) lo = Math.max(lo, other.end());
            else if (other.begin() >= amount.end()) hi = Math.min(hi, other.begin());
        }
        MoneyRole best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Cue c : cues) {
            Matcher m = c.pattern().matcher(sentence).region(lo, hi).useTransparentBounds(true);
            while (m.find()) {
                int d = Integer.MAX_VALUE;
                if (c.side() != Side.AFTER && m.end() <= amount.begin()) d = distance(sentence.substring(m.end(), amount.begin()));
                else if (c.side() != Side.BEFORE && m.start() >= amount.end()) d = distance(sentence.substring(amount.end(), m.start()));
                if (d < bestDistance) { // strictly nearer: on a tie the earlier row stays
                    bestDistance = d;
                    best = c.role();
                }
            }
        }
        if (best != null && bestDistance <= MAX_WORDS) return best;
        if (amount.upTo() && deal.matcher(sentence).find()) return MoneyRole.TOTAL;
        return MoneyRole.NOT_A_TERM;
    }

    /** Counted words between a cue and its amount; MAX_VALUE across a ';' or a sentence end. */
    private int distance(String gap) {
        if (STOP.matcher(gap).find()) return Integer.MAX_VALUE;
        int n = 0;
        for (Matcher t = TOKEN.matcher(gap); t.find(); ) {
            if (!filler.matcher(t.group()).matches()) n++;
        }
        return n;
    }
}
