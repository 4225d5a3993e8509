package dev.salvo.client;

import java.net.URI;

/**
 * A response whose body a {@link BodyHandler} chose: a stream, a file, a count, bytes. Immutable
 * (the body value itself may be a live stream: close it). A 4xx or 5xx status is data.
 *
 * @param <T> the body's value
 */
public final class BodyResponse<T> {
    private final Request request;
    private final int status;
    private final Headers headers;
    private final T body;

    BodyResponse(Request request, int status, Headers headers, T body) {
        this.request = request;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /** This response with other headers (an interceptor that decoded the body drops Content-Encoding). */
    BodyResponse<T> withHeaders(Headers other) {
        return new BodyResponse<>(request, status, other, body);
    }

    /** The request that produced this response (the last hop when redirects were followed). */
    public Request request() {
        return request;
    }

    public URI uri() {
        return request.uri();
    }

    public int status() {
        return status;
    }

    /** True for 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    public Headers headers() {
        return headers;
    }

    /** The body's value, as the handler made it. */
    public T body() {
        return body;
    }

    @Override
    public String toString() {
        return "BodyResponse[" + status + ' ' + request + "]";
    }
}
