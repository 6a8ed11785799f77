package org.pharmakg.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's output: one line per measure, its value, the target and whether it is met.
 *
 * <pre>BenchTable t = new BenchTable("title"); t.row("build releases/s", "23.1", "&gt;= 20", true); t.render();</pre>
 */
public final class BenchTable {
    private record Row(String measure, String value, String target, Boolean met) {}

    private final String title;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchTable(String title) { this.title = title; }

    /** A measure with a target; {@code met} null when it has none. */
    public BenchTable row(String measure, String value, String target, Boolean met) {
        rows.add(new Row(measure, value, target == null ? "" : target, met));
        return this;
    }

    public BenchTable row(String measure, String value) { return row(measure, value, null, null); }

    public BenchTable note(String n) {
        notes.add(n);
        return this;
    }

    /** Targets missed. */
    public int missed() { return (int) rows.stream().filter(r -> Boolean.FALSE.equals(r.met())).count(); }

    public String render() {
        int w1 = "measure".length(), w2 = "value".length(), w3 = "target".length();
        for (Row r : rows) {
            w1 = Math.max(w1, r.measure().length());
            w2 = Math.max(w2, r.value().length());
            w3 = Math.max(w3, r.target().length());
        }
        String fmt = "%-" + w1 + "s  %-" + w2 + "s  %-" + w3 + "s  %s%n";
        StringBuilder sb = new StringBuilder(title).append('\n');
        sb.append(String.format(Locale.ROOT, fmt, "measure", "value", "target", "met"));
        sb.append("-".repeat(w1 + w2 + w3 + 12)).append('\n');
        for (Row r : rows) {
            String met = r.met() == null ? "" : r.met() ? "yes" : "NO";
            sb.append(String.format(Locale.ROOT, fmt, r.measure(), r.value(), r.target(), met));
        }
        for (String n : notes) sb.append("note: ").append(n).append('\n');
        return sb.toString();
    }

    static String f(String fmt, Object... args) { return String.format(Locale.ROOT, fmt, args); }

    /** A number with thousands separators, no decimals. */
    static String n(double v) { return String.format(Locale.ROOT, "%,.0f", v); }
}
