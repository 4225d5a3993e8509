package dev.salvo.server.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last on an HTTP/2 connection: closes it (the frame codec sends GOAWAY first) on the idle timeout
 * when none of its streams is open but those stalled on purpose ({@code /fault/stall}, which on
 * HTTP/1.1 does not keep a connection from idling out either), and on an I/O failure that reached the connection. A protocol
 * error (rapid resets, garbage, a bad frame) is left to the frame codec, which shows it here first
 * and then sends GOAWAY with that error's code and closes: closing here first would send GOAWAY
 * {@code NO_ERROR} and hide from the client why it was cut off. Confined to its connection's event loop.
 */
final class Http2ConnectionGuard extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(Http2ConnectionGuard.class);
    private int stalledStreams;

    /** Counts {@code stream} as stalled on purpose ({@code delta} 1) or no longer open (-1); a no-op once its connection closed. */
    static void stalled(Channel stream, int delta) {
        Http2ConnectionGuard guard = stream.parent().pipeline().get(Http2ConnectionGuard.class);
        if (guard != null) {
            guard.stalledStreams += delta;
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            Http2FrameCodec codec = ctx.pipeline().get(Http2FrameCodec.class);
            if (codec == null || codec.connection().numActiveStreams() <= stalledStreams) {
                LOG.debug("closing idle HTTP/2 connection {} on {}", ctx.channel(), Thread.currentThread().getName());
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP/2 connection {} failed on {}: {}", ctx.channel(), Thread.currentThread().getName(), cause.toString());
        if (Http2CodecUtil.getEmbeddedHttp2Exception(cause) == null) {
            ctx.close();
        }
    }
}
