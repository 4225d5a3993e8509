package dev.salvo.client.internal;

/**
 * A token bucket for one origin: {@code burst} permits at first, refilled at {@code perSecond},
 * never more than {@code burst}. Over any window of t seconds at most {@code burst + perSecond × t}
 * permits are taken. Confined to the {@link Dispatcher}'s lock.
 */
final class RateBucket {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long refilledAt;

    RateBucket(double perSecond, int burst, long now) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /** 0 when a permit is there now, else the nanoseconds until the next one. */
    long nanosUntilPermit(long now) {
        if (now > refilledAt) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
        }
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
    }

    boolean isFull(long now) {
        nanosUntilPermit(now);
        return tokens >= burst;
    }

    /** Takes a permit; only after {@link #nanosUntilPermit} returned 0. */
    void take() {
        tokens -= 1;
    }
}
