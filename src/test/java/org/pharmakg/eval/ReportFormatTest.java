package org.pharmakg.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pharmakg.eval.GoldScorer.Report;

/** Number and string printing against Python: expected values are what Python 3.11 printed. */
class ReportFormatTest {
    @Test
    void floatsPrintAsPythonRepr() {
        assertEquals("0.125", ReportFormat.pyRepr(0.125));
        assertEquals("0.6666666666666666", ReportFormat.pyRepr(2.0 / 3));
        assertEquals("0.14285714285714285", ReportFormat.pyRepr(1.0 / 7));
        assertEquals("0.30000000000000004", ReportFormat.pyRepr(0.1 + 0.2));
        assertEquals("1.0", ReportFormat.pyRepr(1.0));
        assertEquals("0.0", ReportFormat.pyRepr(0.0));
        assertEquals("0.0005", ReportFormat.pyRepr(0.0005));   // Java: 5.0E-4
        assertEquals("1e-05", ReportFormat.pyRepr(0.00001));
        assertEquals("1e+16", ReportFormat.pyRepr(1e16));
        assertEquals("5e-324", ReportFormat.pyRepr(Double.MIN_VALUE));
    }

    @Test
    void fixedPointRoundsTheExactValueLikePython() {
        // Java's %.2f gives 0.29 and 0.13 here
        assertEquals("0.28", ReportFormat.fixed(0.285, 2));
        assertEquals("0.12", ReportFormat.fixed(0.125, 2));
        assertEquals("0.68", ReportFormat.fixed(0.675, 2));
        assertEquals("0.001", ReportFormat.fixed(0.0005, 3));
        assertEquals("0.667", ReportFormat.fixed(2.0 / 3, 3));
    }

    @Test
    void jsonEscapesAsPythonEnsureAscii() {
        String s = "a\"b\\c/d\u0000\u0001\u0008\t\n\u000c\r\u001f\u007f\u0080\u00e9\u2028\uD83D\uDE00 end";
        Report r = new Report(Map.of(), Map.of(), new Report.EntitiesMicro(0, 0, 0, 0),
                new Report.FactsMicro(0, 0, 0, 0, 0, 0), new Report.Misses(List.of(s), List.of(), List.of(), List.of()));
        String json = r.toJson(true);
        // json.dumps(s) in Python
        String python = "\"a\\\"b\\\\c/d\\u0000\\u0001\\b\\t\\n\\f\\r\\u001f\\u007f\\u0080\\u00e9\\u2028\\ud83d\\ude00 end\"";
        assertTrue(json.contains("\n      " + python + "\n"), json);
        assertTrue(json.startsWith("{\n  \"entities\": {},\n  \"facts\": {},\n  \"errors\": {\n    \"fp_entities\": [\n"), json);
        assertTrue(json.contains("\"fn_entities\": [],\n"), json);
    }
}
