package dev.salvo.server.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2CodecUtil;

/**
 * Tells HTTP/2 with prior knowledge from HTTP/1.1 on a cleartext connection by its first bytes
 * (RFC 9113 §3.3: the client preface {@code PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n}). At the first byte
 * that differs from the preface (the {@code G} of {@code GET}, at once for every HTTP/1.1
 * request) it removes itself and the HTTP/1.1 pipeline behind it serves the connection; when the
 * whole preface has come it swaps that pipeline for HTTP/2 ({@link Http2Setup}). Bytes that match
 * a prefix so far are held until the next read. Confined to its connection's event loop.
 */
final class PrefaceSniffer extends ChannelInboundHandlerAdapter {
    private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

    private final Http2Setup http2;
    private ByteBuf held;

    PrefaceSniffer(Http2Setup http2) {
        this.http2 = http2;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        ByteBuf bytes = held == null ? in : ctx.alloc().buffer(held.readableBytes() + in.readableBytes()).writeBytes(held).writeBytes(in);
        if (held != null) {
            held.release();
            in.release();
            held = null;
        }
        int length = PREFACE.readableBytes();
        int n = Math.min(bytes.readableBytes(), length);
        if (!ByteBufUtil.equals(PREFACE, 0, bytes, bytes.readerIndex(), n)) {
            ctx.pipeline().remove(this);
            ctx.fireChannelRead(bytes);
        } else if (n == length) {
            http2.replaceHttp1(ctx.pipeline());
            ctx.pipeline().remove(this);
            ctx.fireChannelRead(bytes);
        } else {
            held = bytes;
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (held != null) {
            held.release();
            held = null;
        }
    }
}
