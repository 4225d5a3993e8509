package dev.salvo.server.internal.fault;

import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.ParamParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.SslHandler;
import java.util.List;

/**
 * The faults that break the connection or, on HTTP/2, the stream, below HTTP: raw garbage, a close
 * with no answer, a reset. Each goes to the socket from the first handler of the connection's
 * pipeline, past the HTTP/1.1 encoder or the HTTP/2 frame codec (which would otherwise frame the
 * bytes, or answer a close with a polite GOAWAY and wait for the streams to finish), so an h2
 * client sees what an HTTP/1.1 client sees: a connection that broke. Stateless; runs on the
 * exchange's event loop.
 */
final class ConnectionFaults {
    private static final String GARBAGE = "GARBAGE 999 \u0001\u0002 not http\r\n\r\n";

    private ConnectionFaults() {
    }

    /** Garbage instead of a status line (on h2: instead of a frame, so the whole connection is broken), then close. */
    static void garbage(Exchange ex) {
        ChannelHandlerContext socket = socket(ex);
        ByteBuf bytes = ByteBufUtil.writeAscii(ex.alloc(), GARBAGE);
        int n = bytes.readableBytes();
        ChannelFuture written = socket.writeAndFlush(bytes);
        written.addListener(f -> socket.close());
        ex.endUnanswered(n, written);
    }

    /** Closes the connection at once with no answer (on h2: no GOAWAY either; every stream on it is cut). */
    static void close(Exchange ex) {
        ex.endUnanswered(0, socket(ex).close());
    }

    /**
     * On HTTP/2, resets only this stream ({@code RST_STREAM} with {@code ?code=}, default
     * {@code INTERNAL_ERROR}); the connection and its other streams go on. On HTTP/1.1, resets the
     * connection (TCP RST: {@code SO_LINGER} 0, then close).
     */
    static void reset(Exchange ex) {
        long code = ex.param("code").map(c -> ParamParser.integer(c, "HTTP/2 error code", 0, Http2Error.HTTP_1_1_REQUIRED.code()))
                .orElse(Http2Error.INTERNAL_ERROR.code());
        Channel channel = ex.channel();
        if (channel instanceof Http2StreamChannel stream) {
            ChannelFuture reset = stream.writeAndFlush(new DefaultHttp2ResetFrame(code));
            ex.endUnanswered(0, reset);
            return;
        }
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
        ex.endUnanswered(0, socket(ex).close());
    }

    /**
     * Where the connection's bytes go out unframed: its first handler (what is written there goes
     * straight to the socket), or on TLS the one after the TLS handler, so the garbage is encrypted
     * like any other byte and breaks the protocol above TLS, not TLS itself.
     */
    private static ChannelHandlerContext socket(Exchange ex) {
        Channel channel = ex.channel();
        ChannelPipeline pipeline = (channel instanceof Http2StreamChannel ? channel.parent() : channel).pipeline();
        ChannelHandlerContext tls = pipeline.context(SslHandler.class);
        if (tls == null) {
            return pipeline.firstContext();
        }
        List<String> names = pipeline.names();
        return pipeline.context(names.get(names.indexOf(tls.name()) + 1));
    }
}
