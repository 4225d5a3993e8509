package dev.salvo.server.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write timeout: while a request of the connection is being served, a check every
 * {@code writeTimeout} closes the connection when reply bytes are queued and none of them went out
 * since the previous check (the client stopped reading). One timer per connection at most, armed
 * when a request starts and not re-armed once the connection is idle, so ordinary replies cost
 * nothing. On an HTTP/2 stream the reply bytes wait in the connection's flow control, not in a
 * buffer of the stream's own: there the check is that the stream channel stayed unwritable and
 * the client granted it no bytes ({@link Http2WindowGrants}) since the previous check (it stopped
 * sending WINDOW_UPDATE for the stream), and closing the stream channel resets that stream only. Confined to the connection's event loop.
 */
final class WriteStallWatch {
    private static final Logger LOG = LoggerFactory.getLogger(WriteStallWatch.class);
    private final Channel channel;
    private final long periodNanos;
    private final BooleanSupplier serving;
    private ScheduledFuture<?> timer;
    private Object lastMessage;
    private long lastProgress;
    private long lastPending;

    WriteStallWatch(Channel channel, Duration writeTimeout, BooleanSupplier serving) {
        this.channel = channel;
        this.periodNanos = writeTimeout.toNanos();
        this.serving = serving;
    }

    /** A request started: make sure a check is coming. */
    void arm() {
        if (timer == null) {
            lastMessage = null;
            lastPending = -1;
            timer = channel.eventLoop().schedule(this::check, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void check() {
        timer = null;
        if (!serving.getAsBoolean() || !channel.isActive()) {
            return;
        }
        ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        long pending;
        Object message = null;
        long progress = 0;
        if (channel instanceof Http2StreamChannel stream) { // stalled while unwritable with no bytes granted
            pending = stream.isWritable() ? 0 : stream.bytesBeforeWritable();
            progress = Http2WindowGrants.granted(stream);
        } else if (out != null) {
            pending = out.totalPendingWriteBytes();
            message = out.current();
            progress = out.currentProgress();
        } else {
            return;
        }
        if (pending > 0 && pending == lastPending && message == lastMessage && progress == lastProgress) {
            LOG.debug("closing {}: {} reply bytes not taken by the client for the write timeout", channel, pending);
            channel.close();
            return;
        }
        lastPending = pending;
        lastMessage = message;
        lastProgress = progress;
        timer = channel.eventLoop().schedule(this::check, periodNanos, TimeUnit.NANOSECONDS);
    }
}
