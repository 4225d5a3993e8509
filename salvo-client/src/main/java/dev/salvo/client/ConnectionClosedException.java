package dev.salvo.client;

/** The peer closed or reset the connection before the response was complete. */
public class ConnectionClosedException extends SalvoIOException {
    private static final long serialVersionUID = 1L;

    public ConnectionClosedException(String message) {
        super(message);
    }

    public ConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
