package org.pharmakg.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.Instantiatable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.pharmakg.eval.GoldScorer.Report;

/**
 * Prints a {@link Report} byte for byte as score.py does: the table of its print_report, or the
 * JSON of {@code json.dumps(report, indent=2)}, Python's float repr and ASCII escapes included.
 *
 * <pre>
 * String table = ReportFormat.text(report, false);
 * String json = ReportFormat.json(report, true);
 * </pre>
 */
final class ReportFormat {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    private ReportFormat() {}

    static String text(Report rep, boolean list) {
        StringBuilder out = new StringBuilder();
        out.append(" ".repeat(14)).append(right("P", 7)).append(right("R", 7)).append(right("F1", 7))
                .append(right("gold", 6)).append('\n');
        rep.entities().forEach((t, e) -> {
            if (e.gold() == 0 && e.predicted() == 0) return;
            row(out, t, e.precision(), e.recall(), e.f1(), e.gold());
            out.append("   predicted ").append(e.predicted()).append(", duplicates ").append(e.duplicates()).append('\n');
        });
        rep.facts().forEach((rel, e) -> {
            if (e.gold() == 0 && e.fp() == 0) return;
            row(out, rel, e.precision(), e.recall(), e.f1(), e.gold());
            out.append("   tp ").append(e.tp()).append(", fp ").append(e.fp()).append(", fn ").append(e.fn()).append('\n');
        });
        if (list) {
            misses(rep.misses()).forEach((k, v) -> {
                out.append('\n').append(k).append(" (").append(v.size()).append("):\n");
                for (String line : v) out.append("  ").append(line).append('\n');
            });
        }
        Report.EntitiesMicro em = rep.entitiesMicro();
        Report.FactsMicro fm = rep.factsMicro();
        out.append("\nentities: P ").append(fixed(em.precision(), 3)).append(" R ").append(fixed(em.recall(), 3))
                .append(" F1 ").append(fixed(em.f1(), 3)).append(" duplicates ").append(em.duplicates()).append('\n');
        out.append("facts: P ").append(fixed(fm.precision(), 3)).append(" R ").append(fixed(fm.recall(), 3))
                .append(" F1 ").append(fixed(fm.f1(), 3)).append('\n');
        return out.toString();
    }

    static String json(Report rep, boolean list) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode entities = root.putObject("entities");
        rep.entities().forEach((t, e) -> {
            ObjectNode o = entities.putObject(t);
            scores(o, e.precision(), e.recall(), e.f1());
            o.put("gold", e.gold()).put("predicted", e.predicted()).put("duplicates", e.duplicates());
        });
        ObjectNode facts = root.putObject("facts");
        rep.facts().forEach((rel, e) -> {
            ObjectNode o = facts.putObject(rel);
            scores(o, e.precision(), e.recall(), e.f1());
            o.put("gold", e.gold()).put("tp", e.tp()).put("fp", e.fp()).put("fn", e.fn());
        });
        ObjectNode errors = root.putObject("errors");
        misses(rep.misses()).forEach((k, v) -> {
            if (!list) {
                errors.put(k, v.size());
                return;
            }
            ArrayNode a = errors.putArray(k);
            v.forEach(a::add);
        });
        Report.FactsMicro fm = rep.factsMicro();
        ObjectNode fmo = root.putObject("facts_micro");
        scores(fmo, fm.precision(), fm.recall(), fm.f1());
        fmo.put("tp", fm.tp()).put("fp", fm.fp()).put("fn", fm.fn());
        Report.EntitiesMicro em = rep.entitiesMicro();
        ObjectNode emo = root.putObject("entities_micro");
        scores(emo, em.precision(), em.recall(), em.f1());
        emo.put("duplicates", em.duplicates());
        try {
            return JSON.writer(new PythonIndent()).with(new PythonEscapes()).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, List<String>> misses(Report.Misses m) {
        var out = new java.util.LinkedHashMap<String, List<String>>();
        out.put("fp_entities", m.fpEntities());
        out.put("fn_entities", m.fnEntities());
        out.put("fp_facts", m.fpFacts());
        out.put("fn_facts", m.fnFacts());
        return out;
    }

    private static void scores(ObjectNode o, double p, double r, double f) {
        o.putRawValue("precision", new RawValue(pyRepr(p)));
        o.putRawValue("recall", new RawValue(pyRepr(r)));
        o.putRawValue("f1", new RawValue(pyRepr(f)));
    }

    private static void row(StringBuilder out, String name, double p, double r, double f, int gold) {
        out.append(name).append(" ".repeat(Math.max(0, 14 - name.length())))
                .append(right(fixed(p, 2), 7)).append(right(fixed(r, 2), 7)).append(right(fixed(f, 2), 7))
                .append(right(Integer.toString(gold), 6));
    }

    private static String right(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    /** Python's {@code format(d, ".Nf")}: the exact binary value rounded half-even (Java's %f differs). */
    static String fixed(double d, int places) {
        return new BigDecimal(d).setScale(places, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Python's {@code repr(float)}: the shortest decimal that reads back as the same double. */
    static String pyRepr(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        if (d == 0) return 1 / d < 0 ? "-0.0" : "0.0";
        BigDecimal exact = new BigDecimal(d);
        BigDecimal best = exact;
        for (int n = 1; n <= 17; n++) {
            BigDecimal c = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
            if (c.doubleValue() == d) {
                best = c;
                break;
            }
            // next to a power of two the round-trip interval is lopsided: try the other neighbour
            BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(-c.scale());
            BigDecimal other = c.compareTo(exact) > 0 ? c.subtract(step) : c.add(step);
            if (other.doubleValue() == d) {
                best = other;
                break;
            }
        }
        best = best.stripTrailingZeros();
        String digits = best.unscaledValue().abs().toString();
        int decpt = digits.length() - best.scale();          // value = 0.digits x 10^decpt
        String sign = d < 0 ? "-" : "";
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) return sign + "0." + "0".repeat(-decpt) + digits;
            if (decpt >= digits.length()) return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
            return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        int exp = decpt - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /** {@code json.dumps(indent=2)}: two spaces a level, "key": value, empty containers as {} and []. */
    private static final class PythonIndent implements PrettyPrinter, Instantiatable<PythonIndent> {
        private int depth;

        @Override public PythonIndent createInstance() { return new PythonIndent(); }

        private void newline(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
            g.writeRaw("  ".repeat(depth));
        }

        @Override public void writeRootValueSeparator(JsonGenerator g) {}

        @Override public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
            depth++;
        }

        @Override public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            depth--;
            if (entries > 0) newline(g);
            g.writeRaw('}');
        }

        @Override public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
            depth++;
        }

        @Override public void writeEndArray(JsonGenerator g, int values) throws IOException {
            depth--;
            if (values > 0) newline(g);
            g.writeRaw(']');
        }

        @Override public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            newline(g);
        }

        @Override public void beforeArrayValues(JsonGenerator g) throws IOException { newline(g); }

        @Override public void beforeObjectEntries(JsonGenerator g) throws IOException { newline(g); }
    }

    /** {@code ensure_ascii}: like Jackson's standard escapes, and DEL (0x7f) escaped as Python does. */
    private static final class PythonEscapes extends CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII[0x7f] = ESCAPE_STANDARD;
        }

        @Override public int[] getEscapeCodesForAscii() { return ASCII; }

        @Override public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) { return null; }
    }
}
