package dev.salvo.client.internal;

/**
 * One origin's adaptive concurrency limit, additive increase / multiplicative decrease on latency:
 * a call that took more than {@link #TOLERANCE} times the shortest latency seen means requests queue
 * at the host, and the limit shrinks by {@link #BACKOFF} (once per round trip: only for a call that
 * started after the last cut); any other call while the limit is in use grows it by 1/limit, about
 * one per round trip. The shortest latency is forgotten every {@link #RESET_EVERY} samples, so a host
 * that got slower for good is measured anew. Between 1 and the origin's fixed limit. Confined to the
 * {@link Dispatcher}'s lock.
 */
final class AdaptiveLimit {
    static final double TOLERANCE = 1.5;
    static final double BACKOFF = 0.9;
    static final int RESET_EVERY = 1000;
    static final int INITIAL = 4;

    private final int max;
    private double limit;
    private long minLatency = Long.MAX_VALUE;
    private long lastCutNanos = Long.MIN_VALUE;
    private int samples;

    AdaptiveLimit(int max) {
        this.max = max;
        this.limit = Math.min(max, INITIAL);
    }

    int limit() {
        return (int) limit;
    }

    /**
     * One call's slot was held from {@code startedNanos} to {@code now}, with {@code running} calls
     * (itself included) holding slots to the origin just before it ended. True when this moved the
     * whole-number {@link #limit()} (the one calls are admitted by).
     */
    boolean sample(long startedNanos, long now, int running) {
        int before = limit();
        long latency = now - startedNanos;
        if (++samples % RESET_EVERY == 0) {
            minLatency = latency;
        }
        minLatency = Math.min(minLatency, latency);
        if (latency > TOLERANCE * minLatency) {
            if (startedNanos > lastCutNanos) {
                limit = Math.max(1, limit * BACKOFF);
                lastCutNanos = now;
            }
        } else if (running >= (int) limit) {
            limit = Math.min(max, limit + 1 / limit);
        }
        return limit() != before;
    }
}
