package org.pharmakg.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One agreement a release reports, with its terms and the evidence of each: parties, licensor and
 * licensee, assets are indexes into the document's entities.
 *
 * <pre>{@code
 * Deal d = extraction.deals().get(0);
 * d.kind(); // LICENCE
 * d.money().get(MoneyRole.UPFRONT).value(); // 13000000
 * d.evidence().get("upfront").sentenceText();
 * }</pre>
 *
 * @param licensor licence or option: the party granting the rights; acquisition: the company acquired; -1 when the text does not say
 * @param licensee licence or option: the party receiving the rights; acquisition: the acquirer; -1 when the text does not say
 * @param money the money terms (never {@link MoneyRole#NOT_A_TERM}), each an amount of the release text
 * @param royaltyTerms the words that state royalties, or null when the text states none
 * @param territory the territory, shortened ("worldwide", "US", "ex-US", "China", "US and Canada"), or null
 * @param date the date the text gives for the agreement or event, or null (the release date applies)
 * @param evidence the evidence of each term, by key: "kind", "event", "party:N", "licensor", "licensee", "asset:N",
 *                 "upfront", "equity", "milestones", "total", "royalties", "territory"
 */
public record Deal(Kind kind, Event event, List<Integer> parties, int licensor, int licensee, List<Integer> assets,
                   Map<MoneyRole, Amount> money, String royaltyTerms, String territory, LocalDate date,
                   Map<String, Fact.Evidence> evidence) {
    public Deal {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(event);
        parties = List.copyOf(parties);
        assets = List.copyOf(assets);
        money = Map.copyOf(money);
        evidence = Map.copyOf(evidence);
        if (parties.size() < 2) throw new IllegalArgumentException("a deal needs two parties");
        if (money.containsKey(MoneyRole.NOT_A_TERM)) throw new IllegalArgumentException("not a term: " + money.get(MoneyRole.NOT_A_TERM));
    }

    /** What was agreed, with the ontology's class-like individual name. */
    public enum Kind {
        LICENCE("Licence"), COLLABORATION("Collaboration"), OPTION("Option"), ACQUISITION("Acquisition");

        private final String local;

        Kind(String local) { this.local = local; }

        public String local() { return local; }
    }

    /** What the release reports about the agreement. */
    public enum Event {
        SIGNED("Signed"), EXPANDED("Expanded"), EXERCISED("Exercised"), COMPLETED("Completed"), TERMINATED("Terminated"),
        MILESTONE("Milestone");

        private final String local;

        Event(String local) { this.local = local; }

        public String local() { return local; }
    }

    /** The property each money term is written with. */
    public static String property(MoneyRole role) {
        return switch (role) {
            case UPFRONT -> "upfront";
            case EQUITY -> "equity";
            case MILESTONES -> "milestones";
            case TOTAL -> "totalValue";
            case NOT_A_TERM -> throw new IllegalArgumentException("not a deal term");
        };
    }

    /** The evidence key of each money term. */
    public static String key(MoneyRole role) {
        return role == MoneyRole.TOTAL ? "total" : property(role);
    }
}
