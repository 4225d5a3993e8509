package dev.salvo.client.internal;

import dev.salvo.client.CallEvent;
import dev.salvo.client.EventListener;
import dev.salvo.client.Origin;
import org.slf4j.Logger;

/**
 * SLF4J logging of every call phase, with the thread name and request id, so a log of concurrent
 * calls can be read: Salvo's own phases at debug, the transport's (DNS, connect, TLS, connection,
 * request sent, first byte) at trace. Thread-safe; installed only when debug is enabled.
 */
final class CallLogger implements EventListener {
    private final Logger log;

    CallLogger(Logger log) {
        this.log = log;
    }

    /** Salvo's own phases; the transport's only while trace is on. */
    @Override
    public boolean wants(CallEvent.Phase phase) {
        return !CallEngine.reportedByTransport(phase) || log.isTraceEnabled();
    }

    @Override
    public void onEvent(CallEvent event) {
        String thread = Thread.currentThread().getName();
        switch (event.phase()) {
            case QUEUED -> log.debug("[{}] #{} queued {}", thread, event.requestId(), event.request());
            case STARTED -> log.debug("[{}] #{} started {} (attempt {})", thread, event.requestId(), event.request(),
                    event.attempt());
            case RESPONSE_HEADERS -> log.debug("[{}] #{} headers {} from {}", thread, event.requestId(), event.status(),
                    event.request().uri());
            case COMPLETED -> log.debug("[{}] #{} completed {} {}", thread, event.requestId(), event.status(),
                    event.request());
            case FAILED -> log.debug("[{}] #{} failed {}: {}", thread, event.requestId(), event.request(),
                    event.failure().map(Throwable::toString).orElse(""));
            case HOST_PAUSED -> log.debug("[{}] #{} paused {} (status {})", thread, event.requestId(),
                    event.request().origin(), event.status());
            case HOST_RESUMED -> log.debug("[{}] #{} resumed {}", thread, event.requestId(), event.request().origin());
            case LIMIT_CHANGED -> log.debug("[{}] #{} moved the limit of {} to {}", thread, event.requestId(),
                    event.request().origin(), event.value());
            case RETRY_SCHEDULED -> log.debug("[{}] #{} retrying {} in {} ms after {}", thread, event.requestId(),
                    event.request(), event.value() / 1_000_000, event.failure().map(Throwable::toString)
                            .orElse("status " + event.status()));
            case REDIRECT_FOLLOWED -> log.debug("[{}] #{} {} redirects to {}", thread, event.requestId(), event.status(),
                    event.detail());
            case RESPONSE_BODY_RECEIVED -> log.debug("[{}] #{} body received, {} bytes", thread, event.requestId(),
                    event.value());
            default -> {
                if (log.isTraceEnabled()) {
                    log.trace("[{}] #{} {}", thread, event.requestId(), transportPhase(event));
                }
            }
        }
    }

    /** The words for a phase the transport reported. */
    private static String transportPhase(CallEvent event) {
        Origin origin = event.request().origin();
        return switch (event.phase()) {
            case DNS_START -> "resolving " + origin.host();
            case DNS_END -> "resolved " + origin.host();
            case CONNECT_START -> "connecting to " + origin;
            case CONNECT_END -> "connected to " + origin;
            case TLS_START -> "TLS handshake with " + origin;
            case TLS_END -> "TLS handshake with " + origin + " ended";
            case CONNECTION_ACQUIRED -> event.detail() + " connection to " + origin
                    + (event.value() == 0 ? "" : ", stream " + event.value());
            case REQUEST_HEADERS_SENT -> "request headers sent";
            case REQUEST_BODY_SENT -> "request body sent, " + event.value() + " bytes";
            case RESPONSE_FIRST_BYTE -> "first byte of the response";
            default -> event.phase() + " " + event.detail() + (event.value() == 0 ? "" : " " + event.value());
        };
    }
}
