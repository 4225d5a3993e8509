package dev.salvo.server.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AsciiString;

/**
 * The {@code Upgrade: h2c} path (RFC 7540 §3.2) on a cleartext HTTP/1.1 connection: an idle
 * connection's request that asks for it is handed to Netty's upgrade handler, put in front of the
 * connection handler for that request only; it answers 101, the HTTP/1.1 handlers come off and the
 * request is served as stream 1 of the new HTTP/2 connection. A request the upgrade handler turns
 * down (no valid HTTP2-Settings) comes back and is served over HTTP/1.1. Stateless; runs on the
 * connection's event loop.
 */
final class H2cUpgrade {
    private static final String HANDLER = "h2c-upgrade";
    /** The fault endpoints break HTTP/1.1 framing on purpose; a request for one is not upgraded. */
    private static final String FAULTS = "/fault/";
    private final Http2Setup http2;
    private final int maxBody;

    H2cUpgrade(Http2Setup http2, int maxBody) {
        this.http2 = http2;
        this.maxBody = maxBody;
    }

    /**
     * True when {@code req} asks for h2c on a cleartext connection that has not tried yet (over
     * TLS the header is ignored: RFC 7540 §3.2 has h2c on cleartext only).
     */
    static boolean wanted(ChannelHandlerContext ctx, FullHttpRequest req) {
        String upgrade = req.headers().get(HttpHeaderNames.UPGRADE);
        return upgrade != null && AsciiString.containsIgnoreCase(upgrade, Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME)
                && !req.uri().startsWith(FAULTS)
                && ctx.pipeline().get(HANDLER) == null && ctx.pipeline().get(SslHandler.class) == null;
    }

    /** Passes {@code req} (from the connection handler at {@code ctx}) through Netty's upgrade handler. */
    void offer(ChannelHandlerContext ctx, FullHttpRequest req) {
        HttpServerUpgradeHandler.SourceCodec http1 = upgraded -> HttpPipeline.removeHttp1(upgraded.pipeline());
        HttpServerUpgradeHandler.UpgradeCodecFactory codecs = protocol ->
                AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol) ? http2.upgradeCodec() : null;
        ctx.pipeline().addBefore(ctx.name(), HANDLER, new UpgradeHandler(http1, codecs, maxBody, HttpUtil.isContentLengthSet(req)));
        // as head and last part: Netty's aggregators pass a message that is already whole straight on
        ChannelHandlerContext before = ctx.pipeline().context(HttpPipeline.AGGREGATOR);
        before.fireChannelRead(new DefaultHttpRequest(req.protocolVersion(), req.method(), req.uri(), req.headers()));
        before.fireChannelRead(new DefaultLastHttpContent(req.content()));
    }

    /**
     * Netty's upgrade handler aggregates the request it is fed, and aggregation writes a
     * Content-Length; the request the endpoints see must keep the headers the client sent.
     */
    private static final class UpgradeHandler extends HttpServerUpgradeHandler {
        private final boolean clientSentLength;

        UpgradeHandler(SourceCodec http1, UpgradeCodecFactory codecs, int maxBody, boolean clientSentLength) {
            super(http1, codecs, maxBody);
            this.clientSentLength = clientSentLength;
        }

        @Override
        protected void finishAggregation(FullHttpMessage aggregated) throws Exception {
            super.finishAggregation(aggregated);
            if (!clientSentLength) {
                aggregated.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
            }
        }
    }
}
