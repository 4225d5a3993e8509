package dev.salvo.server.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import java.util.concurrent.RejectedExecutionException;

/**
 * Between an HTTP/2 connection's frame codec and its multiplexer: turns the flushes of the
 * connection's streams into one per event-loop task run. A stream that replies outside the
 * connection's read (a {@code /delay} timer firing, a strategy's worker handing its reply back)
 * flushes the whole connection, so a thousand replies due in one loop turn would cost a thousand
 * socket writes, and the client as many wake-ups; here the first flush queues one task on the
 * loop, the others find it queued, and it flushes everything written by then in one write.
 *
 * <p>Frames are still written, and so HPACK-encoded, in the order the streams write them: only
 * the flush moves, never a write, so the header blocks reach the socket in the order of the
 * encoder's dynamic table. The task runs after the tasks already queued (the timers due in this
 * turn among them) and before the loop next waits, so a reply waits for no timer or read of its
 * own. Confined to the connection's event loop.
 */
final class Http2FlushBatch extends ChannelOutboundHandlerAdapter {
    private boolean queued;
    private ChannelHandlerContext context;
    private final Runnable flush = this::flushNow;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (queued) {
            return;
        }
        queued = true;
        try {
            ctx.executor().execute(flush);
        } catch (RejectedExecutionException e) { // the loop is shutting down: no later turn to wait for
            flushNow();
        }
    }

    private void flushNow() {
        queued = false;
        context.flush();
    }
}
