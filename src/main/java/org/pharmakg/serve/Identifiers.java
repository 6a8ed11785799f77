package org.pharmakg.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public identifiers of an entity as the explorer shows them: scheme, value and a link to the
 * scheme's own page (Wikidata, NCIt, ChEMBL, HGNC, UniProt, MeSH).
 *
 * <pre>Identifiers.describe("uniprotId", "P04626")  // {scheme=UniProt, value=P04626, url=https://www.uniprot.org/uniprotkb/P04626}</pre>
 *
 * Values come from the store, which holds what releases said: a link is built only from a value that
 * matches its scheme's identifier pattern (digits and capitals), never from a value as given; anything
 * else is shown as text, without a link.
 */
final class Identifiers {
    private static final Pattern WIKIDATA = Pattern.compile("https?://www\\.wikidata\\.org/entity/(Q[0-9]{1,12})");
    private static final Pattern NCIT = Pattern.compile("http://purl\\.obolibrary\\.org/obo/NCIT_(C[0-9]{1,9})");
    private static final Pattern HGNC_IRI = Pattern.compile("https?://identifiers\\.org/hgnc:([0-9]{1,6})");
    private static final Pattern UNIPROT_IRI = Pattern.compile("https?://purl\\.uniprot\\.org/uniprot/([A-Z0-9]{6,10})");
    private static final Pattern MESH_IRI = Pattern.compile("https?://id\\.nlm\\.nih\\.gov/mesh/([DC][0-9]{6,9})");
    private static final Pattern HGNC_ID = Pattern.compile("HGNC:[0-9]{1,6}");
    private static final Pattern HGNC_SYMBOL = Pattern.compile("[A-Z0-9][A-Za-z0-9-]{0,24}");
    private static final Pattern UNIPROT = Pattern.compile("[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2}");
    private static final Pattern MESH = Pattern.compile("[DC][0-9]{6,9}");
    private static final Pattern CHEMBL = Pattern.compile("CHEMBL[0-9]{1,10}");

    private Identifiers() {}

    /** {@code property} is the local name: exactMatch, hgncId, hgncSymbol, uniprotId, meshId, chemblId or ticker. */
    static Map<String, Object> describe(String property, String value) {
        return switch (property) {
            case "exactMatch" -> exactMatch(value);
            case "hgncId" -> hgnc(value);
            case "hgncSymbol" -> HGNC_SYMBOL.matcher(value).matches()
                    ? id("HGNC symbol", value, "https://www.genenames.org/data/gene-symbol-report/#!/symbol/" + value)
                    : id("HGNC symbol", value, null);
            case "uniprotId" -> uniprot(value);
            case "meshId" -> mesh(value);
            case "chemblId" -> id("ChEMBL", value, CHEMBL.matcher(value).matches()
                    ? "https://www.ebi.ac.uk/chembl/compound_report_card/" + value + "/" : null);
            case "ticker" -> id("Ticker", value, null);
            default -> id(property, value, null);
        };
    }

    private static Map<String, Object> exactMatch(String iri) {
        Matcher m;
        if ((m = WIKIDATA.matcher(iri)).matches()) return id("Wikidata", m.group(1), "https://www.wikidata.org/wiki/" + m.group(1));
        if ((m = NCIT.matcher(iri)).matches()) {
            return id("NCIt", m.group(1), "https://ncit.nci.nih.gov/ncitbrowser/ConceptReport.jsp?dictionary=NCI_Thesaurus&code=" + m.group(1));
        }
        if ((m = HGNC_IRI.matcher(iri)).matches()) return hgnc("HGNC:" + m.group(1));
        if ((m = UNIPROT_IRI.matcher(iri)).matches()) return uniprot(m.group(1));
        if ((m = MESH_IRI.matcher(iri)).matches()) return mesh(m.group(1));
        return id("same as", iri, null);
    }

    private static Map<String, Object> hgnc(String v) {
        return id("HGNC", v, HGNC_ID.matcher(v).matches() ? "https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/" + v : null);
    }

    private static Map<String, Object> uniprot(String v) {
        return id("UniProt", v, UNIPROT.matcher(v).matches() ? "https://www.uniprot.org/uniprotkb/" + v : null);
    }

    private static Map<String, Object> mesh(String v) {
        return id("MeSH", v, MESH.matcher(v).matches() ? "https://meshb.nlm.nih.gov/record/ui?ui=" + v : null);
    }

    private static Map<String, Object> id(String scheme, String value, String url) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", scheme);
        m.put("value", value);
        m.put("url", url);
        return m;
    }
}
