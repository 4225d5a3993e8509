package dev.salvo.client;

/**
 * A response whose body a {@link BodyHandler} chose: a stream, a file, a count, bytes. Immutable
 * (the body value itself may be a live stream: close it). A 4xx or 5xx status is data.
 *
 * @param <T> the body's value
 */
public final class BodyResponse<T> extends ResponseHead {
    private final T body;

    BodyResponse(Request request, int status, Headers headers, HttpVersion version, Headers trailers, T body) {
        super(request, status, headers, version, trailers);
        this.body = body;
    }

    /** This response with other headers (an interceptor that decoded the body drops Content-Encoding). */
    BodyResponse<T> withHeaders(Headers other) {
        return new BodyResponse<>(request(), status(), other, version(), trailers(), body);
    }

    /** The body's value, as the handler made it. */
    public T body() {
        return body;
    }

    @Override
    public String toString() {
        return "BodyResponse[" + status() + ' ' + request() + ", " + version() + ']';
    }
}
