package dev.salvo.server.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http2.HttpConversionUtil.ExtensionHeaderNames;

/**
 * First behind the frame-to-HTTP conversion of an HTTP/2 stream: takes off the request head what
 * the conversion added and the client never sent (Netty's {@code x-http2-*} extension headers, and
 * the {@code transfer-encoding: chunked} it puts on a body without a content-length), so that the
 * echo endpoints report the client's headers on h2 as on HTTP/1.1. Confined to its stream's event loop.
 */
final class Http2RequestCleaner extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest req) {
            HttpHeaders h = req.headers();
            for (ExtensionHeaderNames name : ExtensionHeaderNames.values()) {
                h.remove(name.text());
            }
            h.remove(HttpHeaderNames.TRANSFER_ENCODING);
        }
        ctx.fireChannelRead(msg);
    }
}
