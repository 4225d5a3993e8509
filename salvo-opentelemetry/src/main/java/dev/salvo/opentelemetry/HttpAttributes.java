package dev.salvo.opentelemetry;

import dev.salvo.client.Origin;
import dev.salvo.client.Request;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanBuilder;
import java.net.URI;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The attributes of OpenTelemetry's HTTP client semantic conventions (stable since semconv 1.23) that a
 * Salvo call knows, and Salvo's own for its span events. Stateless.
 */
final class HttpAttributes {
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> METHOD_ORIGINAL = AttributeKey.stringKey("http.request.method_original");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    /** Span event of a retry: its {@link #RETRY_REASON}, {@link #RETRY_WAIT_MS} and the {@link #ATTEMPT} that failed. */
    static final String RETRY_EVENT = "salvo.retry";
    /** Span event of a redirect followed: the redirect's {@link #STATUS_CODE} and the {@link #LOCATION}. */
    static final String REDIRECT_EVENT = "salvo.redirect";
    static final AttributeKey<String> RETRY_REASON = AttributeKey.stringKey("salvo.retry.reason");
    static final AttributeKey<Long> RETRY_WAIT_MS = AttributeKey.longKey("salvo.retry.wait_ms");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("salvo.attempt");
    static final AttributeKey<String> LOCATION = AttributeKey.stringKey("salvo.redirect.location");

    /** Query parameters whose values semconv says to redact in {@code url.full}. */
    private static final Set<String> SECRET_PARAMETERS = Set.of("AWSAccessKeyId", "Signature", "sig", "X-Goog-Signature");
    private static final String REDACTED = "REDACTED";

    private HttpAttributes() {
    }

    /** Whether semconv knows {@code method}; any other is reported as {@code _OTHER}, its span named {@code HTTP}. */
    static boolean isKnown(String method) {
        return switch (method) {
            case "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH" -> true;
            default -> false;
        };
    }

    /** The span's name: the method, or {@code HTTP} for one semconv does not know. */
    static String spanName(String method, boolean known) {
        return known ? method : "HTTP";
    }

    /** Puts what is known before sending on the span: method, URL, server address and port. */
    static SpanBuilder describe(SpanBuilder span, Request request, boolean known) {
        Origin origin = request.origin();
        if (known) {
            span.setAttribute(METHOD, request.method());
        } else {
            span.setAttribute(METHOD, "_OTHER").setAttribute(METHOD_ORIGINAL, request.method());
        }
        return span.setAttribute(URL_FULL, redacted(request.uri()))
                .setAttribute(SERVER_ADDRESS, origin.host())
                .setAttribute(SERVER_PORT, (long) origin.port());
    }

    /** {@code error.type} of a failure: its class's full name, as semconv asks. */
    static String errorType(Throwable failure) {
        return failure.getClass().getName();
    }

    /** Whether a CLIENT span with this status is an error: 4xx and 5xx, as semconv says for clients. */
    static boolean isError(int status) {
        return status >= 400;
    }

    /** {@code uri} without credentials: user info and the signature parameters of a query become {@code REDACTED}. */
    static String redacted(URI uri) {
        String text = uri.toString();
        if (uri.getRawUserInfo() == null && uri.getRawQuery() == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(uri.getScheme()).append("://");
        if (uri.getRawUserInfo() != null) {
            out.append(REDACTED).append(':').append(REDACTED).append('@');
        }
        out.append(uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1));
        out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            out.append('?').append(redactedQuery(uri.getRawQuery()));
        }
        if (uri.getRawFragment() != null) {
            out.append('#').append(uri.getRawFragment());
        }
        return out.toString();
    }

    private static String redactedQuery(String query) {
        StringJoiner out = new StringJoiner("&");
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            out.add(eq >= 0 && SECRET_PARAMETERS.contains(pair.substring(0, eq)) ? pair.substring(0, eq + 1) + REDACTED : pair);
        }
        return out.toString();
    }
}
