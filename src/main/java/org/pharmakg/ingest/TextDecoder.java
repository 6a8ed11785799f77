package org.pharmakg.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns the bytes of a file into text, or says why they are not text.
 *
 * <pre>{@code
 * TextDecoder.Decoded d = new TextDecoder(Charset.forName("windows-1252")).decode(path, bytes);
 * String text = d.text();   // BOM removed
 * }</pre>
 *
 * Order: byte-order mark (UTF-8, UTF-16LE/BE); magic numbers of binary formats; strict UTF-8;
 * UTF-16 without BOM when NULs sit at every other position; the fallback charset. Whatever is
 * decoded must look like text (few control characters in the first 8 KB) and not be blank.
 */
final class TextDecoder {

    /** The decoded text and the charset it was read with. */
    record Decoded(String text, Charset charset) { }

    private static final int SAMPLE = 8192;
    private static final String CONVERT = "remove it or convert it to .txt";

    private final Charset fallback;

    TextDecoder(Charset fallback) {
        this.fallback = fallback;
    }

    Decoded decode(Path path, byte[] bytes) {
        if (bytes.length == 0) {
            throw new IngestException(path, "empty file", "remove it or add the release text");
        }
        Decoded d = decodeBytes(path, bytes);
        if (d.text().isBlank()) {
            throw new IngestException(path, "empty file (only whitespace)",
                    "remove it or add the release text");
        }
        return d;
    }

    private Decoded decodeBytes(Path path, byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return checked(path, strict(path, b, 3, StandardCharsets.UTF_8, "UTF-8 (it has a UTF-8 BOM)"),
                    StandardCharsets.UTF_8);
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return checked(path, strict(path, b, 2, StandardCharsets.UTF_16LE, "UTF-16LE (it has a BOM)"),
                    StandardCharsets.UTF_16LE);
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return checked(path, strict(path, b, 2, StandardCharsets.UTF_16BE, "UTF-16BE (it has a BOM)"),
                    StandardCharsets.UTF_16BE);
        }
        String format = binaryFormat(b);
        if (format != null) {
            throw new IngestException(path, "not text (" + format + ")", hintFor(format));
        }
        int n = Math.min(b.length, SAMPLE);
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                if ((i & 1) == 0) {
                    evenNul++;
                } else {
                    oddNul++;
                }
            }
        }
        if (evenNul + oddNul > 0) {
            Charset utf16 = utf16Guess(evenNul, oddNul, n);
            if (utf16 == null) {
                throw new IngestException(path, "not text (binary: NUL bytes in the first "
                        + SAMPLE / 1024 + " KB)", CONVERT);
            }
            String text;
            try {
                text = newDecoder(utf16).decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                throw new IngestException(path, "not text (binary: NUL bytes, not valid "
                        + utf16.name() + ")", CONVERT, e);
            }
            return checked(path, text, utf16);
        }
        try {
            String text = newDecoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(b)).toString();
            return checked(path, text, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            // not UTF-8: the fallback charset (unmappable bytes become U+FFFD, counted by checked)
            return checked(path, new String(b, fallback), fallback);
        }
    }

    /** A UTF-16 byte order guessed from where the NULs sit, or null when it does not look like it. */
    private static Charset utf16Guess(int evenNul, int oddNul, int n) {
        double half = Math.max(1, n / 2);
        double even = evenNul / half;
        double odd = oddNul / half;
        if (odd >= 0.3 && even <= 0.05) {
            return StandardCharsets.UTF_16LE;   // 'A' 00
        }
        if (even >= 0.3 && odd <= 0.05) {
            return StandardCharsets.UTF_16BE;   // 00 'A'
        }
        return null;
    }

    private static String strict(Path path, byte[] b, int skip, Charset cs, String what) {
        try {
            return newDecoder(cs).decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
        } catch (CharacterCodingException e) {
            String where = "";
            if (e instanceof MalformedInputException) {
                where = " at offset " + badOffset(b, skip, cs);
            }
            throw new IngestException(path, "not valid " + what + where,
                    "convert it to UTF-8", e);
        }
    }

    /** Byte offset where strict decoding first fails. */
    private static int badOffset(byte[] b, int skip, Charset cs) {
        CharsetDecoder dec = newDecoder(cs);
        ByteBuffer in = ByteBuffer.wrap(b, skip, b.length - skip);
        CharBuffer out = CharBuffer.allocate(b.length + 2);
        dec.decode(in, out, true);
        return in.position();
    }

    private static CharsetDecoder newDecoder(Charset cs) {
        return cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Rejects decoded text that has too many control or replacement characters to be prose. */
    private static Decoded checked(Path path, String text, Charset cs) {
        int n = Math.min(text.length(), SAMPLE);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
                    || c == 0x7F || c == '\uFFFD';
            if (control) {
                bad++;
            }
        }
        if (n > 0 && bad * 100L > n * 5L) {
            String pct = String.format(Locale.ROOT, "%.0f%%", 100.0 * bad / n);
            throw new IngestException(path, "not text (binary: " + pct
                    + " control characters in the first " + SAMPLE / 1024 + " KB read as " + cs.name()
                    + ")", CONVERT);
        }
        return new Decoded(text, cs);
    }

    /** The name of a binary format recognised by its magic number, or null. */
    static String binaryFormat(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "PNG image";
        }
        if (startsWith(b, 0x1F, 0x8B)) {
            return "gzip archive";
        }
        if (startsWith(b, 'P', 'K', 3, 4) || startsWith(b, 'P', 'K', 5, 6) || startsWith(b, 'P', 'K', 7, 8)) {
            return "ZIP archive, e.g. .docx";
        }
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
            return "PDF document";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "JPEG image";
        }
        if (startsWith(b, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 'G', 'I', 'F', '8', '9', 'a')) {
            return "GIF image";
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "OLE2 document, e.g. .doc";
        }
        return null;
    }

    private static String hintFor(String format) {
        if (format.startsWith("PDF")) {
            return "remove it or convert it to .txt (e.g. with pdftotext)";
        }
        if (format.startsWith("gzip") || format.startsWith("ZIP")) {
            return "unpack it, or remove it or convert it to .txt";
        }
        return CONVERT;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
