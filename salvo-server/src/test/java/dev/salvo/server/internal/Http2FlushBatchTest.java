package dev.salvo.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/**
 * {@link Http2FlushBatch} on its own: the flushes asked for within one run of the loop's tasks
 * reach the socket side as one, once the task it queued runs; a flush asked for after that queues
 * the next one. The server's replies through it, on real connections, are in
 * {@code Http2FlushBatchingTest}.
 */
class Http2FlushBatchTest {
    /** Counts the flushes that pass it towards the socket. */
    private static final class FlushCount extends ChannelOutboundHandlerAdapter {
        int flushes;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            ctx.flush();
        }
    }

    @Test
    void flushesAskedForInOneTurnGoOutOnceWhenItsTaskRuns() {
        FlushCount socketSide = new FlushCount();
        EmbeddedChannel channel = new EmbeddedChannel(socketSide, new Http2FlushBatch());
        channel.pipeline().flush();
        channel.pipeline().flush();
        channel.pipeline().flush();
        assertEquals(0, socketSide.flushes, "nothing flushed before the queued task runs");
        channel.runPendingTasks();
        assertEquals(1, socketSide.flushes);
        channel.runPendingTasks();
        assertEquals(1, socketSide.flushes, "no flush without a new request for one");
        channel.pipeline().flush();
        channel.runPendingTasks();
        assertEquals(2, socketSide.flushes);
        channel.finishAndReleaseAll();
    }
}
