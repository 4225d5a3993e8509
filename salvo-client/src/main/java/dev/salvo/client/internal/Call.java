package dev.salvo.client.internal;

import dev.salvo.client.CallEvent;
import dev.salvo.client.spi.Exchange;
import dev.salvo.client.Headers;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call's state, from {@code send} until its future completes. Also the {@link Exchange} its
 * transport reports to. The slot fields are guarded by the {@link Dispatcher}'s lock; the rest
 * are volatile or confined to the thread driving the current attempt.
 */
final class Call implements Exchange {
    /** Where the call stands in the dispatcher. */
    enum Slot { NONE, QUEUED, RUNNING }

    final CallEngine engine;
    final long id;
    final Request original;
    final CallFuture<Response> result;
    final long queuedAtNanos;
    final long deadlineNanos;
    private final AtomicBoolean finished = new AtomicBoolean();

    // guarded by the dispatcher's lock
    Slot slot = Slot.NONE;
    Dispatcher.Host host;
    long sequence;

    volatile Request current;
    /** The retry policy's attempt: 1, then one more per retry. */
    volatile int attempt = 1;
    /** Times the transport sent the request again on its own; they add to the attempt events show. */
    volatile int resends;
    volatile int hops;
    volatile CompletableFuture<Response> inTransport;
    volatile ScheduledFuture<?> retryTimer;

    // the deadline's place in the DeadlineWheel, guarded by the slot's monitor
    volatile DeadlineWheel.Slot wheelSlot;
    long wheelTick;
    Call wheelPrev;
    Call wheelNext;

    Call(CallEngine engine, long id, Request request, long queuedAtNanos, long deadlineNanos, Executor callbacks) {
        this.engine = engine;
        this.result = new CallFuture<>(callbacks);
        this.id = id;
        this.original = request;
        this.current = request;
        this.queuedAtNanos = queuedAtNanos;
        this.deadlineNanos = deadlineNanos;
    }

    /** Claims the right to end this call; true for exactly one caller. */
    boolean claimFinish() {
        return finished.compareAndSet(false, true);
    }

    boolean isFinished() {
        return finished.get();
    }

    /** Stops the retry timer and the exchange in the transport, if any. */
    void stopWork() {
        ScheduledFuture<?> retry = retryTimer;
        if (retry != null) {
            retry.cancel(false);
        }
        CompletableFuture<Response> exchange = inTransport;
        if (exchange != null && !exchange.isDone()) {
            exchange.cancel(true);
        }
    }

    long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }

    String describe() {
        return "#" + id + ' ' + current;
    }

    @Override
    public long requestId() {
        return id;
    }

    @Override
    public void responseHeaders(int status, Headers headers) {
        engine.emit(this, CallEvent.Phase.RESPONSE_HEADERS, status, null);
    }

    @Override
    public void resending(IOException reason) {
        resends++;
        engine.emit(this, CallEvent.Phase.STARTED, 0, null);
    }

    /** The attempt number events carry: policy attempts plus the transport's own resends. */
    int eventAttempt() {
        return attempt + resends;
    }

    @Override
    public String toString() {
        return "Call[" + describe() + ", attempt " + attempt + ']';
    }
}
