package dev.salvo.netty.internal;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;

/**
 * Netty's HTTP/1.1 response decoder told whether the request in flight was a HEAD, whose response
 * has headers that announce a body it never sends. One per connection, used on its event loop only.
 */
final class ResponseDecoder extends HttpResponseDecoder {
    static final int MAX_INITIAL_LINE = 8 * 1024;
    static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Larger pieces mean fewer content messages for big bodies. */
    static final int MAX_CHUNK_BYTES = 64 * 1024;

    private boolean headRequest;

    ResponseDecoder() {
        super(new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_INITIAL_LINE)
                .setMaxHeaderSize(MAX_HEADER_BYTES)
                .setMaxChunkSize(MAX_CHUNK_BYTES)
                // Salvo's Headers check every field again when the response is built
                .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
                .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false)));
    }

    /** Sets what the next response answers: true for a HEAD request. */
    void expectResponseTo(boolean head) {
        this.headRequest = head;
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage message) {
        return headRequest || super.isContentAlwaysEmpty(message);
    }
}
