package org.pharmakg.extract;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One money amount in a text: [begin, end) offsets into the text given to {@link Money#find}, the value in
 * the currency's unit.
 *
 * <pre>Amount a = Money.find("up to US$1.2 billion in milestones").get(0);
 * a.text() // "US$1.2 billion"; a.value() // 1200000000; a.currency() // "USD"; a.upTo() // true</pre>
 *
 * @param currency ISO 4217 code ("USD", "EUR", "GBP", "JPY", "CHF", "CNY", "DKK", ...)
 * @param upTo the amount is a ceiling ("up to $300 million", "as much as", "potentially", a range "$10-15 million")
 * @param perUnit the amount is per share, product, target, program or year, not a total
 * @param text the covered text as written; for a range the whole range ("$10-15 million"), whose upper value is {@code value}
 */
public record Amount(int begin, int end, BigDecimal value, String currency, boolean upTo, boolean perUnit, String text) {
    public Amount {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(text, "text");
        if (begin < 0 || end < begin) throw new IllegalArgumentException("bad offsets [" + begin + ", " + end + ") of " + text);
    }
}
