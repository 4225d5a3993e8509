package dev.salvo.client;

/**
 * The origin's circuit breaker is open (see {@link CircuitBreakerPolicy}): too many recent calls to it
 * failed, so this one was failed at once instead of being sent. It was not sent; it may be tried again
 * once the breaker lets probes through.
 */
public class CircuitOpenException extends SalvoIOException {
    private static final long serialVersionUID = 1L;

    public CircuitOpenException(String message) {
        super(message);
    }
}
