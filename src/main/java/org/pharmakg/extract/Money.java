package org.pharmakg.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the money amounts of a text: a figure (digits or number words) with a currency symbol, code or word,
 * an optional scale ("million", "bn", "m"), ranges ("$10-15 million"), ceilings ("up to") and per-unit
 * amounts ("$17.00 per share"). How money is written lives in {@code ontology/rules/entities/amounts.tsv}.
 *
 * <pre>Money.find("an upfront payment of €5.5m and up to $10-15 million")
 * // [€5.5m = 5500000 EUR, $10-15 million = 15000000 USD upTo]</pre>
 *
 * A figure without a currency is never money, so years, percentages, share and patient counts and
 * "Phase 2" are left alone; a figure known only from a currency word after it needs a scale
 * ("30 million pounds" is money, "200 pounds" is a weight).
 */
public final class Money {
    // a figure not glued to a word, except to a currency code ("EUR376 million")
    private static final String DIGITS = "(?:(?<=\\b(?:USD|EUR|GBP|CHF|JPY|CNY|RMB|DKK|SEK|NOK|CAD|AUD|HKD|SGD|KRW|INR))|(?<![\\p{L}\\p{N}.,]))(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?!\\d|[.,]\\d)";
    private static final Map<String, Integer> NUMBER_WORDS = numberWords();
    private static final String WORD = "(?:" + String.join("|", NUMBER_WORDS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).toList()) + ")";
    private static final Pattern NUMBER = Pattern.compile("(?<d>" + DIGITS + ")|(?<w>(?<![\\p{L}-])" + WORD
            + "(?:(?:[\\s-]+|\\s+and\\s+)" + WORD + ")*(?![\\p{L}]))", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGITS_HERE = Pattern.compile(DIGITS);
    private static final Pattern CONNECTOR = Pattern.compile(
            "(?<dash>[\\s\\u00a0]*[-\u2013\u2014][\\s\\u00a0]*)|(?<to>[\\s\\u00a0]+to[\\s\\u00a0]+)|(?<and>[\\s\\u00a0]+and[\\s\\u00a0]+)");
    /** What ends the reach of a ceiling or per-unit word: clause punctuation and coordinating words. */
    private static final Pattern BREAK = Pattern.compile(
            "[;:,()!?]|\\.(?=\\s|$)|\\b(?:and|or|plus|while|whereas|but|with)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int CEILING_WORDS = 3, PER_UNIT_WORDS = 4, REACH = 80;

    private Money() {}

    /** The words of amounts.tsv, read once. */
    private static final class Holder {
        static final AmountWords WORDS = AmountWords.load();
    }

    /** A figure with its currency and scale, before the words around it are read. */
    private record Span(int begin, int end, BigDecimal value, String currency, boolean range) {}

    /** Every amount in the text, in text order. */
    public static List<Amount> find(String text) {
        AmountWords w = Holder.WORDS;
        List<Span> spans = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        int consumed = 0;
        while (m.find()) {
            if (m.start() < consumed) continue;
            Span s = span(w, text, m);
            if (s != null) {
                spans.add(s);
                consumed = s.end();
            }
        }
        List<Amount> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            int prevEnd = i > 0 ? spans.get(i - 1).end() : 0;
            int nextBegin = i + 1 < spans.size() ? spans.get(i + 1).begin() : text.length();
            boolean upTo = s.range() || ceiling(w, text, prevEnd, s.begin());
            boolean perUnit = perUnit(w, text, s.end(), nextBegin);
            out.add(new Amount(s.begin(), s.end(), plain(s.value()), s.currency(), upTo, perUnit, text.substring(s.begin(), s.end())));
        }
        return dropConversions(text, out);
    }

    private static final Pattern CONVERSION = Pattern.compile(
            "[\\s\\u00a0]*[(\\[][\\s\\u00a0]*(?:~|≈|approx\\.?|approximately|about|c\\.|ca\\.|equivalent to|or|roughly)?[\\s\\u00a0]*",
            Pattern.CASE_INSENSITIVE);

    /** "£48 million (~$61 million)": the amount in brackets is the same money in another currency, not a second amount. */
    private static List<Amount> dropConversions(String text, List<Amount> as) {
        List<Amount> out = new ArrayList<>(as.size());
        for (Amount a : as) {
            Amount prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && !prev.currency().equals(a.currency())
                    && CONVERSION.matcher(text.substring(prev.end(), a.begin())).matches()) continue;
            out.add(a);
        }
        return List.copyOf(out);
    }

    /** The amount whose figure the matcher is on, or null when the figure has no currency. */
    private static Span span(AmountWords w, String text, Matcher m) {
        boolean words = m.group("w") != null;
        BigDecimal figure = words ? parseWords(m.group()) : new BigDecimal(m.group().replace(",", ""));
        if (figure == null) return null;
        AmountWords.Found before = words ? null : w.currencyBefore(text, m.start());
        AmountWords.Scale scale = w.scaleAfter(text, m.end());
        String currency = before != null ? before.code() : null;
        int begin = before != null ? before.begin() : m.start();
        int end = scale != null ? scale.end() : m.end();
        BigDecimal value = scale != null ? figure.multiply(scale.multiplier()) : figure;
        boolean range = false;
        boolean scaled = scale != null;
        if (!words) {
            Span upper = upper(w, text, begin, end, currency, figure, scale);
            if (upper != null) {
                end = upper.end();
                value = upper.value();
                range = true;
                scaled = true; // a range's upper figure had a scale or a currency
            }
        }
        AmountWords.Found after = w.currencyAfter(text, end);
        if (currency == null) {
            if (after == null || !scaled) return null;
            currency = after.code();
            end = after.end();
        } else if (after != null && after.code().equals(currency)) {
            end = after.end(); // "$5 million USD"
        }
        return new Span(begin, end, value, currency, range);
    }

    /**
     * The upper end of a range starting with the figure before {@code at}: "$10-15 million", "$10 million to
     * $15 million", "between $40 and $45 million"; null when what follows is not one ("from $5 million to
     * $8 million" is a change, a lower second figure is no range).
     */
    private static Span upper(AmountWords w, String text, int begin, int at, String currency,
                              BigDecimal figure, AmountWords.Scale scale) {
        Matcher c = CONNECTOR.matcher(text).region(at, text.length());
        if (!c.lookingAt()) return null;
        int q = c.end();
        if (q < text.length() && text.charAt(q) == '\\') q++; // "\\$45 million" in text converted from Markdown
        boolean currencyAgain = false;
        if (currency != null) {
            int e = w.currencyHere(text, q, currency);
            if (e >= 0) {
                q = e;
                currencyAgain = true;
            }
        }
        Matcher d = DIGITS_HERE.matcher(text).region(q, text.length()).useTransparentBounds(true);
        if (!d.lookingAt()) return null;
        AmountWords.Scale scale2 = w.scaleAfter(text, d.end());
        boolean ok;
        if (c.group("dash") != null) {
            ok = scale == null || scale2 != null || currencyAgain;
        } else if (c.group("to") != null) {
            ok = !endsWith(w.words("change"), text, begin)
                    && (currencyAgain || (currency == null && w.currencyAfter(text, scale2 != null ? scale2.end() : d.end()) != null));
        } else {
            ok = endsWith(w.words("between"), text, begin) && (currencyAgain || scale2 != null);
        }
        if (!ok) return null;
        AmountWords.Scale s2 = scale2 != null ? scale2 : scale;
        if (!currencyAgain && s2 == null && currency == null) return null;
        BigDecimal lower = scale != null ? figure.multiply(scale.multiplier()) : s2 != null ? figure.multiply(s2.multiplier()) : figure;
        BigDecimal high = new BigDecimal(d.group().replace(",", ""));
        if (s2 != null) high = high.multiply(s2.multiplier());
        if (high.compareTo(lower) <= 0) return null;
        return new Span(begin, scale2 != null ? scale2.end() : d.end(), high, currency, true);
    }

    /** The value without trailing zeros after the point: 1.2 billion is 1200000000, $17.00 is 17. */
    private static BigDecimal plain(BigDecimal v) {
        BigDecimal p = v.stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0) : p;
    }

    private static boolean endsWith(Pattern p, String text, int at) {
        Matcher m = p.matcher(text).region(Math.max(0, at - 40), at).useTransparentBounds(true);
        int last = -1;
        while (m.find()) last = m.end();
        return last >= 0 && text.substring(last, at).replace('\\', ' ').isBlank();
    }

    /** A ceiling word ("up to", "as much as") within a few words before the amount, in the same clause. */
    private static boolean ceiling(AmountWords w, String text, int prevEnd, int begin) {
        Matcher m = w.words("ceiling").matcher(text).region(Math.max(prevEnd, begin - REACH), begin).useTransparentBounds(true);
        int last = -1;
        while (m.find()) last = m.end();
        return last >= 0 && near(text.substring(last, begin), CEILING_WORDS);
    }

    /** A per-unit word ("per share", "per product", "each") within a few words after the amount, in the same clause. */
    private static boolean perUnit(AmountWords w, String text, int end, int nextBegin) {
        Matcher m = w.words("per-unit").matcher(text).region(end, Math.min(nextBegin, end + REACH)).useTransparentBounds(true);
        return m.find() && near(text.substring(end, m.start()), PER_UNIT_WORDS);
    }

    private static boolean near(String gap, int maxWords) {
        if (BREAK.matcher(gap).find()) return false;
        int n = 0;
        for (Matcher t = WORD_TOKEN.matcher(gap); t.find(); ) n++;
        return n <= maxWords;
    }

    /** "twenty", "one hundred and fifty", "twenty-five" as a number; null when it is not one. */
    static BigDecimal parseWords(String s) {
        long current = 0;
        for (String t : s.toLowerCase(java.util.Locale.ROOT).split("[\\s\\u00a0-]+")) {
            if (t.equals("and")) continue;
            Integer n = NUMBER_WORDS.get(t);
            if (n == null) return null;
            if (n == 100) current = Math.max(current, 1) * 100;
            else current += n;
        }
        return BigDecimal.valueOf(current);
    }

    private static Map<String, Integer> numberWords() {
        String[] units = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 1; i < units.length; i++) m.put(units[i], i);
        for (int i = 0; i < tens.length; i++) m.put(tens[i], 20 + 10 * i);
        m.put("hundred", 100);
        return Map.copyOf(m);
    }
}
