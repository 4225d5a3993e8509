package dev.salvo.client.internal;

import dev.salvo.client.Request;
import dev.salvo.client.spi.BodySink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Moves a blocking client's body stream to a subscriber on the calling thread: reads a piece only
 * when the subscriber has asked for one, so a slow subscriber stops the reads (and the socket
 * fills). Cancel, or an interrupt of the pumping thread, closes the stream — which aborts the
 * exchange — and ends the pump. Completes {@code done} after the last signal. A subscriber that
 * {@linkplain BodySink#borrows borrows} gets every piece in one array, read into again and again;
 * any other gets a new array per piece, which it owns.
 */
final class StreamPump implements Flow.Subscription {
    private static final int PIECE_BYTES = 64 * 1024;

    private final Request request;
    private final InputStream body;
    private final CompletableFuture<Void> done;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition demanded = lock.newCondition();
    private long demand;
    private boolean cancelled;

    StreamPump(Request request, InputStream body, CompletableFuture<Void> done) {
        this.request = request;
        this.body = body;
        this.done = done;
    }

    /** Pumps the whole body into {@code subscriber}; returns when it ended, failed or was cancelled. */
    void run(Flow.Subscriber<List<ByteBuffer>> subscriber) {
        boolean borrows = BodySink.borrows(subscriber);
        byte[] lent = borrows ? new byte[PIECE_BYTES] : null;
        try (InputStream in = body) {
            subscriber.onSubscribe(this);
            while (awaitDemand()) {
                byte[] piece = borrows ? lent : new byte[PIECE_BYTES];
                int n = in.read(piece);
                if (n < 0) {
                    subscriber.onComplete();
                    done.complete(null);
                    return;
                }
                take();
                subscriber.onNext(List.of(ByteBuffer.wrap(piece, 0, n)));
            }
            done.cancel(false);
        } catch (IOException | RuntimeException e) {
            if (isCancelled()) {
                done.cancel(false);
                return;
            }
            Throwable failure = Failures.classify(e, request);
            subscriber.onError(failure);
            done.completeExceptionally(failure);
        } catch (InterruptedException e) {
            done.cancel(false);
        }
    }

    /** Waits until a piece may be read; false once cancelled. */
    private boolean awaitDemand() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (demand == 0 && !cancelled) {
                demanded.await();
            }
            return !cancelled;
        } finally {
            lock.unlock();
        }
    }

    private void take() {
        lock.lock();
        try {
            if (demand != Long.MAX_VALUE) {
                demand--;
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean isCancelled() {
        lock.lock();
        try {
            return cancelled;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void request(long n) {
        lock.lock();
        try {
            if (n > 0) {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
            demanded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the pump; closing the stream from here unblocks a read in progress and aborts the exchange. */
    @Override
    public void cancel() {
        lock.lock();
        try {
            cancelled = true;
            demanded.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            body.close();
        } catch (IOException ignored) {
            // closing is the abort; a failure to close changes nothing
        }
    }
}
