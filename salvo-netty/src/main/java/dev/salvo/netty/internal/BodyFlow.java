package dev.salvo.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;

/**
 * One response body on its way to the exchange's subscriber, with Netty's backpressure: each piece
 * the decoder yields is copied out of Netty's buffer and handed on while the subscriber has demand;
 * past it, pieces wait here and the channel's {@code autoRead} is turned off, so the socket is not
 * read until the subscriber asks for more. A subscriber that requests everything (bytes, a file)
 * never turns it off. Confined to the connection's event loop; {@link #request} and {@link #cancel}
 * hop onto it from any thread.
 */
final class BodyFlow implements Flow.Subscription {
    private final Carrier handler;
    private final Channel channel;
    private final PendingExchange call;
    private final Flow.Subscriber<List<ByteBuffer>> subscriber;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>(4);
    private long demand;
    private boolean lastArrived;
    private boolean finished;

    BodyFlow(Carrier handler, Channel channel, PendingExchange call, Flow.Subscriber<List<ByteBuffer>> subscriber) {
        this.handler = handler;
        this.channel = channel;
        this.call = call;
        this.subscriber = subscriber;
    }

    void start() {
        subscriber.onSubscribe(this);
    }

    /** A piece of the body arrived; its bytes are copied (the subscriber owns what it gets). */
    void piece(ByteBuf content) {
        int length = content.readableBytes();
        if (finished || length == 0) {
            return;
        }
        ByteBuffer copy = ByteBuffer.allocate(length);
        content.getBytes(content.readerIndex(), copy);
        copy.flip();
        if (demand > 0 && pending.isEmpty()) {
            demand--;
            subscriber.onNext(List.of(copy)); // the usual case: straight through
            return;
        }
        pending.add(copy);
        drain();
    }

    /** The body's last piece arrived. */
    void last() {
        lastArrived = true;
        drain();
    }

    /** The exchange failed under the body: the subscriber is told. */
    void fail(Throwable failure) {
        if (!finished) {
            finished = true;
            pending.clear();
            subscriber.onError(failure);
        }
    }

    private void drain() {
        while (!finished && demand > 0 && !pending.isEmpty()) {
            demand--;
            subscriber.onNext(List.of(pending.poll()));
        }
        if (finished) {
            return;
        }
        if (pending.isEmpty() && lastArrived) {
            finished = true;
            subscriber.onComplete();
            handler.bodyEnded(call);
        } else if (!pending.isEmpty() && channel.config().isAutoRead()) {
            channel.config().setAutoRead(false); // the subscriber is behind: stop reading the socket
        }
    }

    @Override
    public void request(long n) {
        onLoop(() -> {
            if (finished || n <= 0) {
                return;
            }
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            drain();
            if (!finished && pending.isEmpty() && !channel.config().isAutoRead()) {
                channel.config().setAutoRead(true); // caught up: read again
            }
        });
    }

    /** The subscriber gave up: the exchange is aborted (the connection closed, not drained). */
    @Override
    public void cancel() {
        onLoop(() -> {
            if (!finished) {
                finished = true;
                pending.clear();
                call.completeExceptionally(new CancellationException("the response body was cancelled"));
            }
        });
    }

    private void onLoop(Runnable task) {
        EventLoops.runOn(channel, task);
    }
}
