package dev.salvo.bench.internal;

import dev.salvo.client.Response;
import java.util.concurrent.CompletableFuture;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.BiConsumer;

/** One request on its way: its times, its future, and whether the clock timed it out. */
final class InFlight implements BiConsumer<Response, Throwable> {
    private static final VarHandle TIMED_OUT;

    static {
        try {
            TIMED_OUT = MethodHandles.lookup().findVarHandle(InFlight.class, "timedOut", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Run run;
    final Slot slot;
    /** When the request was meant to leave (open model), or when it left (closed model). */
    final long intendedNanos;
    final long sentNanos;
    final boolean measured;
    /** Set once by the clock thread (through TIMED_OUT, no extra object per request). */
    private volatile boolean timedOut;
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
        if (pending != null && !pending.isDone() && TIMED_OUT.compareAndSet(this, false, true)) {
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
        return timedOut;
    }

    @Override
    public void accept(Response response, Throwable failure) {
        run.completed(this, response, failure);
    }
}
