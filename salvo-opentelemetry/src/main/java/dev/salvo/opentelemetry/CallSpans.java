package dev.salvo.opentelemetry;

import dev.salvo.client.CallEvent;
import dev.salvo.client.EventListener;
import io.opentelemetry.api.common.Attributes;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The listener that feeds each traced call its client calls' events. The interceptor tags the request it
 * passes on with its {@link TracedCall}; every event's request carries that tag (the same request, a retry
 * of it, a redirect hop or an inner interceptor's rebuild of it, all made with {@code toBuilder}), so a call
 * is found without a look-up table shared by the threads that emit events. A request an inner interceptor
 * builds afresh carries no tag: its events are not followed, and the span ends with the interceptor's future.
 * Events of calls no interceptor traced cost a switch and a scan of their request's (usually empty) tags.
 * Stateless; called on any thread.
 */
final class CallSpans implements EventListener {
    @Override
    public boolean wants(CallEvent.Phase phase) {
        return switch (phase) {
            case QUEUED, STARTED, RESPONSE_HEADERS, RETRY_SCHEDULED, REDIRECT_FOLLOWED, COMPLETED, FAILED -> true;
            default -> false;
        };
    }

    @Override
    public void onEvent(CallEvent event) {
        TracedCall call = event.request().tag(TracedCall.class).orElse(null);
        if (call == null) {
            return;
        }
        switch (event.phase()) {
            case QUEUED -> call.queued();
            case STARTED -> call.started();
            case RESPONSE_HEADERS -> call.headers(event.status());
            case RETRY_SCHEDULED -> {
                String reason = event.status() != 0 ? Integer.toString(event.status())
                        : event.failure().map(HttpAttributes::errorType).orElse("_OTHER");
                call.addEvent(HttpAttributes.RETRY_EVENT, Attributes.of(HttpAttributes.RETRY_REASON, reason,
                        HttpAttributes.RETRY_WAIT_MS, TimeUnit.NANOSECONDS.toMillis(event.value()),
                        HttpAttributes.ATTEMPT, (long) event.attempt()));
            }
            case REDIRECT_FOLLOWED -> call.addEvent(HttpAttributes.REDIRECT_EVENT, Attributes.of(
                    HttpAttributes.STATUS_CODE, (long) event.status(),
                    HttpAttributes.LOCATION, HttpAttributes.redacted(URI.create(event.detail()))));
            case COMPLETED, FAILED -> call.callEnded(event.status(), event.failure().orElse(null));
            default -> { }
        }
    }
}
