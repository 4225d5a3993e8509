package dev.salvo.cli.common;

/**
 * The user gave something unusable (a missing file, malformed JSON, a bad URL): the command
 * prints {@code Error: <message>} on one line and exits with 2.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
