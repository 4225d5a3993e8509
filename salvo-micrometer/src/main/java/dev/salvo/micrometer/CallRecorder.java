package dev.salvo.micrometer;

import dev.salvo.client.CallEvent;
import dev.salvo.client.EventListener;
import dev.salvo.client.Request;
import java.util.concurrent.TimeUnit;

/**
 * The listener of one client: keeps each of its running calls' start, by request id (unique within a
 * client, not across clients: hence one recorder per client), until the call ends, and records into the
 * shared {@link Meters}.
 */
final class CallRecorder implements EventListener {
    /** Slots for this many calls at once (beyond them a map): above the usual limits on calls in flight and queued. */
    private static final int SLOTS = 4096;

    private final Meters meters;
    private final RunningCalls<Running> calls = new RunningCalls<>(SLOTS);

    CallRecorder(Meters meters) {
        this.meters = meters;
    }

    /** Calls seen QUEUED and not yet ended. */
    int running() {
        return calls.size();
    }

    @Override
    public boolean wants(CallEvent.Phase phase) {
        return switch (phase) {
            case QUEUED, STARTED, REQUEST_BODY_SENT, RESPONSE_BODY_RECEIVED, RETRY_SCHEDULED, COMPLETED, FAILED -> true;
            default -> false;
        };
    }

    @Override
    public void onEvent(CallEvent event) {
        switch (event.phase()) {
            case QUEUED -> calls.add(new Running(event.requestId(), event.request(), event.nanoTime(), origin(event)));
            case STARTED -> {
                Running call = calls.get(event.requestId());
                if (call != null && !call.started) {
                    call.started = true;
                    call.origin.queueWait().record(event.nanoTime() - call.queuedAt, TimeUnit.NANOSECONDS);
                }
            }
            case REQUEST_BODY_SENT -> origin(event).sent().increment(event.value());
            case RESPONSE_BODY_RECEIVED -> origin(event).received().increment(event.value());
            case RETRY_SCHEDULED -> origin(event).retried(event.status() != 0 ? Integer.toString(event.status())
                    : event.failure().map(f -> f.getClass().getSimpleName()).orElse(Meters.UNKNOWN));
            case COMPLETED, FAILED -> {
                Running call = calls.remove(event.requestId());
                if (call != null) {
                    meters.timer(call.origin, call.request, event).record(event.nanoTime() - call.queuedAt, TimeUnit.NANOSECONDS);
                }
            }
            default -> { }
        }
    }

    private OriginMeters origin(CallEvent event) {
        return meters.origin(event.request().origin());
    }

    /** A call between QUEUED and its end; {@code started} is touched only by the call's own, ordered, events. */
    private static final class Running implements RunningCalls.Entry {
        final long id;
        final Request request;
        final long queuedAt;
        final OriginMeters origin;
        volatile boolean started;

        Running(long id, Request request, long queuedAt, OriginMeters origin) {
            this.id = id;
            this.request = request;
            this.queuedAt = queuedAt;
            this.origin = origin;
        }

        @Override
        public long id() {
            return id;
        }
    }
}
