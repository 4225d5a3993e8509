package dev.salvo.cli.fetch;

import java.util.concurrent.TimeUnit;

/**
 * {@code --rate} over a whole list of URLs, whatever their hosts: one token bucket of one token
 * (no burst), so sends are at least {@code 1/rate} apart and 100 URLs at 20/s take about 5 s. The
 * list's submit loop calls {@link #awaitTurn} before each send; a quiet spell banks nothing. One for
 * each pass over the list. Thread-safe.
 */
final class Pacer {
    private final long intervalNanos;
    private boolean started;
    private long nextAt;

    /** @param perSecond the rate; 0 paces nothing */
    Pacer(double perSecond) {
        this.intervalNanos = perSecond > 0 ? Math.max(1, (long) Math.ceil(1e9 / perSecond)) : 0;
    }

    /** Blocks until the next send is due, and takes its turn. */
    synchronized void awaitTurn() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        if (started) {
            for (long wait = nextAt - now; wait > 0; wait = nextAt - now) {
                TimeUnit.NANOSECONDS.sleep(wait); // pacing the user's list, not synchronising
                now = System.nanoTime();
            }
        }
        started = true;
        nextAt = now + intervalNanos;
    }
}
