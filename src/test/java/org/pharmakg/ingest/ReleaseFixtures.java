package org.pharmakg.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Test fixtures: one of the project's seed releases (data/) dressed as the other kinds of input, a saved web
 * page with furniture, a PDF made with PDFBox, an SEC EDGAR submission, so tests can check that every kind
 * gives the same release.
 *
 * <pre>{@code
 * ReleaseFixtures.Seed s = ReleaseFixtures.seed("000_9041f48a740ce000.txt");
 * Files.writeString(dir.resolve("x.html"), ReleaseFixtures.page(s, 0, null));
 * Files.write(dir.resolve("x.pdf"), ReleaseFixtures.pdf(s));
 * }</pre>
 */
public final class ReleaseFixtures {

    /** A seed release's parts: date line, headline, body paragraphs (lines inside joined by a newline). */
    public record Seed(String dateLine, LocalDate published, String headline, List<String> paragraphs) {
        /** The release as plain text, the way a .txt has it. */
        public String text() {
            return (dateLine == null ? "" : dateLine + "\n\n") + headline + "\n\n" + String.join("\n\n", paragraphs) + "\n";
        }

        /** The same release with one word replaced (a syndicating site's small edit). */
        public Seed edited(String from, String to) {
            return new Seed(dateLine, published, headline, paragraphs.stream().map(p -> p.replace(from, to)).toList());
        }
    }

    private ReleaseFixtures() {
    }

