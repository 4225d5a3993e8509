package dev.salvo.client;

/**
 * Receives every {@link CallEvent} of a client: for logs, timelines (waterfalls) and load figures.
 * Called on whatever thread the phase happens on, I/O threads included: it must be fast, must
 * not block and should not throw (what it throws is logged and ignored).
 */
@FunctionalInterface
public interface EventListener {

    /** Listens to nothing. */
    EventListener NONE = event -> { };

    void onEvent(CallEvent event);

    /** This listener, then {@code next}. */
    default EventListener andThen(EventListener next) {
        java.util.Objects.requireNonNull(next, "next");
        if (this == NONE) {
            return next;
        }
        if (next == NONE) {
            return this;
        }
        return event -> {
            onEvent(event);
            next.onEvent(event);
        };
    }
}
