package dev.salvo.netty.internal;

import dev.salvo.client.spi.BodySink;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;

/**
 * One response body on its way to the exchange's subscriber, with Netty's backpressure. A subscriber
 * that {@linkplain BodySink#borrows borrows} and asked for everything (a file, a count) is lent Netty's
 * own buffers: the pieces of one read burst are kept (retained) and passed as one list of views at the
 * burst's end ({@link #flushLent}, from {@code channelReadComplete}), so a file gets one gathering write
 * per burst and no copy, and are released once {@code onNext} returns. Otherwise each piece
 * the decoder yields is copied out of Netty's buffer and handed on while the subscriber has demand;
 * past it, pieces wait here and the channel's {@code autoRead} is turned off, so the socket is not
 * read until the subscriber asks for more. A subscriber that requests everything (bytes, a file)
 * never turns it off. Confined to the connection's event loop; {@link #request} and {@link #cancel}
 * hop onto it from any thread.
 */
final class BodyFlow implements Flow.Subscription {
    /** Pieces lent at most per list (a burst is at most 16 reads); more go in the next list. */
    private static final int LENT_MAX = 32;

    private final Carrier handler;
    private final Channel channel;
    private final PendingExchange call;
    private final Flow.Subscriber<List<ByteBuffer>> subscriber;
    /** Pieces waiting for demand; made when the first has to wait (a buffered body never does). */
    private ArrayDeque<ByteBuffer> pending;
    private final boolean borrows;
    /** Pieces lent to a borrowing subscriber, retained until the burst ends; made for a borrowing subscriber only. */
    private final List<ByteBuf> lent;
    private int lentBuffers;
    private long demand;
    private boolean lastArrived;
    private boolean finished;

    BodyFlow(Carrier handler, Channel channel, PendingExchange call, Flow.Subscriber<List<ByteBuffer>> subscriber) {
        this.handler = handler;
        this.channel = channel;
        this.call = call;
        this.subscriber = subscriber;
        this.borrows = BodySink.borrows(subscriber);
        this.lent = borrows ? new ArrayList<>(LENT_MAX) : List.of();
    }

    void start() {
        subscriber.onSubscribe(this);
    }

    /** A piece of the body arrived; lent (retained) to a borrowing subscriber, else copied (it owns what it gets). */
    void piece(ByteBuf content) {
        int length = content.readableBytes();
        if (finished || length == 0) {
            return;
        }
        if (borrows && demand > Long.MAX_VALUE / 2 && noneWaiting()) { // asked for everything
            lent.add(content.retain());
            lentBuffers += content.nioBufferCount();
            if (lent.size() == LENT_MAX) {
                flushLent();
            }
            return;
        }
        flushLent(); // keeps the order should a borrowing subscriber's demand ever be bounded
        ByteBuffer copy = ByteBuffer.allocate(length);
        content.getBytes(content.readerIndex(), copy);
        copy.flip();
        if (demand > 0 && noneWaiting()) {
            demand--;
            subscriber.onNext(List.of(copy)); // the usual case: straight through
            return;
        }
        if (pending == null) {
            pending = new ArrayDeque<>(4);
        }
        pending.add(copy);
        drain();
    }

    /**
     * Whether the body's last piece arrived: the rest of the body is here, so the connection or
     * stream ending now takes nothing from the subscriber, which goes on taking what waits.
     */
    boolean lastArrived() {
        return lastArrived;
    }

    /** The body's last piece arrived. */
    void last() {
        flushLent();
        lastArrived = true;
        drain();
    }

    /**
     * Passes the lent pieces on as one list of views, then releases them: at the end of a read burst,
     * before the last piece, and when {@value #LENT_MAX} have gathered.
     */
    void flushLent() {
        if (lent.isEmpty()) {
            return;
        }
        ByteBuffer[] views = new ByteBuffer[lentBuffers];
        int i = 0;
        for (ByteBuf piece : lent) {
            for (ByteBuffer view : piece.nioBuffers()) {
                views[i++] = view;
            }
        }
        try {
            if (!finished) {
                subscriber.onNext(Arrays.asList(views));
            }
        } finally {
            releaseLent();
        }
    }

    /** Releases the lent pieces not passed on (the body failed, was cancelled or aborted). */
    void releaseLent() {
        if (lent.isEmpty()) {
            return;
        }
        for (ByteBuf piece : lent) {
            piece.release();
        }
        lent.clear();
        lentBuffers = 0;
    }

    /** The exchange failed under the body: the subscriber is told. */
    void fail(Throwable failure) {
        releaseLent();
        if (!finished) {
            finished = true;
            pending = null;
            subscriber.onError(failure);
        }
    }

    private void drain() {
        while (!finished && demand > 0 && !noneWaiting()) {
            demand--;
            subscriber.onNext(List.of(pending.poll()));
        }
        if (finished) {
            return;
        }
        if (noneWaiting() && lastArrived) {
            finished = true;
            subscriber.onComplete();
            handler.bodyEnded(call);
        } else if (!noneWaiting() && channel.config().isAutoRead()) {
            channel.config().setAutoRead(false); // the subscriber is behind: stop reading the socket
        }
    }

    @Override
    public void request(long n) {
        onLoop(() -> demand(n)); // inline when already on the loop (a buffered body asking in onSubscribe)
    }

    private void demand(long n) {
        if (finished || n <= 0) {
            return;
        }
        demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        drain();
        if (!finished && noneWaiting() && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true); // caught up: read again
        }
    }

    /** The subscriber gave up: the exchange is aborted (the connection closed, not drained). */
    @Override
    public void cancel() {
        onLoop(() -> {
            if (!finished) {
                finished = true;
                pending = null;
                releaseLent();
                call.completeExceptionally(new CancellationException("the response body was cancelled"));
            }
        });
    }

    private boolean noneWaiting() {
        return pending == null || pending.isEmpty();
    }

    private void onLoop(Runnable task) {
        EventLoops.runOn(channel, task);
    }
}
