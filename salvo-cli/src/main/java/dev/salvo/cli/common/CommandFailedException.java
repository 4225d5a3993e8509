package dev.salvo.cli.common;

/**
 * The work of a command failed (a server unreachable, a port taken): the command prints
 * {@code Error: <message>} on one line and exits with 1.
 */
public final class CommandFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
