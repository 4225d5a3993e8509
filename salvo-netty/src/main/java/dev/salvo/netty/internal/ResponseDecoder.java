package dev.salvo.netty.internal;

import dev.salvo.client.CallEvent;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.AsciiString;
import java.util.stream.Stream;

/**
 * Netty's HTTP/1.1 response decoder told whether the request in flight was a HEAD, whose response
 * has headers that announce a body it never sends. One per connection, used on its event loop only.
 */
final class ResponseDecoder extends HttpResponseDecoder {
    private static final int MAX_INITIAL_LINE = 8 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Larger pieces mean fewer content messages for big bodies. */
    private static final int MAX_CHUNK_BYTES = 64 * 1024;

    /**
     * Header names most responses carry, in the case servers send them. Returned as shared
     * constants whose {@code toString()} is cached, so the common fields cost no new name objects.
     */
    private static final AsciiString[] COMMON_NAMES = Stream.of("Content-Length", "Content-Type", "Date", "Server",
                    "Connection", "Transfer-Encoding", "Keep-Alive", "Cache-Control", "Content-Encoding", "ETag",
                    "Last-Modified", "Expires", "Vary", "Location", "Set-Cookie", "Accept-Ranges", "Age",
                    "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "content-length", "content-type",
                    "date", "server", "connection", "transfer-encoding")
            .map(AsciiString::cached)
            .toArray(AsciiString[]::new);

    private boolean headRequest;
    /** The call to tell of its response's first byte; null once told, or when nobody listens. */
    private PendingExchange firstByteOf;

    ResponseDecoder() {
        super(new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_INITIAL_LINE)
                .setMaxHeaderSize(MAX_HEADER_BYTES)
                .setMaxChunkSize(MAX_CHUNK_BYTES)
                // Salvo's Headers check every field again when the response is built
                .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
                .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false)));
    }

    /** Sets what the next response answers: {@code call}, a HEAD request when {@code head}. */
    void expectResponseTo(PendingExchange call, boolean head) {
        this.headRequest = head;
        this.firstByteOf = call.listensToFirstByte() ? call : null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
        PendingExchange call = firstByteOf;
        if (call != null && message instanceof ByteBuf bytes && bytes.isReadable()) {
            firstByteOf = null;
            call.reached(CallEvent.Phase.RESPONSE_FIRST_BYTE);
        }
        super.channelRead(ctx, message);
    }

    @Override
    protected AsciiString splitHeaderName(byte[] line, int start, int length) {
        for (AsciiString name : COMMON_NAMES) {
            if (name.length() == length && sameBytes(name, line, start)) {
                return name;
            }
        }
        return super.splitHeaderName(line, start, length);
    }

    private static boolean sameBytes(AsciiString name, byte[] line, int start) {
        byte[] bytes = name.array();
        int offset = name.arrayOffset();
        for (int i = 0, n = name.length(); i < n; i++) {
            if (bytes[offset + i] != line[start + i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage message) {
        return headRequest || super.isContentAlwaysEmpty(message);
    }
}
