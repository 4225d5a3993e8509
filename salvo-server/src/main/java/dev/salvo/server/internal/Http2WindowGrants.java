package dev.salvo.server.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2WindowUpdateFrame;

/**
 * Between an HTTP/2 connection's frame codec and its multiplexer (which drops WINDOW_UPDATE
 * frames): adds up, per stream, the bytes the client has granted it. A stream's reply bytes wait in
 * the connection's flow control rather than in a buffer the {@link WriteStallWatch} could look
 * into, so the grants are the watch's measure of a client's progress on the stream, to the byte.
 * Confined to the connection's event loop.
 */
final class Http2WindowGrants extends ChannelInboundHandlerAdapter {
    private final Http2Connection connection;
    private final Http2Connection.PropertyKey granted;

    Http2WindowGrants(Http2Connection connection) {
        this.connection = connection;
        this.granted = connection.newKey();
    }

    /** The bytes granted to {@code stream} by WINDOW_UPDATE so far (0 when none, or once it or its connection closed). */
    static long granted(Http2StreamChannel stream) {
        Http2WindowGrants grants = stream.parent().pipeline().get(Http2WindowGrants.class);
        Http2Stream s = grants == null ? null : grants.connection.stream(stream.stream().id());
        Long n = s == null ? null : s.getProperty(grants.granted);
        return n == null ? 0 : n;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Http2WindowUpdateFrame update && update.stream() != null) {
            Http2Stream s = connection.stream(update.stream().id());
            if (s != null) {
                Long n = s.getProperty(granted);
                s.setProperty(granted, (n == null ? 0 : n) + update.windowSizeIncrement());
            }
        }
        ctx.fireChannelRead(msg);
    }
}
