package dev.salvo.client;

/** The call's whole deadline (queue wait + headers + body) passed before it completed. */
public class DeadlineExceededException extends SalvoIOException {
    private static final long serialVersionUID = 1L;

    public DeadlineExceededException(String message) {
        super(message);
    }

    public DeadlineExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
