package dev.salvo.client.internal;

import dev.salvo.client.Headers;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.Request;

/** Makes what a call's future completes with from the final response's head and its body's value. */
@FunctionalInterface
public interface Finisher<T, R> {
    R finish(Request request, int status, Headers headers, HttpVersion version, Headers trailers, T body);
}
