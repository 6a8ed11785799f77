package org.pharmakg.extract;

/**
 * The deal term a money amount is in its sentence, decided by {@link MoneyRoles#role}.
 *
 * <pre>MoneyRoles.load().role("Acme will pay $50 million upfront.", amount) // UPFRONT</pre>
 */
public enum MoneyRole {
    /** Paid at signing: upfront, signing or licence fee, near-term payments, an option fee paid now. */
    UPFRONT,
    /** A purchase of the partner's shares: equity investment, stock bought at a premium. */
    EQUITY,
    /** Contingent payments: development, regulatory, commercial or sales milestones. */
    MILESTONES,
    /** The whole deal: total (potential) value, aggregate, the price of an acquisition. */
    TOTAL,
    /** Money that is not a term of a deal: revenue, market size, share prices, financings, cash, grants, losses. */
    NOT_A_TERM
}
