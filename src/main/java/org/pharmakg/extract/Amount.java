package org.pharmakg.extract;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One money amount in a text: {@code [begin, end)} offsets into the text given to {@link Money#find},
 * the value in the currency's unit and the ISO 4217 code.
 *
 * <pre>Amount a = Money.find("an upfront payment of $20 million").get(0); a.value(); // 20000000</pre>
 *
 * @param upTo the amount is a ceiling ("up to $300 million", "as much as", a range's upper end)
 * @param perUnit the amount is per share, product, target, program or year, not a total
 * @param text the covered text as written, e.g. "US$1.2 billion"
 */
public record Amount(int begin, int end, BigDecimal value, String currency, boolean upTo, boolean perUnit, String text) {
    public Amount {
        Objects.requireNonNull(value);
        Objects.requireNonNull(currency);
        Objects.requireNonNull(text);
        if (end < begin) throw new IllegalArgumentException("amount ends before it begins");
    }
}
