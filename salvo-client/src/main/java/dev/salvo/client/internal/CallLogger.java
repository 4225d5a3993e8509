package dev.salvo.client.internal;

import dev.salvo.client.CallEvent;
import dev.salvo.client.EventListener;
import org.slf4j.Logger;

/**
 * SLF4J debug logging of every call phase, with the thread name and request id, so a log of
 * concurrent calls can be read. Thread-safe; installed only when debug is enabled.
 */
final class CallLogger implements EventListener {
    private final Logger log;

    CallLogger(Logger log) {
        this.log = log;
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
            case RETRY_SCHEDULED -> log.debug("[{}] #{} retrying {} in {} ms after {}", thread, event.requestId(),
                    event.request(), event.value() / 1_000_000, event.failure().map(Throwable::toString)
                            .orElse("status " + event.status()));
            case REDIRECT_FOLLOWED -> log.debug("[{}] #{} {} redirects to {}", thread, event.requestId(), event.status(),
                    event.detail());
            default -> log.debug("[{}] #{} {} {}{}", thread, event.requestId(), event.phase(),
                    event.detail(), event.value() == 0 ? "" : " " + event.value());
        }
    }
}
