package dev.salvo.opentelemetry;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodyResponse;
import dev.salvo.client.Interceptor;
import dev.salvo.client.Request;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.concurrent.CompletableFuture;

/**
 * Opens the CLIENT span of a call, a child of the caller's {@link Context#current()}, writes its context
 * into the request's headers with the propagator, tags the request with its {@link TracedCall} (see
 * {@link CallSpans}), and passes the call on with the span current. A span
 * that is not recorded (sampled out) is propagated and current but not followed.
 */
final class TracingInterceptor implements Interceptor {
    /** Each field the propagator writes replaces the carrier's request by one with that header (W3C: one, two with a tracestate). */
    private static final TextMapSetter<Carrier> HEADERS = (carrier, key, value) -> {
        if (carrier != null) {
            carrier.request = carrier.request.withHeader(key, value);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    TracingInterceptor(Tracer tracer, TextMapPropagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public <T> CompletableFuture<BodyResponse<T>> intercept(Request request, BodyHandler<T> handler, Chain chain) {
        Context parent = Context.current();
        boolean known = HttpAttributes.isKnown(request.method());
        Span span = HttpAttributes.describe(tracer.spanBuilder(HttpAttributes.spanName(request.method(), known))
                .setParent(parent).setSpanKind(SpanKind.CLIENT), request, known).startSpan();
        Context context = parent.with(span);
        TracedCall call = span.isRecording() ? new TracedCall(span) : null;
        CompletableFuture<BodyResponse<T>> result;
        try (Scope ignored = context.makeCurrent()) {
            // the tag is how the listener finds this call again in each of its events
            Carrier traced = new Carrier(call == null ? request : request.withTag(TracedCall.class, call));
            propagator.inject(context, traced, HEADERS);
            result = chain.proceed(traced.request, handler);
        } catch (RuntimeException | Error e) { // a propagator's header the request refused, or the chain below threw
            if (call != null) {
                call.settled(null, e);
            }
            throw e;
        }
        if (call != null) {
            // on the thread that completes the call: a client's future would otherwise run it on its callback
            // executor, one hand-off per call (ending a span takes no lock and does not block)
            result.whenCompleteAsync(call::settled, Runnable::run);
        }
        return result;
    }

    @Override
    public String toString() {
        return "tracing(" + propagator + ")";
    }

    /** The request being given the span's context; confined to the intercepting thread. */
    private static final class Carrier {
        Request request;

        Carrier(Request request) {
            this.request = request;
        }
    }
}
