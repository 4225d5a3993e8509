package dev.salvo.server.internal.http;

/**
 * Serves one request: reads it from the exchange and replies exactly once, now or later (through
 * {@link Exchange#spend}, a timer or a stream). May throw {@link HttpError} before replying.
 */
@FunctionalInterface
public interface Endpoint {
    void handle(Exchange exchange) throws Exception;
}
