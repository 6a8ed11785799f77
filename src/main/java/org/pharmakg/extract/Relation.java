package org.pharmakg.extract;

/**
 * The seven scored relations of the guidelines, with their ontology property names.
 *
 * <pre>Relation.DEVELOPS.property() // "develops"</pre>
 */
public enum Relation {
    PARTNER_OF("partnerOf"),
    SUBSIDIARY_OF("subsidiaryOf"),
    DEVELOPS("develops"),
    TARGETS("targets"),
    INDICATION("indication"),
    PHASE("phase"),
    EVALUATES("evaluates");

    private final String property;

    Relation(String property) { this.property = property; }

    public String property() { return property; }

    public static Relation parse(String s) {
        for (Relation r : values()) if (r.name().equalsIgnoreCase(s) || r.property.equalsIgnoreCase(s)) return r;
        throw new IllegalArgumentException("unknown relation: " + s);
    }
}
