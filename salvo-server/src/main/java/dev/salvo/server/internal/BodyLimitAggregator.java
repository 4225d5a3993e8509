package dev.salvo.server.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.channel.ChannelPipeline;
import io.netty.util.ReferenceCountUtil;

/**
 * Aggregates request bodies up to the configured maximum. A body announced (Content-Length) or
 * found (chunks) to be larger gets a JSON 413 and the connection is closed, without reading the
 * rest of the body. Confined to its channel's event loop.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
    private final int maxBody;

    BodyLimitAggregator(int maxBody) {
        super(maxBody, true);
        this.maxBody = maxBody;
    }

    /**
     * Leaves the headers as the client sent them: the default adds a Content-Length the client
     * never sent, which the echo endpoints would then report.
     */
    @Override
    protected void finishAggregation(FullHttpMessage aggregated) {
        // nothing to add
    }

    /** The 413 and 417 answers to {@code Expect} carry the JSON error body, as every error does. */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        String expect = start.headers().get(HttpHeaderNames.EXPECT);
        Object canned = super.newContinueResponse(start, maxContentLength, pipeline);
        if (!(canned instanceof HttpResponse res) || res.status().code() == 100) {
            return canned;
        }
        ReferenceCountUtil.release(canned);
        HttpResponseStatus status = res.status();
        String detail = status.code() == 417 ? "unsupported Expect: " + expect
                : "request body over the limit of " + maxBody + " bytes";
        pipeline.get(ConnectionHandler.class).rejected(start, status.code());
        return ClosingErrorReply.of(pipeline.channel().alloc(), status, detail);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        HttpResponseStatus status = HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
        FullHttpResponse res = ClosingErrorReply.of(ctx.alloc(), status, "request body over the limit of " + maxBody + " bytes");
        ctx.writeAndFlush(res).addListener(LingeringClose.INSTANCE);
        ctx.pipeline().get(ConnectionHandler.class).rejected(oversized, status.code());
    }
}
