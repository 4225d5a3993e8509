package dev.salvo.server.internal;

import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.ArrayDeque;

/**
 * The server's HTTP/1.1 codec: {@link StrictChunkDecoder} (Netty's validating decoder with the
 * stricter chunk rules) and Netty's response encoder, paired as Netty's {@code HttpServerCodec}
 * pairs them so that a reply to HEAD carries no body. Confined to its connection's event loop.
 */
final class ServerCodec extends CombinedChannelDuplexHandler<StrictChunkDecoder, HttpResponseEncoder> {
    /** Limit on the request line and, separately, on all header lines together. */
    static final int MAX_HEAD = 16 * 1024;
    /** Largest piece of a body the decoder hands on at once. */
    static final int MAX_PIECE = 64 * 1024;

    private final ArrayDeque<HttpMethod> methods = new ArrayDeque<>(2);

    ServerCodec() {
        HttpDecoderConfig config = new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_HEAD)
                .setMaxHeaderSize(MAX_HEAD)
                .setMaxChunkSize(MAX_PIECE)
                .setValidateHeaders(true);
        init(new StrictChunkDecoder(config, methods::add), new PairedEncoder());
    }

    /** Knows which request each final reply answers, so a HEAD reply is headers only. */
    private final class PairedEncoder extends HttpResponseEncoder {
        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse msg) {
            if (msg.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                return super.isContentAlwaysEmpty(msg);
            }
            HttpMethod method = methods.poll();
            return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(msg);
        }
    }
}
