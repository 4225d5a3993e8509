package dev.salvo.client;

import java.net.URI;
import java.util.Objects;

/**
 * What every response has whatever became of its body: the request it answers, the status and the
 * headers. Shared by {@link Response} (the body in memory) and {@link BodyResponse} (the body a
 * {@link BodyHandler} chose). Immutable.
 */
abstract class ResponseHead {
    private final Request request;
    private final int status;
    private final Headers headers;

    ResponseHead(Request request, int status, Headers headers) {
        this.request = Objects.requireNonNull(request, "request");
        this.headers = Objects.requireNonNull(headers, "headers");
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
}
