package dev.salvo.server.internal;

import dev.salvo.server.internal.http.JsonRenderer;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The JSON error reply sent before the server closes a connection it cannot go on reading
 * (malformed request, head over 16 KiB, body over max-body). Stateless.
 */
final class ClosingErrorReply {
    private ClosingErrorReply() {
    }

    static FullHttpResponse of(ByteBufAllocator alloc, HttpResponseStatus status, String detail) {
        DefaultFullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                JsonRenderer.render(alloc, JsonRenderer.error(status, detail)));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return res;
    }
}
