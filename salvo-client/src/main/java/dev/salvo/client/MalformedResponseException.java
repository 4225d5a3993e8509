package dev.salvo.client;

/**
 * The peer's reply was not valid HTTP (garbage status line, bad headers, bad framing), or its encoded
 * body was corrupt or cut short (see {@link Interceptors#decompressing}).
 */
public class MalformedResponseException extends SalvoIOException {
    private static final long serialVersionUID = 1L;

    public MalformedResponseException(String message) {
        super(message);
    }

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
