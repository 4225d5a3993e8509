package dev.salvo.client;

import java.util.Objects;
import java.util.Optional;

/**
 * One phase of one call, as seen by an {@link EventListener}.
 *
 * @param phase     which phase
 * @param requestId the call's id, unique within its client, increasing
 * @param request   the request of this attempt (after redirects, the current hop)
 * @param nanoTime  {@link System#nanoTime()} when the phase happened
 * @param attempt   1 for the first attempt, then one more for each retry and for each time the
 *                  transport sent the request again on its own (see {@link dev.salvo.client.spi.Exchange#resending})
 * @param status    the HTTP status for RESPONSE_HEADERS, COMPLETED and HOST_PAUSED, else 0
 * @param failure   the failure for FAILED, else empty
 */
public record CallEvent(Phase phase, long requestId, Request request, long nanoTime, int attempt, int status,
        Optional<Throwable> failure) {

    public CallEvent {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(failure, "failure");
    }

    /** The phases of a call, in the order they happen. */
    public enum Phase {
        /** Accepted and waiting for a slot (every call passes here, even if it starts at once). */
        QUEUED,
        /** Got its slot; handed to the transport. Repeats for each retry, redirect hop and transport resend. */
        STARTED,
        /** Status line and headers arrived. */
        RESPONSE_HEADERS,
        /** The response is complete; the call succeeded. */
        COMPLETED,
        /** The call ended in a failure (I/O, deadline, cancel, close). */
        FAILED,
        /**
         * This call's response (429 or 503 with {@code Retry-After}, in {@code status}) paused its origin's
         * queue: no call to that origin starts until the pause ends. Once per pause, not for each call
         * that extends it.
         */
        HOST_PAUSED,
        /** The pause this call's response put on its origin ended; the origin's queue moves again. */
        HOST_RESUMED
    }
}
