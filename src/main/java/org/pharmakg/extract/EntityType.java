package org.pharmakg.extract;

import java.util.Locale;

/**
 * The entity types of the ontology, with the IRI segment and class name each maps to.
 *
 * <pre>EntityType.COMPOUND.className() // "Compound"; EntityType.TRIAL.segment() // "trial"</pre>
 */
public enum EntityType {
    COMPANY("company", "Company"),
    COMPOUND("compound", "Compound"),
    TARGET("target", "Target"),
    INDICATION("indication", "Indication"),
    TRIAL("trial", "ClinicalTrial"),
    PHASE("phase", "TrialPhase");

    private final String segment;
    private final String className;

    EntityType(String segment, String className) {
        this.segment = segment;
        this.className = className;
    }

    public String segment() { return segment; }
    public String className() { return className; }

    /** Parses a rule label or class name: "COMPOUND", "Compound", "ClinicalTrial", "trial". */
    public static EntityType parse(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        for (EntityType t : values()) {
            if (t.name().equals(u) || t.className.equalsIgnoreCase(s) || t.segment.equalsIgnoreCase(s)) return t;
        }
        throw new IllegalArgumentException("unknown entity type: " + s);
    }
}
