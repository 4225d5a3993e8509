package dev.salvo.client;

/** No connection could be made: refused, unreachable, DNS failure or connect timeout. */
public class ConnectFailedException extends SalvoIOException {
    private static final long serialVersionUID = 1L;

    public ConnectFailedException(String message) {
        super(message);
    }

    public ConnectFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
