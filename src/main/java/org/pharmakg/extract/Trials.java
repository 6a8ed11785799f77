package org.pharmakg.extract;

import java.util.Set;

/**
 * Checks on trial names: capitalised words next to "trial" or "study" that are not trial names.
 *
 * <pre>Trials.isStopword("FDA") // true; Trials.isStopword("EMILIA") // false</pre>
 */
public final class Trials {
    private static final Set<String> STOP = Set.of("THE", "AND", "FOR", "WITH", "PHASE", "STUDY", "TRIAL", "TRIALS",
            "FDA", "EMA", "SEC", "NCI", "NIH", "ASCO", "ASH", "ESMO", "AACR", "ADC", "ADCS", "TAP", "IND", "INDS", "NDA",
            "BLA", "MAA", "US", "USA", "EU", "UK", "PFS", "OS", "ORR", "DFS", "EFS", "CR", "PR", "CEO", "CFO", "CMO",
            "ET", "PM", "AM", "GMT", "PDT", "EST", "EDT", "NASDAQ", "NYSE", "CLINICAL", "PIVOTAL", "GLOBAL", "NEW",
            "FIRST", "RANDOMIZED", "OPEN", "LABEL", "DOUBLE", "BLIND", "SINGLE", "ARM", "MULTI", "CENTER", "DATA",
            "RESULTS", "UPDATE", "TOPLINE", "INTERIM", "FINAL", "COMPANY", "INC", "LLC", "DNA", "RNA", "MRI", "CT",
            "PET", "QOL", "AE", "AES", "SAE", "DLT", "MTD", "RP2D", "PK", "PD", "IV", "SC", "II", "III", "IIB", "IB",
            "IA", "IIA", "NSCLC", "SCLC", "CRC", "HCC", "RCC", "AML", "ALL", "CLL", "CML", "MDS", "DLBCL", "NHL", "MM",
            "MCC", "MBC", "TNBC", "HER2", "EGFR", "ALK", "ROS1", "KRAS", "BRAF", "MEK", "PD-1", "PD-L1", "WEBCAST");

    private Trials() {}

    public static boolean isStopword(String name) {
        return STOP.contains(name.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9-]", ""));
    }
}
