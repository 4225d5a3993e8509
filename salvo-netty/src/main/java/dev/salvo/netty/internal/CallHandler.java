package dev.salvo.netty.internal;

import dev.salvo.client.Headers;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.SalvoIOException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an HTTP/1.1 connection's handler ({@link ResponseHandler}) and an HTTP/2 stream's
 * ({@link H2Stream}) share: the call in flight, opening its response body to the exchange's
 * subscriber through a {@link BodyFlow}, handing a borrowing body its pieces at each read burst's
 * end, and failing the call. Confined to the channel's event loop, except {@link #failInFlight}.
 */
abstract class CallHandler extends ChannelInboundHandlerAdapter implements Carrier {
    private static final Logger LOG = LoggerFactory.getLogger(CallHandler.class);

    /** The call in flight, null between calls; written on the event loop only. */
    volatile PendingExchange current;
    /** The body in flight, null before the response's head and between calls. */
    BodyFlow body;

    /**
     * The response's head for {@code call} arrived: hands it to the exchange and opens the body to
     * the subscriber it returns, on {@code channel}. False when the call no longer runs here: the
     * exchange refused the head (the call failed), or it or the subscriber cancelled.
     */
    final boolean openBody(PendingExchange call, Channel channel, int status, Headers headers, HttpVersion version) {
        Flow.Subscriber<List<ByteBuffer>> subscriber;
        try {
            subscriber = call.exchange().responseHeaders(status, headers, version);
        } catch (RuntimeException e) {
            LOG.warn("[{}] #{} exchange threw on headers", Thread.currentThread().getName(), call.exchange().requestId(), e);
            fail(new SalvoIOException("the exchange refused the response headers: " + e, e));
            return false;
        }
        if (current != call) {
            return false; // the exchange cancelled the call
        }
        body = new BodyFlow(this, channel, call, subscriber);
        body.start();
        return current == call; // false: the subscriber cancelled at once
    }

    /** A read burst ended: a borrowing body gets the pieces it was lent in one list. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        BodyFlow flow = body;
        if (flow != null) {
            flow.flushLent();
        }
        ctx.fireChannelReadComplete();
    }

    /** Fails the call in flight with {@code failure} and ends its connection or stream. */
    final void fail(SalvoIOException failure) {
        PendingExchange call = current;
        BodyFlow flow = body;
        drop();
        if (flow != null) {
            flow.fail(failure);
        }
        if (call != null) {
            call.completeExceptionally(failure);
        }
    }

    /** Forgets the call in flight and its body (releasing what the body was lent). */
    final void forgetCall() {
        if (body != null) {
            body.releaseLent();
        }
        current = null;
        body = null;
    }

    /** Forgets the call in flight ({@link #forgetCall}) and ends its connection or stream. */
    abstract void drop();

    /** Fails the call in flight from any thread, for when the event loop is gone. */
    public final void failInFlight(SalvoIOException failure) {
        PendingExchange call = current;
        if (call != null) {
            call.completeExceptionally(failure);
        }
    }
}
