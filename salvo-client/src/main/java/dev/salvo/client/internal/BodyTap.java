package dev.salvo.client.internal;

import dev.salvo.client.CallEvent;
import dev.salvo.client.DeadlineExceededException;
import dev.salvo.client.spi.BodySink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands between a transport and the subscriber of a call's body: remembers whether the body ended
 * and how (so the engine knows when the slot may go), lets the engine end the body from outside
 * (deadline, close: the subscriber gets that failure, then the engine cancels the exchange), and runs the optional
 * body-idle timeout, which counts only while the subscriber is waiting for bytes it asked for.
 * Signals from the transport are serial; the engine's {@link #abort} may race them, so all pass the
 * monitor (the subscriber's own calls back, {@code request} and {@code cancel}, do not).
 */
final class BodyTap implements BodySink, Flow.Subscription {
    private final Flow.Subscriber<List<ByteBuffer>> subscriber;
    private final Call call;
    private final long idleNanos;
    /** Pieces asked for and not yet delivered, and the time of the last request or piece: kept only with an idle timeout. */
    private final AtomicLong outstanding;
    private volatile Flow.Subscription upstream;
    private volatile long lastActivity;
    private volatile ScheduledFuture<?> idleCheck;
    private boolean ended;
    /** Body bytes the transport delivered, for RESPONSE_BODY_RECEIVED; guarded by this. */
    private long received;
    /** The transport signalled a failure (not a normal end): its future then reports the outcome. */
    private volatile boolean failedByTransport;

    BodyTap(Flow.Subscriber<List<ByteBuffer>> subscriber, Call call, Duration idleTimeout) {
        this.subscriber = subscriber;
        this.call = call;
        this.idleNanos = idleTimeout == null ? 0 : idleTimeout.toNanos();
        this.outstanding = idleNanos > 0 ? new AtomicLong() : null;
        this.lastActivity = idleNanos > 0 ? System.nanoTime() : 0;
    }

    /** As the subscriber it stands in front of: signals pass straight through, on the transport's thread. */
    @Override
    public boolean borrows() {
        return BodySink.borrows(subscriber);
    }

    /** Whether the transport delivered the end (or a failure) of the body, or the body was aborted. */
    synchronized boolean ended() {
        return ended;
    }

    /**
     * Whether the transport itself signalled a failure: its future then reports the outcome. After a
     * normal end the subscriber may still fail (a decoder finding the body cut short), and that failure
     * is the handler's own.
     */
    boolean failedByTransport() {
        return failedByTransport;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        upstream = subscription;
        synchronized (this) {
            if (ended) {
                subscription.cancel();
                return;
            }
        }
        subscriber.onSubscribe(this);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
        if (!ended) {
            if (outstanding != null) {
                lastActivity = System.nanoTime();
                outstanding.decrementAndGet();
            }
            for (int i = 0; i < buffers.size(); i++) {
                received += buffers.get(i).remaining();
            }
            subscriber.onNext(buffers);
        }
    }

    @Override
    public synchronized void onError(Throwable failure) {
        if (!ended) {
            ended = true;
            failedByTransport = true;
            stopIdleCheck();
            subscriber.onError(failure);
        }
    }

    @Override
    public synchronized void onComplete() {
        if (!ended) {
            ended = true;
            stopIdleCheck();
            call.engine.emit(call, CallEvent.Phase.RESPONSE_BODY_RECEIVED, call.status, null, received, "");
            subscriber.onComplete();
        }
    }

    /**
     * Ends the body from outside: the subscriber sees {@code failure}, and whatever the transport
     * delivers afterwards is dropped. The caller stops the exchange itself (the engine cancels the
     * transport's future when the call ends), so the transport's own abort error never reaches the
     * subscriber first.
     */
    void abort(Throwable failure) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            stopIdleCheck();
            subscriber.onError(failure);
        }
    }

    @Override
    public void request(long n) {
        if (n > 0 && outstanding != null) {
            lastActivity = System.nanoTime();
            outstanding.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
        }
        upstream.request(n);
    }

    @Override
    public void cancel() {
        stopIdleCheck();
        upstream.cancel();
    }

    /** Starts the body-idle timeout, when the request has one. */
    void watchIdle(ScheduledExecutorService timer) {
        if (idleNanos > 0) {
            schedule(timer, idleNanos);
        }
    }

    private void schedule(ScheduledExecutorService timer, long delayNanos) {
        try {
            idleCheck = timer.schedule(() -> checkIdle(timer), delayNanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the client is closing: close() ends the call
        }
    }

    private void checkIdle(ScheduledExecutorService timer) {
        if (ended()) {
            return;
        }
        long idle = System.nanoTime() - lastActivity;
        if (outstanding.get() > 0 && idle >= idleNanos) {
            call.engine.fail(call, new DeadlineExceededException("response body was idle for more than "
                    + CallEngine.format(Duration.ofNanos(idleNanos)) + " (body-idle timeout): " + call.describe()));
            return;
        }
        schedule(timer, Math.max(idleNanos - idle, idleNanos / 4));
    }

    private void stopIdleCheck() {
        ScheduledFuture<?> check = idleCheck;
        if (check != null) {
            check.cancel(false);
        }
    }
}
