package dev.salvo.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-wide cap on reply bytes written but not yet taken by the clients. One per connection,
 * next to the socket (it sees encoded bytes), sharing the server's counter. Only writes made while
 * the connection already has bytes waiting for its client are counted (the ordinary reply that
 * goes straight into the socket costs nothing here), and such a write always goes through when
 * this connection has no counted bytes, so every connection makes progress; a write on
 * a connection that already has bytes queued while the server is over the cap fails and closes
 * that connection: the slow readers are cut, the fast ones keep being served. Confined to its
 * event loop; the shared counter is atomic.
 */
final class OutboundBudget extends ChannelOutboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundBudget.class);

    /** The typed failure of a write refused because the server holds too much for slow clients. */
    static final class OverBudgetException extends IOException {
        private static final long serialVersionUID = 1L;

        OverBudgetException(String message) {
            super(message);
        }
    }

    private final AtomicLong serverQueued;
    private final long cap;
    private long queuedHere;

    OutboundBudget(AtomicLong serverQueued, long cap) {
        this.serverQueued = serverQueued;
        this.cap = cap;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ChannelOutboundBuffer queued = ctx.channel().unsafe().outboundBuffer();
        long size = msg instanceof ByteBuf b ? b.readableBytes() : msg instanceof ByteBufHolder h ? h.content().readableBytes() : 0;
        if (size == 0 || queuedHere == 0 && (queued == null || queued.totalPendingWriteBytes() == 0)) {
            // nothing waits for this client: the reply goes straight to the socket, unaccounted
            ctx.write(msg, promise);
            return;
        }
        if (queuedHere > 0 && serverQueued.get() + size > cap) {
            ReferenceCountUtil.release(msg);
            LOG.debug("closing {}: {} reply bytes queued server-wide, over the cap of {}", ctx.channel(), serverQueued.get(), cap);
            promise.tryFailure(new OverBudgetException("server holds over " + cap + " reply bytes for slow clients"));
            ctx.close();
            return;
        }
        queuedHere += size;
        serverQueued.addAndGet(size);
        ctx.write(msg, promise.unvoid()).addListener(f -> {
            queuedHere -= size;
            serverQueued.addAndGet(-size);
        });
    }
}
