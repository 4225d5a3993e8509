package dev.salvo.client;

/** The client's queue bound was reached; the request was not queued. */
public class QueueFullException extends SalvoIOException {
    private static final long serialVersionUID = 1L;

    public QueueFullException(String message) {
        super(message);
    }

    public QueueFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
