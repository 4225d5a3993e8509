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
    private final HttpVersion version;
    private final Headers trailers;
    private final T body;

    BodyResponse(Request request, int status, Headers headers, HttpVersion version, Headers trailers, T body) {
        this.request = request;
        this.status = status;
        this.headers = headers;
        this.version = version;
        this.trailers = trailers;
        this.body = body;
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

    /** The HTTP version the response came on. */
    public HttpVersion version() {
        return version;
    }

    /** The trailer fields that followed the body (once it was read to the end); empty when none. */
    public Headers trailers() {
        return trailers;
    }

    /** The body's value, as the handler made it. */
    public T body() {
        return body;
    }

    @Override
    public String toString() {
        return "BodyResponse[" + status + ' ' + request + ", " + version + ']';
    }
}
