package dev.salvo.server.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests being served so that shutdown can wait for them, boundedly, and remembers when
 * the count last changed. Thread-safe.
 */
final class InFlightRequests {
    private final AtomicInteger count = new AtomicInteger();
    private volatile long lastChange = System.nanoTime();

    void enter() {
        count.incrementAndGet();
        lastChange = System.nanoTime();
    }

    void exit() {
        lastChange = System.nanoTime();
        if (count.decrementAndGet() == 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    int count() {
        return count.get();
    }

    /**
     * Waits until no request has been in flight for {@code quiet} (requests already accepted but
     * not yet read start within it), or {@code bound} passed; true when idle.
     */
    boolean awaitIdle(Duration bound, Duration quiet) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (this) {
            while (count.get() > 0 || System.nanoTime() - lastChange < quiet.toNanos()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // short slices: an exit racing with this check is seen at the next slice
                wait(Math.max(1, Math.min(20, left / 1_000_000)));
            }
        }
        return true;
    }
}
