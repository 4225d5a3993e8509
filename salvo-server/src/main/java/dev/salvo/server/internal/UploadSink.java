package dev.salvo.server.internal;

import dev.salvo.server.internal.http.UploadedRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * In front of the body aggregator: the body of a {@code POST /upload} is counted and hashed
 * (SHA-256) piece by piece as the decoder hands it over and released at once, so an upload of any
 * size up to max-upload costs no memory; TCP flow control paces the client to the hashing speed.
 * The request then goes on as an {@link UploadedRequest} with an empty body. Announced or found
 * over max-upload → 413 and close; {@code Expect: 100-continue} is answered here. Everything else
 * passes through untouched. Confined to its connection's event loop.
 */
final class UploadSink extends ChannelInboundHandlerAdapter {
    static final String PATH = "/upload";
    private final long maxUpload;
    private HttpRequest head;
    private MessageDigest digest;
    private long bytes;
    private boolean refused;

    UploadSink(long maxUpload) {
        this.maxUpload = maxUpload;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
        } else if (head != null && msg instanceof HttpContent content) {
            consume(ctx, content);
        } else if (msg instanceof HttpRequest req && !(msg instanceof FullHttpRequest) && isUpload(req)) {
            start(ctx, req);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    private static boolean isUpload(HttpRequest req) {
        String uri = req.uri();
        return req.decoderResult().isSuccess() && req.method().equals(HttpMethod.POST)
                && uri.startsWith(PATH) && (uri.length() == PATH.length() || uri.charAt(PATH.length()) == '?');
    }

    private void start(ChannelHandlerContext ctx, HttpRequest req) {
        long announced = HttpUtil.getContentLength(req, -1L);
        if (announced > maxUpload) {
            refuse(ctx, req, announced);
            return;
        }
        if (req.headers().contains(HttpHeaderNames.EXPECT)) {
            if (!HttpUtil.is100ContinueExpected(req)) {
                refused = true;
                ctx.fireChannelRead(RequestRejection.of(req, HttpResponseStatus.EXPECTATION_FAILED,
                        "unsupported Expect: " + req.headers().get(HttpHeaderNames.EXPECT)));
                return;
            }
            req.headers().remove(HttpHeaderNames.EXPECT);
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
        }
        head = req;
        bytes = 0;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private void consume(ChannelHandlerContext ctx, HttpContent content) {
        try {
            if (content.decoderResult().isFailure()) {
                HttpRequest req = head;
                head = null;
                refused = true;
                ctx.fireChannelRead(RequestRejection.of(req, HttpResponseStatus.BAD_REQUEST,
                        "malformed request body: " + content.decoderResult().cause().getMessage()));
                return;
            }
            ByteBuf body = content.content();
            bytes += body.readableBytes();
            if (bytes > maxUpload) {
                HttpRequest req = head;
                head = null;
                refuse(ctx, req, bytes);
                return;
            }
            for (ByteBuffer piece : body.nioBuffers()) {
                digest.update(piece);
            }
        } finally {
            content.release();
        }
        if (content instanceof LastHttpContent) {
            HttpRequest req = head;
            head = null;
            ctx.fireChannelRead(new UploadedRequest(req, bytes, HexFormat.of().formatHex(digest.digest())));
        }
    }

    private void refuse(ChannelHandlerContext ctx, HttpRequest req, long size) {
        refused = true;
        ctx.fireChannelRead(RequestRejection.of(req, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "upload of " + size + " bytes or more is over the limit of " + maxUpload + " bytes"));
    }
}
