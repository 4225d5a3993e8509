package dev.salvo.server.internal;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Why a handler in front of the connection handler refused a request it cannot go on reading
 * (bad framing, a head too slow, an upload too large). It travels as the failed decoder result of
 * a placeholder request, so the refusal is answered in turn after the connection's earlier
 * requests, then the connection closes. Immutable; carries no stack trace.
 */
final class RequestRejection extends DecoderException {
    private static final long serialVersionUID = 1L;
    private final transient HttpResponseStatus status;

    private RequestRejection(HttpResponseStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    HttpResponseStatus status() {
        return status;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** The placeholder for a refused request; {@code head} may be null when no head was decoded yet. */
    static FullHttpRequest of(HttpRequest head, HttpResponseStatus status, String detail) {
        FullHttpRequest placeholder = head == null
                ? new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/bad-request", Unpooled.EMPTY_BUFFER)
                : new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(), Unpooled.EMPTY_BUFFER);
        placeholder.setDecoderResult(DecoderResult.failure(new RequestRejection(status, detail)));
        return placeholder;
    }
}
