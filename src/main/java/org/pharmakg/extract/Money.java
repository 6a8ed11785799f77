package org.pharmakg.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds money amounts in a text, in figures or words, with their currency as an ISO 4217 code.
 *
 * <pre>{@code
 * List<Amount> as = Money.find("up to $300 million in milestones and €5.5m upfront");
 * as.get(0).value(); // 300000000, upTo = true
 * as.get(1).currency(); // "EUR"
 * }</pre>
 *
 * Only amounts marked by a currency (a symbol, a code or a currency word) are money: "5 million
 * shares", "1,200 patients", years and percentages are not. A range ("$10-15 million", "$10 million
 * to $15 million") is one amount, its upper end, marked {@code upTo}.
 */
public final class Money {
    private Money() {}

    /** Currency symbols and codes written before the number, longest first in the pattern. */
    private static final Map<String, String> PREFIX = Map.ofEntries(
            Map.entry("us$", "USD"), Map.entry("usd", "USD"), Map.entry("$", "USD"), Map.entry("€", "EUR"),
            Map.entry("eur", "EUR"), Map.entry("£", "GBP"), Map.entry("gbp", "GBP"), Map.entry("chf", "CHF"),
            Map.entry("¥", "JPY"), Map.entry("jpy", "JPY"), Map.entry("rmb", "CNY"), Map.entry("cny", "CNY"),
            Map.entry("dkk", "DKK"), Map.entry("sek", "SEK"), Map.entry("nok", "NOK"), Map.entry("cad", "CAD"),
            Map.entry("c$", "CAD"), Map.entry("ca$", "CAD"), Map.entry("a$", "AUD"), Map.entry("aud", "AUD"),
            Map.entry("krw", "KRW"), Map.entry("₩", "KRW"), Map.entry("inr", "INR"), Map.entry("₹", "INR"),
            Map.entry("hk$", "HKD"), Map.entry("hkd", "HKD"), Map.entry("s$", "SGD"), Map.entry("sgd", "SGD"),
            Map.entry("nz$", "NZD"), Map.entry("nzd", "NZD"));

