package dev.salvo.server.internal.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Thrown by an endpoint to reject a request; the router turns it into the JSON error
 * {@code {status_code, error, detail}}. Carries no stack trace: it is an answer, not a fault.
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient HttpResponseStatus status;

    public HttpError(HttpResponseStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    /** A 400 Bad Request with {@code detail}. */
    public static HttpError badRequest(String detail) {
        return new HttpError(HttpResponseStatus.BAD_REQUEST, detail);
    }

    /** A 404 Not Found with {@code detail}. */
    public static HttpError notFound(String detail) {
        return new HttpError(HttpResponseStatus.NOT_FOUND, detail);
    }

    public HttpResponseStatus status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }
}
