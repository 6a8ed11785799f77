package org.pharmakg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pharmakg.PharmakgException;

/**
 * Decides which deal term an amount states from the words around it, with the cues of
 * {@code ontology/rules/relations/deal-money.tsv}: the nearest cue wins.
 *
 * <pre>{@code
 * String s = "Karuna will receive $35 million upfront and up to $152 million in milestones.";
 * List<Amount> as = Money.find(s);
 * MoneyRoles.load().role(s, as.get(1)); // MILESTONES
 * }</pre>
 *
 * The words looked at stop at the neighbouring amounts, so in "$500 million upfront and up to $4.5
 * billion in milestones" each amount has its own cue. An amount per share is never a term.
 */
public final class MoneyRoles {
    public static final String RESOURCE = "ontology/rules/relations/deal-money.tsv";
    private static final int BEFORE = 90;
    private static final int AFTER = 70;

    private record Cue(MoneyRole role, Pattern pattern) {}

    private final List<Cue> cues;

    private MoneyRoles(List<Cue> cues) { this.cues = List.copyOf(cues); }

    public static MoneyRoles load() {
        List<Cue> cues = new ArrayList<>();
        for (List<String> row : Lexicon.readRows(RESOURCE)) {
            if (row.size() < 2) throw new PharmakgException(RESOURCE + ": expected 'role<TAB>regex', got: " + row);
            if (row.get(0).equals("role")) continue;
            MoneyRole role;
            try {
                role = MoneyRole.valueOf(row.get(0).strip());
            } catch (IllegalArgumentException e) {
                throw new PharmakgException(RESOURCE + ": unknown role '" + row.get(0) + "'; use one of UPFRONT, EQUITY, MILESTONES, TOTAL, NOT_A_TERM");
            }
            cues.add(new Cue(role, Pattern.compile(row.get(1).strip(), Pattern.CASE_INSENSITIVE)));
        }
        if (cues.isEmpty()) throw new PharmakgException("cue file " + RESOURCE + " is missing or empty; rebuild with mvn package");
        return new MoneyRoles(cues);
    }

    /** The deal term this amount is in its sentence (the amount's offsets are into {@code sentence}). */
    public MoneyRole role(String sentence, Amount amount) {
        if (amount.perUnit() && sentence.regionMatches(true, amount.end(), " per share", 0, 10)) return MoneyRole.NOT_A_TERM;
        List<Amount> all = Money.find(sentence);
        int from = Math.max(0, amount.begin() - BEFORE), to = Math.min(sentence.length(), amount.end() + AFTER);
        for (Amount o : all) {
            if (o.end() <= amount.begin() && o.end() > from) from = o.end();
            if (o.begin() >= amount.end() && o.begin() < to) to = o.begin();
        }
        String left = sentence.substring(from, amount.begin());
        String right = sentence.substring(amount.end(), to);
        MoneyRole best = MoneyRole.NOT_A_TERM;
        int bestDistance = Integer.MAX_VALUE;
        for (Cue c : cues) {
            Matcher l = c.pattern().matcher(left);
            while (l.find()) {
                int d = left.length() - l.end();
                if (d < bestDistance) { bestDistance = d; best = c.role(); }
            }
            Matcher r = c.pattern().matcher(right);
            if (r.find()) {
                int d = r.start() + 2; // on a near tie, the words before the amount govern it ("an aggregate of $1 billion of upfront ...")
                if (d < bestDistance) { bestDistance = d; best = c.role(); }
            }
        }
        return best;
    }
}