    /** Currency words written after the number. */
    private static final Map<String, String> SUFFIX = Map.ofEntries(
            Map.entry("us dollars", "USD"), Map.entry("u.s. dollars", "USD"), Map.entry("dollars", "USD"),
            Map.entry("euros", "EUR"), Map.entry("euro", "EUR"), Map.entry("pounds sterling", "GBP"),
            Map.entry("pounds", "GBP"), Map.entry("sterling", "GBP"), Map.entry("yen", "JPY"),
            Map.entry("swiss francs", "CHF"), Map.entry("yuan", "CNY"), Map.entry("renminbi", "CNY"),
            Map.entry("danish kroner", "DKK"), Map.entry("kroner", "DKK"), Map.entry("swedish kronor", "SEK"),
            Map.entry("kronor", "SEK"), Map.entry("won", "KRW"), Map.entry("rupees", "INR"),
            Map.entry("canadian dollars", "CAD"), Map.entry("australian dollars", "AUD"));

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("a hundred", 100),
            Map.entry("one hundred", 100), Map.entry("a", 1));

    private static final String NUM = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
    private static final String SCALE_WORD = "billion|million|thousand|bn|mn|mln|mio|mm";
    private static final String SCALE_LETTER = "[bmk]";
    private static final String SCALE = "(?:\\s?-?\\s?(" + SCALE_WORD + ")\\b|(" + SCALE_LETTER + ")\\b)";
    private static final String PRE = "(US\\$|USD|CA\\$|C\\$|A\\$|HK\\$|NZ\\$|S\\$|\\$|€|EUR|£|GBP|CHF|¥|JPY|RMB|CNY|DKK|SEK|NOK|CAD|AUD|KRW|₩|INR|₹|HKD|SGD|NZD)";
    private static final String SUF = "(US dollars|U\\.S\\. dollars|Canadian dollars|Australian dollars|dollars|euros?|pounds sterling|pounds|sterling|yen|Swiss francs|yuan|renminbi|Danish kroner|kroner|Swedish kronor|kronor|won|rupees)";
    private static final String WORD_NUM = "(one hundred|a hundred|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";

    /** "$20 million", "US$1.2 billion", "USD 50 million", "€5.5m", "$10-15 million". */
    private static final Pattern PREFIXED = Pattern.compile(PRE + "\\s?(" + NUM + ")" + SCALE + "?"
            + "(?:\\s?(?:-|–|to)\\s?" + PRE + "?\\s?(" + NUM + ")" + SCALE + ")?", Pattern.CASE_INSENSITIVE);
    /** "200 million US dollars", "30 million pounds", "twenty million dollars". */
    private static final Pattern SUFFIXED = Pattern.compile("\\b(?:(" + NUM + ")|" + WORD_NUM + ")\\s?(?:-\\s?)?("
            + SCALE_WORD + ")?\\s" + SUF + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern UP_TO = Pattern.compile(
            "(?:up to|as much as|of up to|in excess of|maximum of|aggregate of up to|a total of up to|potentially|upwards of)"
            + "(?:\\s(?:a maximum of|an aggregate of|approximately|about|around|a total of|an additional|additional|total))*\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PER_UNIT = Pattern.compile(
            "^\\s?(?:(?:per|a|each|for each|/)\\s?(?:share|ordinary share|ADS|american depositary share|product|target|program|programme|year|annum|quarter|month|molecule|compound|indication|antibody|candidate|asset)s?\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE_JOIN = Pattern.compile("^\\s?(?:-|–|to|and)\\s?$", Pattern.CASE_INSENSITIVE);

    /** Every amount in the text, in text order. */
    public static List<Amount> find(String text) {
        List<Amount> out = new ArrayList<>();
        boolean[] taken = new boolean[text.length() + 1];
        Matcher m = PREFIXED.matcher(text);
        while (m.find()) {
            if (!boundaryBefore(text, m.start())) continue;
            String cur = currency(PREFIX.get(m.group(1).toLowerCase(Locale.ROOT)), text, m.start());
            boolean range = m.group(6) != null;
            String number = range ? m.group(6) : m.group(2);
            String scale = range ? scale(m.group(7), m.group(8)) : scale(m.group(3), m.group(4));
            add(out, taken, text, m.start(), m.end(), value(number, scale), cur, range);
        }
        Matcher s = SUFFIXED.matcher(text);
        while (s.find()) {
            if (taken[s.start()]) continue;
            String cur = SUFFIX.get(s.group(4).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
            if (cur == null) continue;
            BigDecimal base = s.group(1) != null ? new BigDecimal(s.group(1).replace(",", ""))
                    : BigDecimal.valueOf(WORDS.getOrDefault(s.group(2).toLowerCase(Locale.ROOT), 0));
            BigDecimal v = base.multiply(multiplier(s.group(3) == null ? null : s.group(3).toLowerCase(Locale.ROOT)));
            add(out, taken, text, s.start(), s.end(), v, cur, false);
        }
        out.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
        return dropConversions(text, mergeRanges(text, out));
    }

    private static final Pattern CONVERSION = Pattern.compile("^\\s?[(\\[]\\s?(?:~|approx\\.?|approximately|about|c\\.|ca\\.|equivalent to|or)?\\s?$",
            Pattern.CASE_INSENSITIVE);

    /** "£48 million (~$61 million)": the amount in brackets is the same money in another currency. */
    private static List<Amount> dropConversions(String text, List<Amount> as) {
        List<Amount> out = new ArrayList<>();
        for (Amount a : as) {
            Amount prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && !prev.currency().equals(a.currency()) && CONVERSION.matcher(text.substring(prev.end(), a.begin())).matches()) continue;
            out.add(a);
        }
        return out;
    }

    private static void add(List<Amount> out, boolean[] taken, String text, int b, int e, BigDecimal v, String cur, boolean range) {
        for (int i = b; i < e; i++) taken[i] = true;
        boolean upTo = range || UP_TO.matcher(text.substring(Math.max(0, b - 60), b)).find();
        boolean perUnit = PER_UNIT.matcher(text.substring(e, Math.min(text.length(), e + 40))).find();
        out.add(new Amount(b, e, v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros(), cur, upTo, perUnit,
                text.substring(b, e)));
    }

    /** "$10 million to $15 million": one amount, the upper end. */
    private static List<Amount> mergeRanges(String text, List<Amount> as) {
        List<Amount> out = new ArrayList<>();
        for (int i = 0; i < as.size(); i++) {
            Amount a = as.get(i);
            if (i + 1 < as.size()) {
                Amount b = as.get(i + 1);
                String between = text.substring(a.end(), b.begin());
                boolean fromTo = RANGE_JOIN.matcher(between).matches() && !between.strip().equals("and")
                        || between.strip().equalsIgnoreCase("to") || between.strip().equalsIgnoreCase("and")
                        && text.substring(Math.max(0, a.begin() - 9), a.begin()).toLowerCase(Locale.ROOT).endsWith("between ");
                if (fromTo && a.currency().equals(b.currency()) && b.value().compareTo(a.value()) > 0) {
                    out.add(new Amount(a.begin(), b.end(), b.value(), b.currency(), true, b.perUnit(), text.substring(a.begin(), b.end())));
                    i++;
                    continue;
                }
            }
            out.add(a);
        }
        return out;
    }

    private static boolean boundaryBefore(String text, int i) {
        return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i) == '$' || text.charAt(i) == '€'
                || text.charAt(i) == '£' || text.charAt(i) == '¥';
    }

    /** ¥ is yen unless the text speaks of renminbi; "$" after "US" written apart stays USD. */
    private static String currency(String code, String text, int at) {
        if ("JPY".equals(code) && text.charAt(at) == '¥') {
            String around = text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 80)).toLowerCase(Locale.ROOT);
            if (around.contains("rmb") || around.contains("renminbi") || around.contains("yuan") || around.contains("cny")) return "CNY";
        }
        return code;
    }

    private static String scale(String word, String letter) {
        if (word != null) return word.toLowerCase(Locale.ROOT);
        if (letter != null) return letter.toLowerCase(Locale.ROOT);
        return null;
    }

    private static BigDecimal value(String number, String scale) {
        return new BigDecimal(number.replace(",", "")).multiply(multiplier(scale));
    }

    private static BigDecimal multiplier(String scale) {
        if (scale == null) return BigDecimal.ONE;
        return switch (scale) {
            case "billion", "bn", "b" -> BigDecimal.valueOf(1_000_000_000L);
            case "million", "mn", "mln", "mio", "mm", "m" -> BigDecimal.valueOf(1_000_000L);
            case "thousand", "k" -> BigDecimal.valueOf(1_000L);
            default -> BigDecimal.ONE;
        };
    }
}
