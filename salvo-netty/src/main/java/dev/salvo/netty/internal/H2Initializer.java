package dev.salvo.netty.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Builds the pipeline of each new HTTP/2 connection: [TLS → ALPN] → PING timer → Netty's frame
 * codec → stream multiplexer → {@link H2Connection}. For h2c the codec starts at once (prior
 * knowledge); over TLS once ALPN chose h2; when the server chose HTTP/1.1 instead, the pool
 * falls back to HTTP/1.1 for the origin.
 */
final class H2Initializer extends ChannelInitializer<Channel> {
    /** Each stream may have this much of its response unread before the server must wait. */
    private static final int STREAM_WINDOW = 256 * 1024;

    private final H2Pool pool;
    private final TransportConfig config;
    /** Null for h2c. */
    private final SslContext tls;

    H2Initializer(H2Pool pool, TransportConfig config, SslContext tls) {
        this.pool = pool;
        this.config = config;
        this.tls = tls;
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("connection", new H2Connection(pool, config));
        if (tls == null) {
            addHttp2(pipeline);
            return;
        }
        pipeline.addFirst("tls", ConnectionInitializer.tlsHandler(tls, channel, pool.origin()));
        pipeline.addBefore("connection", "alpn", new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
            @Override
            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                    addHttp2(ctx.pipeline());
                } else {
                    pool.fallBackToHttp1();
                    ctx.close();
                }
            }
        });
    }

    private void addHttp2(ChannelPipeline pipeline) {
        Http2Settings settings = Http2Settings.defaultSettings()
                .pushEnabled(false)
                .initialWindowSize(STREAM_WINDOW)
                .maxHeaderListSize(config.maxHeaderListBytes());
        pipeline.addBefore("connection", "ping", new IdleStateHandler(config.pingInterval().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        Http2FrameCodec codec = Http2FrameCodecBuilder.forClient()
                .initialSettings(settings)
                .encoderEnforceMaxConcurrentStreams(true)
                .gracefulShutdownTimeoutMillis(0)
                .build();
        pipeline.get(H2Connection.class).watch(codec.connection());
        pipeline.addBefore("connection", "codec", codec);
        pipeline.addBefore("connection", "multiplex", new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
    }
}
