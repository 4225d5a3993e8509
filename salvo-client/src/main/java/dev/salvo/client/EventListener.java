package dev.salvo.client;

/**
 * Receives the {@link CallEvent}s of a client that it {@linkplain #wants wants}: for logs, timelines
 * (waterfalls), metrics and traces. Called on whatever thread the phase happens on, I/O threads
 * included: it must be fast, must not block and should not throw (what it throws is logged and ignored).
 */
@FunctionalInterface
public interface EventListener {

    /** Listens to nothing. */
    EventListener NONE = new EventListener() {
        @Override
        public void onEvent(CallEvent event) {
        }

        @Override
        public boolean wants(CallEvent.Phase phase) {
            return false;
        }
    };

    void onEvent(CallEvent event);

    /**
     * Whether this listener needs {@code phase}; every phase by default. Asked once per phase when a
     * client is built. Phases nobody wants are not made, and a transport skips what finding them out
     * costs (the Netty transport's own name resolution for DNS_START/END, a write listener per
     * request for REQUEST_HEADERS_SENT and REQUEST_BODY_SENT): a metrics listener that needs five
     * phases should say so.
     */
    default boolean wants(CallEvent.Phase phase) {
        return true;
    }

    /** This listener, then {@code next}; each gets the phases it wants. */
    default EventListener andThen(EventListener next) {
        java.util.Objects.requireNonNull(next, "next");
        if (this == NONE) {
            return next;
        }
        if (next == NONE) {
            return this;
        }
        EventListener first = this;
        java.util.Set<CallEvent.Phase> forFirst = java.util.EnumSet.noneOf(CallEvent.Phase.class);
        java.util.Set<CallEvent.Phase> forNext = java.util.EnumSet.noneOf(CallEvent.Phase.class);
        for (CallEvent.Phase phase : CallEvent.Phase.values()) {
            if (first.wants(phase)) {
                forFirst.add(phase);
            }
            if (next.wants(phase)) {
                forNext.add(phase);
            }
        }
        return new EventListener() {
            @Override
            public void onEvent(CallEvent event) {
                if (forFirst.contains(event.phase())) {
                    first.onEvent(event);
                }
                if (forNext.contains(event.phase())) {
                    next.onEvent(event);
                }
            }

            @Override
            public boolean wants(CallEvent.Phase phase) {
                return forFirst.contains(phase) || forNext.contains(phase);
            }
        };
    }
}
