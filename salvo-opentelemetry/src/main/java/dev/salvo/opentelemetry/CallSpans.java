package dev.salvo.opentelemetry;

import dev.salvo.client.CallEvent;
import dev.salvo.client.EventListener;
import dev.salvo.client.Headers;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The traced calls, and the listener that feeds them a client's events. At QUEUED a client call is matched
 * to its span: the current span when the call is sent from inside the interceptor (the usual case), else
 * the span the propagator reads back from the request's headers (an inner interceptor that sends again
 * later keeps them); from then on it is found by the call's id.
 * Events of calls no interceptor traced cost a switch, or one map lookup at QUEUED.
 */
final class CallSpans implements EventListener {
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return carrier.names();
        }

        @Override
        public String get(Headers carrier, String key) {
            return carrier == null ? null : carrier.first(key).orElse(null);
        }
    };

    private final TextMapPropagator propagator;
    private final ConcurrentHashMap<String, TracedCall> bySpan = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, TracedCall> byCall = new ConcurrentHashMap<>();

    CallSpans(TextMapPropagator propagator) {
        this.propagator = propagator;
    }

    /** A call the interceptor is about to send under {@code span}. */
    TracedCall open(Span span) {
        TracedCall call = new TracedCall(span, this);
        bySpan.put(span.getSpanContext().getSpanId(), call);
        return call;
    }

    void forget(TracedCall call) {
        bySpan.remove(call.span().getSpanContext().getSpanId(), call);
    }

    @Override
    public boolean wants(CallEvent.Phase phase) {
        return switch (phase) {
            case QUEUED, STARTED, RESPONSE_HEADERS, RETRY_SCHEDULED, REDIRECT_FOLLOWED, COMPLETED, FAILED -> true;
            default -> false;
        };
    }

    @Override
    public void onEvent(CallEvent event) {
        switch (event.phase()) {
            case QUEUED -> queued(event);
            case STARTED -> {
                TracedCall call = byCall.get(event.requestId());
                if (call != null) {
                    call.started();
                }
            }
            case RESPONSE_HEADERS -> {
                TracedCall call = byCall.get(event.requestId());
                if (call != null) {
                    call.headers(event.status());
                }
            }
            case RETRY_SCHEDULED -> {
                TracedCall call = byCall.get(event.requestId());
                if (call != null) {
                    String reason = event.status() != 0 ? Integer.toString(event.status())
                            : event.failure().map(HttpAttributes::errorType).orElse("_OTHER");
                    call.span().addEvent(HttpAttributes.RETRY_EVENT, Attributes.of(HttpAttributes.RETRY_REASON, reason,
                            HttpAttributes.RETRY_WAIT_MS, TimeUnit.NANOSECONDS.toMillis(event.value()),
                            HttpAttributes.ATTEMPT, (long) event.attempt()));
                }
            }
            case REDIRECT_FOLLOWED -> {
                TracedCall call = byCall.get(event.requestId());
                if (call != null) {
                    call.span().addEvent(HttpAttributes.REDIRECT_EVENT, Attributes.of(HttpAttributes.STATUS_CODE,
                            (long) event.status(), HttpAttributes.LOCATION, HttpAttributes.redacted(URI.create(event.detail()))));
                }
            }
            case COMPLETED, FAILED -> {
                TracedCall call = byCall.remove(event.requestId());
                if (call != null) {
                    call.callEnded(event.status(), event.failure().orElse(null));
                }
            }
            default -> { }
        }
    }

    private void queued(CallEvent event) {
        if (bySpan.isEmpty()) {
            return;
        }
        // sent from inside the interceptor, the span is current; sent later by an inner interceptor, the headers carry it
        TracedCall call = find(Span.current().getSpanContext());
        if (call == null) {
            call = find(Span.fromContext(propagator.extract(Context.root(), event.request().headers(), HEADERS)).getSpanContext());
        }
        // ids are unique within a client: one already taken means this tracing serves two clients, and the
        // second call is left to end with its future rather than to steal the first one's events
        if (call != null && byCall.putIfAbsent(event.requestId(), call) == null) {
            call.queued();
        }
    }

    private TracedCall find(SpanContext context) {
        if (!context.isValid()) {
            return null;
        }
        TracedCall call = bySpan.get(context.getSpanId());
        return call != null && call.span().getSpanContext().getTraceId().equals(context.getTraceId()) ? call : null;
    }
}
