package org.pharmakg.nlp;

import org.pharmakg.PharmakgException;

/** The NLP stage could not start or run (models missing, rule file invalid). */
public class NlpException extends PharmakgException {
    public NlpException(String message) { super(message); }
    public NlpException(String message, Throwable cause) { super(message, cause); }
}
