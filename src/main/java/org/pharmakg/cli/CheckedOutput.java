package org.pharmakg.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a command writes for the user (an export, query results), to a file or to standard output,
 * with every write checked: {@link PrintStream} and {@link java.io.PrintWriter} swallow errors, so a
 * full disk or a closed pipe would otherwise end in "wrote FILE" and exit 0.
 *
 * <pre>CheckedOutput.write(Path.of("graph.ttl"), out -&gt; ReadableTurtle.write(g, prefixes, out));</pre>
 *
 * A failed write ends in {@link WriteException} ("cannot write FILE: REASON", exit 1; FILE is
 * "standard output" for stdout), and a half-written file is removed.
 */
final class CheckedOutput {
    /** Writes the output; may throw the stream's IOException or an unchecked exception wrapping it. */
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Set by {@link Main#main}: System.out is this process's own standard output, so file descriptor 1 may be written directly. */
    static volatile boolean processStdout;

    static final String STDOUT = "standard output";

    private CheckedOutput() {}

    /** Runs {@code body} on {@code file} (standard output when null), failing with the reason of the first failed write. */
    static void write(Path file, Body body) {
        String name = file == null ? STDOUT : file.toString();
        Recording rec;
        try {
            rec = new Recording(file == null ? stdout() : Files.newOutputStream(file));
        } catch (IOException e) {
            throw new WriteException(name, e);
        }
        Throwable during = null;
        try (OutputStream out = new BufferedOutputStream(rec, 64 * 1024)) {
            body.write(out);
        } catch (IOException | RuntimeException e) {
            during = e;
        }
        IOException cause = rec.failure != null ? rec.failure : during instanceof IOException io ? io : null;
        if (cause != null) {
            if (file != null) removePartial(file);
            throw new WriteException(name, cause);
        }
        if (during instanceof RuntimeException re) throw re;
    }

    /** The process's standard output, or a checked view of System.out when it has been replaced (tests capture it). */
    private static OutputStream stdout() {
        PrintStream ps = System.out;
        ps.flush();
        if (processStdout) {
            return new FilterOutputStream(new FileOutputStream(FileDescriptor.out)) {
                @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
                @Override public void close() throws IOException { flush(); }   // never close descriptor 1
            };
        }
        return new OutputStream() {
            @Override public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }
            @Override public void write(byte[] b, int off, int len) throws IOException {
                ps.write(b, off, len);
                check();
            }
            @Override public void flush() throws IOException { check(); }
            @Override public void close() throws IOException { check(); }
            private void check() throws IOException {
                if (ps.checkError()) throw new IOException("write error (the disk is full or the reader has gone)");
            }
        };
    }

    private static void removePartial(Path file) {
        try {
            if (Files.isRegularFile(file)) Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            // the failure is reported anyway; a partial file left behind is named in the message
        }
    }

    /** "no space left on device", "permission denied", "is a directory": what the OS said, without the path. */
    static String reason(IOException e) {
        String r;
        if (e instanceof NoSuchFileException) r = "no such file or directory (does the folder exist?)";
        else if (e instanceof AccessDeniedException) r = "permission denied";
        else if (e instanceof FileSystemException fe && fe.getReason() != null) r = fe.getReason();
        else r = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return r.isEmpty() ? r : r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
    }

    /** Remembers the first failure of the stream beneath it, whatever the writers above make of it. */
    private static final class Recording extends FilterOutputStream {
        volatile IOException failure;

        Recording(OutputStream out) { super(out); }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (failure != null) throw failure;
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException { write(new byte[] {(byte) b}, 0, 1); }

        @Override
        public void flush() throws IOException {
            if (failure != null) throw failure;
            try {
                out.flush();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                flush();
            } finally {
                try {
                    out.close();
                } catch (IOException e) {
                    if (failure == null) failure = e;
                    throw e;
                }
            }
        }
    }

    /** A write that failed: exit 1 with "cannot write FILE: REASON". */
    static final class WriteException extends org.pharmakg.PharmakgException {
        WriteException(String name, IOException cause) { super("cannot write " + name + ": " + reason(cause), cause); }

        WriteException(String name, String reason) { super("cannot write " + name + ": " + reason); }
    }
}
