package dev.salvo.server.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Fast path in front of the body aggregator: a request that announces no body (no
 * Content-Length or 0, not chunked, no Expect) is joined with its empty last part into one
 * {@link FullHttpRequest} sharing the decoded headers, so the common GET skips the aggregator's
 * composite buffer. Everything else passes through untouched. Confined to its event loop.
 */
final class BodilessRequestJoiner extends ChannelInboundHandlerAdapter {
    private HttpRequest head;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (head == null) {
            if (msg instanceof HttpRequest req && !(msg instanceof FullHttpRequest) && isBodiless(req)) {
                head = req;
            } else {
                ctx.fireChannelRead(msg);
            }
            return;
        }
        HttpRequest req = head;
        head = null;
        if (msg instanceof LastHttpContent last && !last.content().isReadable()
                && last.trailingHeaders().isEmpty() && last.decoderResult().isSuccess()) {
            ReferenceCountUtil.release(last);
            ctx.fireChannelRead(new DefaultFullHttpRequest(req.protocolVersion(), req.method(), req.uri(),
                    Unpooled.EMPTY_BUFFER, req.headers(), EmptyHttpHeaders.INSTANCE));
        } else {
            ctx.fireChannelRead(req);
            ctx.fireChannelRead(msg);
        }
    }

    private static boolean isBodiless(HttpRequest req) {
        if (!req.decoderResult().isSuccess() || HttpUtil.isTransferEncodingChunked(req)
                || req.headers().contains(HttpHeaderNames.EXPECT)) {
            return false;
        }
        String length = req.headers().get(HttpHeaderNames.CONTENT_LENGTH);
        return length == null || length.equals("0");
    }
}
