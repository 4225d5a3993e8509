package dev.salvo.client;

import java.net.URI;
import java.util.Objects;

/**
 * What every response has whatever became of its body: the request it answers, the status, the
 * headers, the HTTP version it came on and the trailers. Shared by {@link Response} (the body in memory) and {@link BodyResponse} (the body a
 * {@link BodyHandler} chose). Immutable.
 */
abstract class ResponseHead {
    private final Request request;
    private final int status;
    private final Headers headers;
    private final HttpVersion version;
    private final Headers trailers;

    ResponseHead(Request request, int status, Headers headers, HttpVersion version, Headers trailers) {
        this.request = Objects.requireNonNull(request, "request");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.version = Objects.requireNonNull(version, "version");
        this.trailers = Objects.requireNonNull(trailers, "trailers");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a 3-digit code, got " + status);
        }
        this.status = status;
    }

    /** The request that produced this response (the last hop when redirects were followed). */
    public Request request() {
        return request;
    }

    /** The URI this response came from. */
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
}
