package dev.salvo.netty;

import dev.salvo.client.SalvoIOException;

/** The response body is larger than the transport's configured maximum; the connection is closed. */
public class ResponseTooLargeException extends SalvoIOException {
    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    public ResponseTooLargeException(String message, long maxBytes) {
        super(message);
        this.maxBytes = maxBytes;
    }

    /** The limit that was exceeded, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }
}
