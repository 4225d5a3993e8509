package dev.salvo.server.internal.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;

/**
 * A request whose body was consumed as it arrived ({@code POST /upload}): the body is gone, its
 * length and SHA-256 (lower-case hex) remain. Immutable apart from Netty's reference count.
 */
public final class UploadedRequest extends DefaultFullHttpRequest {
    private final long bytes;
    private final String sha256;

    public UploadedRequest(HttpRequest head, long bytes, String sha256) {
        super(head.protocolVersion(), head.method(), head.uri(), Unpooled.EMPTY_BUFFER, head.headers(),
                io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE);
        this.bytes = bytes;
        this.sha256 = sha256;
    }

    public long bytes() {
        return bytes;
    }

    public String sha256() {
        return sha256;
    }
}
