package dev.salvo.client.internal;

import dev.salvo.client.Origin;
import java.util.ArrayDeque;

/**
 * One origin's calls and the state that decides when the next may start: its concurrency limit
 * (fixed or {@link AdaptiveLimit adaptive}), its {@link RateBucket rate}, a pause a Retry-After put
 * on it, its {@link Breaker circuit breaker}. The optional parts are null when not configured.
 * Confined to the {@link Dispatcher}'s lock.
 */
final class Host {
    final Origin key;
    final ArrayDeque<Call> waiting = new ArrayDeque<>();
    private final int fixedLimit;
    final RateBucket bucket;
    final AdaptiveLimit adaptive;
    final Breaker breaker;
    int live;
    int running;
    boolean inReady;
    long readyKey;
    /** When a scheduled wake-up for this host is due; 0 for none. */
    long wakeAt;
    /** Paused by a Retry-After until {@code pausedUntil}; {@code pausedBy} the call whose response said so. */
    boolean paused;
    long pausedUntil;
    Call pausedBy;

    Host(Origin key, int fixedLimit, RateBucket bucket, AdaptiveLimit adaptive, Breaker breaker) {
        this.key = key;
        this.fixedLimit = fixedLimit;
        this.bucket = bucket;
        this.adaptive = adaptive;
        this.breaker = breaker;
    }

    /** No state beyond its calls: forgotten as soon as it has none. */
    boolean isPlain() {
        return bucket == null && adaptive == null && breaker == null;
    }

    int limit() {
        return adaptive == null ? fixedLimit : adaptive.limit();
    }

    /** Below its limit, and not holding back for a half-open breaker's probe. */
    boolean hasRoom() {
        return running < limit() && (breaker == null || !breaker.holdsBack());
    }

    /** 0 when a call may start now as far as time goes (pause, rate), else the nanoseconds to wait. */
    long nanosUntilAllowed() {
        if (bucket == null && !paused) {
            return 0;
        }
        long now = System.nanoTime();
        long wait = paused ? Math.max(0, pausedUntil - now) : 0;
        return bucket == null ? wait : Math.max(wait, bucket.nanosUntilPermit(now));
    }

    /** A call of this host takes a slot. */
    void started(Call call) {
        if (bucket != null) {
            bucket.take();
        }
        if (breaker != null) {
            breaker.started();
        }
        if (adaptive != null) {
            call.startedNanos = System.nanoTime();
        }
    }

    /**
     * A call of this host gives its slot back; true when this opened the breaker. When its sample moved
     * the adaptive limit, the new limit is left in {@link Call#limitMoved} for the engine to report.
     */
    boolean finished(Call call, Breaker.Verdict verdict) {
        long now = adaptive != null || breaker != null ? System.nanoTime() : 0;
        if (adaptive != null && adaptive.sample(call.startedNanos, now, running)) {
            call.limitMoved = adaptive.limit();
        }
        running--;
        return breaker != null && breaker.record(verdict, now);
    }

    /** Nothing waits, runs or is scheduled, the bucket is full again and the breaker closed: safe to forget. */
    boolean isIdle(long now) {
        return running == 0 && live == 0 && !inReady && wakeAt == 0 && !paused
                && (bucket == null || bucket.isFull(now)) && (breaker == null || breaker.isClosed());
    }
}
