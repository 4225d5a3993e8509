package dev.salvo.client;

/** The client was closed before this call could complete. */
public class ClientClosedException extends SalvoIOException {
    private static final long serialVersionUID = 1L;

    public ClientClosedException(String message) {
        super(message);
    }

    public ClientClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
