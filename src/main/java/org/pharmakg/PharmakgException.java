package org.pharmakg;

/**
 * Root of every error pharmakg reports to a user: what went wrong, where, and what to do.
 *
 * <pre>throw new IngestException(path, "not text (binary PNG image)");</pre>
 *
 * Each stage has one subclass; the CLI maps them to exit codes and prints the message
 * without a stack trace unless {@code --verbose} is given.
 */
public class PharmakgException extends RuntimeException {
    public PharmakgException(String message) { super(message); }
    public PharmakgException(String message, Throwable cause) { super(message, cause); }
}
