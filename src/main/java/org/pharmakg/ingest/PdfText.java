package org.pharmakg.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Takes the text out of a PDF release with Apache PDFBox: in reading order (sorted by position),
 * running page headers and footers dropped, lines of a paragraph joined.
 *
 * <pre>{@code
 * SourceText s = PdfText.extract(Path.of("release.pdf"), bytes);   // IngestException: encrypted, no text layer
 * }</pre>
 *
 * A header or footer is the first or last line of a page that, with its digits ignored, is the first or
 * last line of another page too ("Acme Bio – Page 2 of 3"), or a bare page number. A PDF that asks for
 * a password, or whose pages carry no text (scanned images), is refused with a message saying so: it is
 * never stored empty.
 */
public final class PdfText {

    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)^\\s*(?:page\\s*)?\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?\\s*$");

    private PdfText() {
    }

    /** Whether the bytes start like a PDF file. */
    public static boolean isPdf(byte[] bytes) {
        return bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F' && bytes[4] == '-';
    }

    /**
     * The release text of the PDF in {@code bytes}.
     *
     * @throws IngestException when the PDF is encrypted, damaged, or has no text layer
     */
    public static SourceText extract(Path file, byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            List<List<String>> lines = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            stripper.setParagraphEnd("\n");
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                lines.add(List.of(stripper.getText(pdf).split("\n", -1)));
            }
            String text = join(dropRunningLines(lines));
            if (text.isBlank()) {
                throw new IngestException(file, "no text layer (an image-only PDF, " + pages + (pages == 1 ? " page" : " pages")
                        + " of scanned images)", "run OCR on it (e.g. ocrmypdf) or get the release as text or HTML");
            }
            String title = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
            return new SourceText(text, title == null || title.isBlank() ? null : title.strip(), null, null, null, null, null);
        } catch (InvalidPasswordException e) {
            throw new IngestException(file, "encrypted PDF (it needs a password to open)",
                    "save an unprotected copy, or the release as text", e);
        } catch (IOException e) {
            throw new IngestException(file, "damaged or unreadable PDF (" + e.getMessage() + ")",
                    "save it again from the source, or the release as text", e);
        }
    }

    /** Drops the lines that repeat at the top or bottom of pages, and bare page numbers there. */
    static List<List<String>> dropRunningLines(List<List<String>> pages) {
        Map<String, Integer> edgeCount = new HashMap<>();
        for (List<String> page : pages) {
            for (String edge : edges(page)) {
                edgeCount.merge(key(edge), 1, Integer::sum);
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (List<String> page : pages) {
            List<String> kept = new ArrayList<>(page);
            for (int pass = 0; pass < 2; pass++) {
                trimBlank(kept);
                if (!kept.isEmpty() && running(kept.get(0), edgeCount, pages.size())) {
                    kept.remove(0);
                }
                trimBlank(kept);
                if (!kept.isEmpty() && running(kept.get(kept.size() - 1), edgeCount, pages.size())) {
                    kept.remove(kept.size() - 1);
                }
            }
            out.add(kept);
        }
        return out;
    }

    private static boolean running(String line, Map<String, Integer> edgeCount, int pages) {
        return PAGE_NUMBER.matcher(line).matches() || pages > 1 && edgeCount.getOrDefault(key(line), 0) > 1;
    }

    /** The first two and last two non-blank lines of a page. */
    private static List<String> edges(List<String> page) {
        List<String> nonBlank = page.stream().filter(l -> !l.isBlank()).toList();
        List<String> e = new ArrayList<>();
        for (int i = 0; i < Math.min(2, nonBlank.size()); i++) {
            e.add(nonBlank.get(i));
            e.add(nonBlank.get(nonBlank.size() - 1 - i));
        }
        return e.stream().distinct().toList();
    }

    private static String key(String line) {
        return line.strip().replaceAll("\\d+", "#").replaceAll("\\s+", " ");
    }

    private static void trimBlank(List<String> lines) {
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
    }

    /** Pages in order; a blank line ends a paragraph, other line breaks inside a paragraph become spaces. */
    private static String join(List<List<String>> pages) {
        StringBuilder out = new StringBuilder();
        StringBuilder para = new StringBuilder();
        for (List<String> page : pages) {
            for (String raw : page) {
                String line = raw.strip();
                if (line.isEmpty()) {
                    flush(out, para);
                } else {
                    if (para.length() > 0) {
                        para.append(para.charAt(para.length() - 1) == '-' && Character.isLowerCase(line.charAt(0)) ? "" : " ");
                    }
                    para.append(line);
                }
            }
            // a paragraph may go on across the page break; one ending a sentence does not
            if (para.length() > 0 && ".:!?”\"".indexOf(para.charAt(para.length() - 1)) >= 0) {
                flush(out, para);
            }
        }
        flush(out, para);
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder para) {
        if (para.length() == 0) {
            return;
        }
        if (out.length() > 0) {
            out.append("\n\n");
        }
        out.append(para);
        para.setLength(0);
    }
}
