package org.pharmakg.ingest;

import java.io.IOException;
import java.nio.file.Path;

/** Test helpers of the ingest package for tests elsewhere: a FIFO, and which characters cleaning turns into spaces. */
public final class DocumentFinderTestAccess {
    private DocumentFinderTestAccess() {}

    public static Path mkfifo(Path p) throws IOException {
        try {
            return DocumentFinderTest.fifo(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public static boolean invisible(char c) { return TextCleaner.invisible(c); }
}
