package org.pharmakg.extract;

/**
 * The deal term an amount states in its sentence (see {@link MoneyRoles}).
 *
 * <pre>MoneyRole r = MoneyRoles.load().role(sentence, amount); // UPFRONT</pre>
 */
public enum MoneyRole {
    /** Paid at signing: upfront, initial, option or licence fee. */
    UPFRONT,
    /** Shares bought by one party in the other. */
    EQUITY,
    /** Contingent payments: development, regulatory, sales milestones. */
    MILESTONES,
    /** The headline value of the deal or the price of an acquisition. */
    TOTAL,
    /** Anything else: revenue, market size, share prices, offering proceeds, cash, grants. */
    NOT_A_TERM
}
