package org.pharmakg.ingest;

/**
 * What a stretch of a press release is, so later stages can skip what is not news.
 *
 * <pre>{@code
 * if (section.kind() == SectionKind.ABOUT) { ... }   // company boilerplate, still worth reading
 * }</pre>
 *
 * {@link PressRelease#isNlpRelevant(int)} treats {@link #FORWARD_LOOKING}, {@link #CONTACT},
 * {@link #FINANCIAL_TABLE} and {@link #BOILERPLATE} as not relevant.
 */
public enum SectionKind {
    /** The release's title line(s). */
    HEADLINE,
    /** The news itself. */
    BODY,
    /** An "About X" heading and the paragraphs describing X. */
    ABOUT,
    /** Safe-harbor / forward-looking statements legal text. */
    FORWARD_LOOKING,
    /** Investor and media contacts, "Source:", "News Provided by" lines. */
    CONTACT,
    /** Tables of numbers and their headings ("CONDENSED CONSOLIDATED BALANCE SHEETS"). */
    FINANCIAL_TABLE,
    /** "X is a registered trademark of Y" lines. */
    TRADEMARK,
    /** Date lines, newswire names, logos, newsletter sign-ups and similar noise. */
    BOILERPLATE;

    /** Whether text of this kind should go through NLP and extraction. */
    public boolean isNlpRelevant() {
        return switch (this) {
            case FORWARD_LOOKING, CONTACT, FINANCIAL_TABLE, BOILERPLATE -> false;
            default -> true;
        };
    }
}
