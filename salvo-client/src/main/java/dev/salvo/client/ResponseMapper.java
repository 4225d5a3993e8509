package dev.salvo.client;

/**
 * Turns a response into a value (deserialization, validation). Salvo runs it on its callback
 * executor, never on a transport's I/O thread; whatever it throws fails that call's future.
 */
@FunctionalInterface
public interface ResponseMapper<T> {
    T map(Response response) throws Exception;
}
