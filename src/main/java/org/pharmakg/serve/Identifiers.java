package org.pharmakg.serve;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Public identifiers of an entity as the explorer shows them: scheme, value and a link to the
 * scheme's own page where one is known (Wikidata, NCIt, ChEMBL, HGNC).
 *
 * <pre>Identifiers.describe("chemblId", "CHEMBL848")  // {scheme=ChEMBL, value=CHEMBL848, url=https://www.ebi.ac.uk/…}</pre>
 */
final class Identifiers {
    private static final String WIKIDATA = "http://www.wikidata.org/entity/";
    private static final String NCIT = "http://purl.obolibrary.org/obo/NCIT_";

    private Identifiers() {}

    /** {@code property} is the local name: exactMatch, chemblId, hgncSymbol or ticker. */
    static Map<String, Object> describe(String property, String value) {
        String scheme;
        String shown = value;
        String url = null;
        switch (property) {
            case "exactMatch" -> {
                if (value.startsWith(WIKIDATA) || value.startsWith("https://www.wikidata.org/entity/")) {
                    scheme = "Wikidata";
                    shown = value.substring(value.lastIndexOf('/') + 1);
                    url = "https://www.wikidata.org/wiki/" + shown;
                } else if (value.startsWith(NCIT)) {
                    scheme = "NCIt";
                    shown = value.substring(NCIT.length());
                    url = "https://ncit.nci.nih.gov/ncitbrowser/ConceptReport.jsp?dictionary=NCI_Thesaurus&code=" + enc(shown);
                } else {
                    scheme = "same as";
                    url = value.startsWith("http://") || value.startsWith("https://") ? value : null;
                }
            }
            case "chemblId" -> {
                scheme = "ChEMBL";
                url = "https://www.ebi.ac.uk/chembl/compound_report_card/" + enc(value) + "/";
            }
            case "hgncSymbol" -> {
                scheme = "HGNC";
                url = value.startsWith("HGNC:")
                        ? "https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/" + enc(value)
                        : "https://www.genenames.org/data/gene-symbol-report/#!/symbol/" + enc(value);
            }
            case "ticker" -> scheme = "Ticker";
            default -> scheme = property;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", scheme);
        m.put("value", shown);
        m.put("url", url);
        return m;
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
