package dev.salvo.client;

/**
 * A response body is larger than the limit of the call ({@link Request.Builder#maxResponseBytes}, else
 * {@link Salvo.Builder#maxResponseBytes}, or {@link BodyHandler#ofBytes}); raised as soon as the
 * announced length or the bytes received pass it, before the memory is spent. The exchange is aborted.
 */
public class ResponseTooLargeException extends SalvoIOException {
    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    public ResponseTooLargeException(String message, long maxBytes) {
        super(message);
        this.maxBytes = maxBytes;
    }

    /** The limit that was passed, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }
}
