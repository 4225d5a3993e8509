package dev.salvo.client.internal;

import dev.salvo.client.CallEvent;
import dev.salvo.client.Headers;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.Request;
import dev.salvo.client.SalvoIOException;
import dev.salvo.client.spi.Exchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call's state, from {@code send} until its future completes. Also the {@link Exchange} its
 * transport reports to. The slot fields are guarded by the {@link Dispatcher}'s lock; the hand-off
 * between a body's value and the end of its exchange by this object's monitor; the rest are
 * volatile or confined to the thread driving the current attempt.
 */
final class Call implements Exchange {
    /** Where the call stands in the dispatcher. */
    enum Slot { NONE, QUEUED, RUNNING }

    final CallEngine engine;
    final long id;
    final Request original;
    /** Dropped once a stream was handed over, so nothing here keeps the stream reachable (its Cleaner). */
    volatile Delivery<?, ?> delivery;
    volatile CallFuture<?> result;
    final long queuedAtNanos;
    final long deadlineNanos;
    private final AtomicBoolean finished = new AtomicBoolean();

    // guarded by the dispatcher's lock
    Slot slot = Slot.NONE;
    Host host;
    long sequence;
    /** When it last took a slot (kept only for an adaptive limit). */
    long startedNanos;
    /** The adaptive limit its slot's release moved its origin to, 0 if none; the engine reports and clears it. */
    int limitMoved;
    /** Set when the dispatcher refused the queued call (its breaker opened): the engine fails it with this. */
    SalvoIOException refusal;

    volatile Request current;
    /** The retry policy's attempt: 1, then one more per retry. */
    volatile int attempt = 1;
    /** Times the transport sent the request again on its own; they add to the attempt events show. */
    volatile int resends;
    volatile int hops;
    volatile CompletableFuture<Void> inTransport;
    volatile ScheduledFuture<?> retryTimer;

    // the current attempt's response, decided when its headers arrive (Attempts)
    volatile int status;
    /** The version and trailers of the current attempt's response. */
    volatile HttpVersion version = HttpVersion.HTTP_1_1;
    volatile Headers trailers = Headers.empty();
    volatile Request nextHop;
    volatile Duration retryWait;
    volatile BodyTap tap;
    /** The current attempt's wait for its response head under an idle timeout; null without one. */
    volatile ScheduledFuture<?> headCheck;
    /** The future completed with a body still being read (a stream): the slot waits for the exchange. */
    volatile boolean delivered;
    // guarded by this: the future's completion waiting for the exchange to end, and that end
    Runnable ready;
    boolean exchangeDone;

    // the deadline's place in the DeadlineWheel, guarded by the slot's monitor
    volatile DeadlineWheel.Slot wheelSlot;
    long wheelTick;
    Call wheelPrev;
    Call wheelNext;

    Call(CallEngine engine, long id, Request request, long queuedAtNanos, long deadlineNanos, Delivery<?, ?> delivery) {
        this.engine = engine;
        this.delivery = delivery;
        this.result = delivery.future;
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
        CompletableFuture<Void> exchange = inTransport;
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

    /** The future completed with a stream: forget it, so an unclosed stream can be found by its Cleaner. */
    void handedOver() {
        result = HANDED_OVER;
        delivery = null;
    }

    private static final CallFuture<Object> HANDED_OVER = new CallFuture<>(Runnable::run);

    static {
        HANDED_OVER.complete(null);
    }

    /** Forgets the previous attempt's response before the next one starts. */
    void resetAttempt() {
        nextHop = null;
        retryWait = null;
        tap = null;
        synchronized (this) {
            ready = null;
            exchangeDone = false;
        }
    }

    @Override
    public Flow.Subscriber<List<ByteBuffer>> responseHeaders(int status, Headers headers) {
        return responseHeaders(status, headers, HttpVersion.HTTP_1_1);
    }

    @Override
    public Flow.Subscriber<List<ByteBuffer>> responseHeaders(int status, Headers headers, HttpVersion version) {
        this.status = status;
        this.version = version;
        this.trailers = Headers.empty();
        engine.emit(this, CallEvent.Phase.RESPONSE_HEADERS, status, null, 0, version.toString());
        return engine.attempts.onHeaders(this, status, headers);
    }

    @Override
    public void trailers(Headers trailers) {
        this.trailers = trailers;
    }

    @Override
    public void resending(IOException reason) {
        resends++;
        engine.emit(this, CallEvent.Phase.STARTED, 0, null);
    }

    @Override
    public boolean listensTo(CallEvent.Phase phase) {
        return engine.listening(phase);
    }

    @Override
    public void reached(CallEvent.Phase phase) {
        if (!phase.isTransportPhase()) {
            throw new IllegalArgumentException(phase + " is reported by Salvo, not by a transport");
        }
        engine.emit(this, phase, 0, null);
    }

    @Override
    public void connectionAcquired(boolean reused, int streamId) {
        engine.emit(this, CallEvent.Phase.CONNECTION_ACQUIRED, 0, null, streamId, reused ? "reused" : "new");
    }

    @Override
    public void requestBodySent(long bytes) {
        engine.emit(this, CallEvent.Phase.REQUEST_BODY_SENT, 0, null, bytes, "");
    }

    /** The attempt number events carry: policy attempts plus the transport's own resends. */
    int eventAttempt() {
        return attempt + resends;
    }

    /**
     * From the id, which is unique per engine: the engine's set of active calls hashes every call
     * twice, and an identity hash costs a trip into the VM the first time. Equality stays identity.
     */
    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public String toString() {
        return "Call[" + describe() + ", attempt " + attempt + ']';
    }
}
