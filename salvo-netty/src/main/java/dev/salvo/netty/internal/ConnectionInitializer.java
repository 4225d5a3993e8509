package dev.salvo.netty.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Builds the pipeline of each new connection once; every exchange on that connection reuses it:
 * [TLS] → idle timer → response decoder → {@link ResponseHandler}. Requests are written as ready
 * bytes, so there is no encoder. Shared by all connections of one {@link HostPool}.
 */
final class ConnectionInitializer extends ChannelInitializer<Channel> {
    private final HostPool pool;
    private final TransportConfig config;
    /** Null for plain http. */
    private final SslContext tls;

    ConnectionInitializer(HostPool pool, TransportConfig config, SslContext tls) {
        this.pool = pool;
        this.config = config;
        this.tls = tls;
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (tls != null) {
            Origin origin = pool.origin();
            pipeline.addLast("tls", tls.newHandler(channel.alloc(), origin.connectHost(), origin.port()));
        }
        pipeline.addLast("idle", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        ResponseDecoder decoder = new ResponseDecoder();
        pipeline.addLast("decoder", decoder);
        pipeline.addLast("exchange", new ResponseHandler(pool, decoder, config));
    }
}
