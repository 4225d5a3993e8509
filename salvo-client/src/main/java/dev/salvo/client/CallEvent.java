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
 * @param status    the HTTP status for RESPONSE_HEADERS, RESPONSE_BODY_RECEIVED, REDIRECT_FOLLOWED, COMPLETED, and RETRY_SCHEDULED after a
 *                  response, HOST_PAUSED; else 0
 * @param failure   the failure for FAILED, and for RETRY_SCHEDULED after a failure; else empty
 * @param value     a number the phase carries: the HTTP/2 stream id for CONNECTION_ACQUIRED (0 on HTTP/1.1), the
 *                  bytes for REQUEST_BODY_SENT and RESPONSE_BODY_RECEIVED, the wait in nanoseconds for
 *                  RETRY_SCHEDULED, the origin's new adaptive limit for LIMIT_CHANGED; else 0
 * @param detail    text the phase carries: {@code "new"} or {@code "reused"} for CONNECTION_ACQUIRED, the
 *                  protocol the response came on for RESPONSE_HEADERS ({@code "HTTP/1.1"} or {@code "HTTP/2"},
 *                  as {@link HttpVersion#toString()}), the target URI for REDIRECT_FOLLOWED; else empty
 */
public record CallEvent(Phase phase, long requestId, Request request, long nanoTime, int attempt, int status,
        Optional<Throwable> failure, long value, String detail) {

    public CallEvent {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(detail, "detail");
    }

    /** An event that carries no value and no detail. */
    public CallEvent(Phase phase, long requestId, Request request, long nanoTime, int attempt, int status,
            Optional<Throwable> failure) {
        this(phase, requestId, request, nanoTime, attempt, status, failure, 0, "");
    }

    /** Whether this is a CONNECTION_ACQUIRED of a pooled connection that served a request before. */
    public boolean reused() {
        return phase == Phase.CONNECTION_ACQUIRED && "reused".equals(detail);
    }

    /**
     * The phases of a call, in the order they happen. QUEUED, STARTED, RESPONSE_HEADERS,
     * RESPONSE_BODY_RECEIVED, REDIRECT_FOLLOWED, RETRY_SCHEDULED, COMPLETED, FAILED, HOST_PAUSED,
     * HOST_RESUMED and LIMIT_CHANGED come from Salvo for every transport; the others come from the transport, when it knows them (see
     * {@link dev.salvo.client.spi.Exchange#reached}; docs/client.md lists what each transport reports).
     */
    public enum Phase {
        /** Accepted and waiting for a slot (every call passes here, even if it starts at once). */
        QUEUED,
        /** Got its slot; handed to the transport. Repeats for each retry, redirect hop and transport resend. */
        STARTED,
        /** The transport began resolving the host name. */
        DNS_START,
        /** The host name resolved (or failed to). */
        DNS_END,
        /** The transport began opening a connection. */
        CONNECT_START,
        /** The connection is open (TCP). */
        CONNECT_END,
        /** The TLS handshake began. */
        TLS_START,
        /** The TLS handshake ended. */
        TLS_END,
        /** The exchange got its connection: {@link CallEvent#detail} says new or reused, the value the HTTP/2 stream. */
        CONNECTION_ACQUIRED,
        /** The request line and headers were written. */
        REQUEST_HEADERS_SENT,
        /** The request body was written; the value is its size in bytes. */
        REQUEST_BODY_SENT,
        /** The first byte of the response arrived. */
        RESPONSE_FIRST_BYTE,
        /** Status line and headers arrived. */
        RESPONSE_HEADERS,
        /** The body the caller's handler reads arrived whole; the value is its size in bytes. */
        RESPONSE_BODY_RECEIVED,
        /** A redirect response will be followed: the detail is the next URI, the status the redirect's. */
        REDIRECT_FOLLOWED,
        /** The attempt failed or got a retryable status; another starts after the wait (the value, in nanoseconds). */
        RETRY_SCHEDULED,
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
        HOST_RESUMED,
        /**
         * Giving back this call's slot moved its origin's adaptive limit (see
         * {@code Salvo.Builder#adaptiveConcurrency}); the value is the new limit, the origin the request's.
         * Comes after the attempt's COMPLETED, FAILED, RETRY_SCHEDULED or REDIRECT_FOLLOWED (to another
         * origin); only with adaptive concurrency on.
         */
        LIMIT_CHANGED;

        /**
         * Whether a transport reports this phase through {@link dev.salvo.client.spi.Exchange#reached}: the
         * phases without a value (CONNECTION_ACQUIRED and REQUEST_BODY_SENT have methods of their own).
         */
        public boolean isTransportPhase() {
            return switch (this) {
                case DNS_START, DNS_END, CONNECT_START, CONNECT_END, TLS_START, TLS_END, REQUEST_HEADERS_SENT,
                        RESPONSE_FIRST_BYTE -> true;
                default -> false;
            };
        }
    }
}
