package dev.salvo.client;

/**
 * A retry or a redirect (307, 308) would send the request body again, and the body can be read only
 * once (an {@code InputStream}): the call ends with this instead of a second attempt with an empty or
 * partial body. Use a replayable body (bytes, a file, a stream supplier) to allow retries.
 */
public class BodyNotReplayableException extends SalvoIOException {
    private static final long serialVersionUID = 1L;

    public BodyNotReplayableException(String message, Throwable cause) {
        super(message, cause);
    }
}
