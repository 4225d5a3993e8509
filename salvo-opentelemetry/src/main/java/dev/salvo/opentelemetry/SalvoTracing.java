package dev.salvo.opentelemetry;

import dev.salvo.client.EventListener;
import dev.salvo.client.Interceptor;
import dev.salvo.client.Salvo;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Objects;

/**
 * OpenTelemetry tracing for a Salvo client: one CLIENT span per call, after OpenTelemetry's HTTP client
 * semantic conventions. Plug both parts into the client; make the interceptor the first (outermost) one so
 * the span covers the others:
 *
 * <pre>{@code
 * SalvoTracing tracing = SalvoTracing.create(openTelemetry);
 * Salvo http = Salvo.newBuilder()
 *         .interceptor(tracing.interceptor())
 *         .eventListener(tracing.eventListener())   // chain others with EventListener.andThen
 *         .build();
 * }</pre>
 *
 * <p>The span's parent is the caller's {@code Context.current()} when it calls {@code send}; its name is the
 * method ({@code HTTP} for a method semconv does not know). It carries {@code http.request.method} (and
 * {@code http.request.method_original} for an unknown one), {@code url.full} (user info and signature query
 * parameters redacted), {@code server.address}, {@code server.port}, {@code http.response.status_code} once a
 * response came, {@code http.request.resend_count} when the request was sent more than once (retries and
 * redirect hops), and on failure {@code error.type} (the exception's class name, or the status code for a
 * 4xx or 5xx, which also sets the span's status to ERROR). The propagator writes the span's context on the
 * request ({@code traceparent} with the W3C propagator), on every attempt and hop. With the listener, each
 * retry is a span event {@code salvo.retry} ({@code salvo.retry.reason}: the status or the
 * exception's class; {@code salvo.retry.wait_ms}; {@code salvo.attempt}: the attempt that failed) and each
 * redirect followed an event {@code salvo.redirect} ({@code http.response.status_code},
 * {@code salvo.redirect.location}).
 *
 * <p>The listener finds each call's span through a tag the interceptor puts on the request it passes on
 * ({@link dev.salvo.client.Request#tag}), which retries, redirect hops and inner interceptors' rebuilds with
 * {@code toBuilder} keep; an inner interceptor's request built afresh is not followed. One
 * {@code SalvoTracing} may serve several clients.
 *
 * <p>The span ends exactly once: when the call's future completes (a value, a failure, a cancel) or, for a
 * body read as a stream, when the body ends. Sampled-out calls are propagated and otherwise cost nothing more.
 */
public final class SalvoTracing {
    /** The instrumentation scope of the spans. */
    public static final String INSTRUMENTATION_SCOPE = "dev.salvo.opentelemetry";

    private final TracingInterceptor interceptor;
    private final CallSpans listener;

    private SalvoTracing(Builder builder) {
        this.listener = new CallSpans();
        this.interceptor = new TracingInterceptor(builder.openTelemetry.getTracer(INSTRUMENTATION_SCOPE), builder.propagator);
    }

    /** Tracing with {@code openTelemetry}'s tracer and text-map propagator. */
    public static SalvoTracing create(OpenTelemetry openTelemetry) {
        return newBuilder(openTelemetry).build();
    }

    /** A builder of tracing with {@code openTelemetry}'s tracer. */
    public static Builder newBuilder(OpenTelemetry openTelemetry) {
        return new Builder(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    }

    /** The interceptor to give {@link Salvo.Builder#interceptor}: the span and the propagation. */
    public Interceptor interceptor() {
        return interceptor;
    }

    /** The listener to give {@link Salvo.Builder#eventListener}: retries, redirects and the end of streamed bodies. */
    public EventListener eventListener() {
        return listener;
    }

    /** Configures {@link SalvoTracing}; not thread-safe. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private TextMapPropagator propagator;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = openTelemetry;
            this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        }

        /**
         * What writes the span's context on the request and reads it back. Default the {@code OpenTelemetry}'s
         * own (W3C {@code traceparent} when it was set up so).
         */
        public Builder propagator(TextMapPropagator propagator) {
            this.propagator = Objects.requireNonNull(propagator, "propagator");
            return this;
        }

        public SalvoTracing build() {
            return new SalvoTracing(this);
        }
    }
}