    /** The seed release {@code data/NAME}, as the project's reader cleans it. */
    public static Seed seed(String name) {
        PressRelease pr = new PressReleaseReader().read(Path.of("data", name));
        List<String> paras = new ArrayList<>();
        for (String block : pr.text().split("\\n[ \\t]*\\n")) {
            List<String> lines = new ArrayList<>();
            for (String line : block.split("\\n")) {
                String l = line.strip().replaceAll("[ \\t]+", " ");
                if (!l.isEmpty()) lines.add(l);
            }
            if (!lines.isEmpty()) paras.add(String.join("\n", lines));
        }
        String dateLine = null;
        int h = paras.indexOf(pr.headline());
        if (h < 0) throw new IllegalStateException(name + ": headline paragraph not found");
        if (h > 0) dateLine = paras.get(h - 1);
        return new Seed(dateLine, pr.published(), pr.headline(), List.copyOf(paras.subList(h + 1, paras.size())));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String[] SITES = {"BioWire Daily", "Pharma Street", "Investor Relations", "MedNews Network", "Biotech Ledger"};

    /**
     * A saved news page of the release with real-looking furniture: navigation, a cookie banner, share
     * buttons, related news naming other companies, a footer. {@code variant} (0-4) changes the site and
     * its layout.
     */
    public static String page(Seed s, int variant) {
        String site = SITES[variant % SITES.length];
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>").append(esc(s.headline())).append(" | ").append(site).append("</title>\n")
                .append("<meta property=\"og:title\" content=\"").append(esc(s.headline())).append("\">\n")
                .append("<meta property=\"og:url\" content=\"https://").append(site.replace(" ", "").toLowerCase())
                .append(".example/news/").append(variant).append("\">\n");
        if (s.published() != null) {
            b.append("<meta property=\"article:published_time\" content=\"").append(s.published()).append("T08:00:00Z\">\n")
                    .append("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"")
                    .append(s.published()).append("\"}</script>\n");
        }
        b.append("<script>window.dataLayer=[];function track(){}</script><style>.nav{display:flex}</style></head>\n<body>\n");
        b.append("<div class=\"cookie-banner\"><p>We use cookies to give you the best experience on our website, to analyse "
                + "traffic and to personalise content. By continuing to browse this site you agree to our use of cookies.</p>"
                + "<button>Accept all</button></div>\n");
        b.append("<header class=\"site-header\"><a href=\"/\">").append(site).append("</a><nav><ul>")
                .append("<li><a href=\"/news\">News</a></li><li><a href=\"/markets\">Markets</a></li><li><a href=\"/pharma\">Pharma</a></li>")
                .append("<li><a href=\"/ir\">Investors</a></li><li><a href=\"/contact\">Contact</a></li></ul></nav></header>\n");
        String open = switch (variant % 3) {
            case 0 -> "<main><article class=\"press-release\">";
            case 1 -> "<div id=\"wrapper\"><div class=\"col-8\" id=\"story\">";
            default -> "<div class=\"container\"><section class=\"entry-content\">";
        };
        String close = switch (variant % 3) {
            case 0 -> "</article></main>";
            case 1 -> "</div></div>";
            default -> "</section></div>";
        };
        b.append(open).append("\n<h1>").append(esc(s.headline())).append("</h1>\n");
        if (s.dateLine() != null) b.append("<p class=\"dateline\"><time datetime=\"").append(s.published()).append("\">")
                .append(esc(s.dateLine())).append("</time></p>\n");
        b.append("<div class=\"share-bar\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a> <a href=\"#\">LinkedIn</a> "
                + "<a href=\"#\">Email</a> <a href=\"#\">Print</a></div>\n");
        for (String p : s.paragraphs()) {
            b.append("<p>").append(esc(p).replace("\n", "<br>\n")).append("</p>\n");
        }
        b.append(close).append("\n");
        b.append("<aside class=\"sidebar\"><h3>Related news</h3><ul>"
                + "<li><a href=\"/n/1\">Pfizer Reports Third-Quarter 2012 Results</a></li>"
                + "<li><a href=\"/n/2\">Merck Starts Phase 3 Trial of MK-3475 in Melanoma</a></li>"
                + "<li><a href=\"/n/3\">Amgen and Onyx Agree on $10 Billion Acquisition</a></li></ul></aside>\n");
        b.append("<div class=\"more-news\"><a href=\"/n/4\">Novartis licenses LEE011 to Astex Pharmaceuticals</a> "
                + "<a href=\"/n/5\">Gilead acquires Pharmasset</a></div>\n");
        b.append("<footer><p>© 2013 ").append(site).append(". All rights reserved. <a href=\"/privacy\">Privacy Policy</a> "
                + "<a href=\"/terms\">Terms of Use</a> <a href=\"/sitemap\">Sitemap</a></p></footer>\n</body></html>\n");
        return b.toString();
    }

    /** The release as a PDF made with PDFBox: a running header and "Page N of M" footer on every page. */
    public static byte[] pdf(Seed s) {
        try (PDDocument doc = new PDDocument()) {
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float size = 11;
            float leading = 15;
            float width = PDRectangle.LETTER.getWidth() - 144;
            List<String> lines = new ArrayList<>();
            List<String> paras = new ArrayList<>();
            if (s.dateLine() != null) paras.add(s.dateLine());
            paras.add(s.headline());
            paras.addAll(s.paragraphs());
            for (String p : paras) {
                for (String line : p.split("\n")) {
                    lines.addAll(wrap(font, size, width, safe(font, line)));
                }
                lines.add("");
            }
            int perPage = 38;
            int pages = (lines.size() + perPage - 1) / perPage;
            for (int page = 0; page < pages; page++) {
                PDPage pg = new PDPage(PDRectangle.LETTER);
                doc.addPage(pg);
                try (PDPageContentStream cs = new PDPageContentStream(doc, pg)) {
                    float top = pg.getMediaBox().getHeight() - 50;
                    text(cs, font, 9, 72, top, "ImmunoGen Press Release - www.ir-site.example");
                    float y = top - 40;
                    for (String line : lines.subList(page * perPage, Math.min(lines.size(), (page + 1) * perPage))) {
                        y -= line.isEmpty() ? leading : leading;
                        if (!line.isEmpty()) text(cs, font, size, 72, y, line);
                    }
                    text(cs, font, 9, 72, 40, "Page " + (page + 1) + " of " + pages);
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PDF that needs the password "secret" to open. */
    public static byte[] encryptedPdf(Seed s) {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf(s))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A two-page PDF with drawings and no text (as a scan has). */
    public static byte[] imageOnlyPdf() {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < 2; i++) {
                PDPage pg = new PDPage(PDRectangle.LETTER);
                doc.addPage(pg);
                try (PDPageContentStream cs = new PDPageContentStream(doc, pg)) {
                    cs.addRect(72, 72, 300, 500);
                    cs.fill();
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SEC EDGAR full submission: an 8-K and the release as its exhibit 99.1 (HTML). */
    public static String edgar(Seed s, String filer, String cik) {
        String day = s.published() == null ? "20120711" : s.published().toString().replace("-", "");
        StringBuilder ex = new StringBuilder("<HTML><BODY>\n<P ALIGN=\"right\">Exhibit 99.1</P>\n");
        ex.append("<P><B>").append(esc(s.headline())).append("</B></P>\n");
        if (s.dateLine() != null) ex.append("<P>").append(esc(s.dateLine())).append("</P>\n");
        for (String p : s.paragraphs()) ex.append("<P>").append(esc(p).replace("\n", "<BR>\n")).append("</P>\n");
        ex.append("</BODY></HTML>\n");
        return "<SEC-DOCUMENT>0001193125-12-300001.txt : " + day + "\n"
                + "<SEC-HEADER>0001193125-12-300001.hdr.sgml : " + day + "\n"
                + "ACCESSION NUMBER:\t\t0001193125-12-300001\n"
                + "CONFORMED SUBMISSION TYPE:\t8-K\nPUBLIC DOCUMENT COUNT:\t\t2\n"
                + "CONFORMED PERIOD OF REPORT:\t" + day + "\nITEM INFORMATION:\t\tOther Events\n"
                + "FILED AS OF DATE:\t\t" + day + "\n\n"
                + "FILER:\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\t" + filer + "\n"
                + "\t\tCENTRAL INDEX KEY:\t\t\t" + cik + "\n"
                + "\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tPHARMACEUTICAL PREPARATIONS [2834]\n"
                + "\t\tSTATE OF INCORPORATION:\t\t\tMA\n\t\tFISCAL YEAR END:\t\t\t0630\n"
                + "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>d8k.htm\n<DESCRIPTION>FORM 8-K\n<TEXT>\n"
                + "<HTML><BODY><P>UNITED STATES SECURITIES AND EXCHANGE COMMISSION, Washington, D.C. 20549</P>"
                + "<P>FORM 8-K CURRENT REPORT Pursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934</P>"
                + "<P>Item 8.01 Other Events. On the date of this report the Registrant issued the press release attached"
                + " as Exhibit 99.1, which is incorporated herein by reference.</P></BODY></HTML>\n</TEXT>\n</DOCUMENT>\n"
                + "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>dex991.htm\n<DESCRIPTION>PRESS RELEASE\n<TEXT>\n"
                + ex + "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    private static List<String> wrap(PDFont font, float size, float width, String line) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String w : line.split(" ")) {
            String next = cur.length() == 0 ? w : cur + " " + w;
            if (cur.length() > 0 && font.getStringWidth(next) / 1000 * size > width) {
                out.add(cur.toString());
                cur.setLength(0);
                cur.append(w);
            } else {
                cur.setLength(0);
                cur.append(next);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    /** The characters Helvetica's encoding has; others become '?'. */
    private static String safe(PDFont font, String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                b.append(c);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
