package org.pharmakg.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pharmakg.PharmakgException;

/**
 * The ways money is written (currency symbols, codes and words, scales, ceiling and per-unit words), read
 * from {@code ontology/rules/entities/amounts.tsv}; {@link Money} scans with them.
 *
 * <pre>AmountWords w = AmountWords.load(); w.currencyBefore("paid US$5", 8) // USD, begin 5</pre>
 */
final class AmountWords {
    static final String RESOURCE = "ontology/rules/entities/amounts.tsv";
    private static final String SPACE = "[\\s\\u00a0]*";
    private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";

    /** A currency written at [begin, end): its ISO code. */
    record Found(String code, int begin, int end) {}

    /** A scale word at [begin, end) multiplying the figure before it. */
    record Scale(BigDecimal multiplier, int begin, int end) {}

    private record Currency(String code, Pattern atEnd, Pattern here) {}

    private record ScaleWord(BigDecimal multiplier, Pattern here) {}

    private final List<Currency> before = new ArrayList<>();
    private final List<Currency> after = new ArrayList<>();
    private final Map<String, Pattern> context = new LinkedHashMap<>();
    private final List<ScaleWord> scales = new ArrayList<>();
    private final Map<String, Pattern> words = new LinkedHashMap<>();

    private AmountWords() {}

    /** Reads the file from the class path. */
    static AmountWords load() {
        AmountWords w = new AmountWords();
        List<List<String>> rows = Lexicon.readRows(RESOURCE);
        if (rows.isEmpty()) throw new PharmakgException("money word file " + RESOURCE + " is missing or empty on the class path; rebuild with mvn package");
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() < 3) throw new PharmakgException(RESOURCE + ": expected 'kind<TAB>value<TAB>regex', got: " + String.join("\t", row));
            String kind = row.get(0).strip(), value = row.get(1).strip(), regex = row.get(2).strip();
            try {
                w.add(kind, value, regex);
            } catch (IllegalArgumentException e) {
                throw new PharmakgException(RESOURCE + ": bad row '" + String.join("\t", row) + "': " + e.getMessage()
                        + "; fix the regex or the kind", e);
            }
        }
        for (String k : List.of("ceiling", "per-unit", "between", "change")) {
            if (!w.words.containsKey(k)) throw new PharmakgException(RESOURCE + ": no '" + k + "' row; add one");
        }
        return w;
    }

    private void add(String kind, String value, String regex) {
        switch (kind) {
            case "before" -> before.add(new Currency(value,
                    compile(NOT_WORD_BEFORE + "(?:" + regex + ")" + SPACE + "$"), compile("(?:" + regex + ")" + SPACE)));
            case "after" -> after.add(new Currency(value, null, compile(SPACE + "(?:" + regex + ")" + NOT_WORD_AFTER)));
            case "context" -> context.put(value, compile(regex));
            case "scale" -> scales.add(new ScaleWord(new BigDecimal(value), compile("(?:" + regex + ")" + NOT_WORD_AFTER)));
            case "per-unit" -> words.put(kind, compile("(?:" + regex + ")"));
            case "ceiling", "between", "change" -> words.put(kind, compile(NOT_WORD_BEFORE + "(?:" + regex + ")" + NOT_WORD_AFTER));
            default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
        }
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The currency written right before {@code at} (spaces allowed between), the longest if several; a symbol
     * shared by several currencies goes to the one whose context row matches the text, else the first listed.
     */
    Found currencyBefore(String text, int at) {
        int from = Math.max(0, at - 12);
        Found best = null;
        for (Currency c : before) {
            Matcher m = c.atEnd().matcher(text).region(from, at).useTransparentBounds(true);
            if (!m.find()) continue;
            int end = m.start() + m.group().stripTrailing().length();
            if (best == null || m.start() < best.begin()) best = new Found(c.code(), m.start(), end);
            else if (m.start() == best.begin() && !inContext(text, best.code()) && inContext(text, c.code())) {
                best = new Found(c.code(), m.start(), end);
            }
        }
        return best;
    }

    private boolean inContext(String text, String code) {
        Pattern p = context.get(code);
        return p != null && p.matcher(text).find();
    }

    /** The currency of this code written at {@code at} (a range's second figure: "$10 million to $15 million"). */
    int currencyHere(String text, int at, String code) {
        for (Currency c : before) {
            if (!c.code().equals(code)) continue;
            Matcher m = c.here().matcher(text).region(at, text.length());
            if (m.lookingAt()) return m.end();
        }
        return -1;
    }

    /** The currency word written at {@code at} after a figure ("million euros"), the longest; or null. */
    Found currencyAfter(String text, int at) {
        Found best = null;
        for (Currency c : after) {
            Matcher m = c.here().matcher(text).region(at, text.length()).useTransparentBounds(true);
            if (m.lookingAt() && (best == null || m.end() > best.end())) {
                best = new Found(c.code(), m.end() - m.group().strip().length(), m.end());
            }
        }
        return best;
    }

    /** The scale word after a figure ending at {@code at} ("million", "bn", an attached "m"); or null. */
    Scale scaleAfter(String text, int at) {
        int i = at;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u00a0')) i++;
        boolean attached = i == at;
        if (i == at && i < text.length() && text.charAt(i) == '-') i++; // "$25-million"
        Scale best = null;
        for (ScaleWord s : scales) {
            Matcher m = s.here().matcher(text).region(i, text.length()).useTransparentBounds(true);
            if (!m.lookingAt() || (m.end() - i == 1 && !attached)) continue;
            if (best == null || m.end() > best.end()) best = new Scale(s.multiplier(), i, m.end());
        }
        return best;
    }

    /** The named word list ("ceiling", "per-unit", "between", "change"). */
    Pattern words(String kind) { return words.get(kind); }
}
