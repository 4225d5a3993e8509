package dev.salvo.bench.internal;

import dev.salvo.client.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/** One request on its way: its times, its future, and whether the clock timed it out. */
final class InFlight implements BiConsumer<Response, Throwable> {
    final Run run;
    final Slot slot;
    /** When the request was meant to leave (open model), or when it left (closed model). */
    final long intendedNanos;
    final long sentNanos;
    final boolean measured;
    private final AtomicBoolean timedOut = new AtomicBoolean();
    /** Null until {@code Transport.execute} returns. */
    volatile CompletableFuture<Response> future;

    InFlight(Run run, Slot slot, long intendedNanos, long sentNanos, boolean measured) {
        this.run = run;
        this.slot = slot;
        this.intendedNanos = intendedNanos;
        this.sentNanos = sentNanos;
        this.measured = measured;
    }

    /** Cancels the exchange as a timeout, unless it completed or was timed out already. */
    void timeOut() {
        CompletableFuture<Response> pending = future;
        if (pending != null && !pending.isDone() && timedOut.compareAndSet(false, true)) {
            pending.cancel(true);
        }
    }

    /** Cancels the exchange because the run ended; it will not be counted. */
    void abandon() {
        CompletableFuture<Response> pending = future;
        if (pending != null) {
            pending.cancel(true);
        }
    }

    boolean timedOut() {
        return timedOut.get();
    }

    @Override
    public void accept(Response response, Throwable failure) {
        run.completed(this, response, failure);
    }
}
