package dev.salvo.netty.internal;

import dev.salvo.client.Origin;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.NetUtil;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

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

    /**
     * A TLS handler for the origin that always sends SNI for a host name: the JDK itself leaves
     * it out for names without a dot, such as {@code localhost}.
     */
    static SslHandler tlsHandler(SslContext tls, Channel channel, Origin origin) {
        String host = origin.host();
        SslHandler handler = tls.newHandler(channel.alloc(), host, origin.port());
        if (!NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)) {
            try {
                SNIHostName serverName = new SNIHostName(host);
                SSLEngine engine = handler.engine();
                SSLParameters parameters = engine.getSSLParameters();
                parameters.setServerNames(List.of(serverName));
                engine.setSSLParameters(parameters);
            } catch (IllegalArgumentException notAnSniName) {
                // e.g. a name with '_': SNI cannot carry it, so the handshake goes without
            }
        }
        return handler;
    }

    @Override
    protected void initChannel(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (tls != null) {
            pipeline.addLast("tls", tlsHandler(tls, channel, pool.origin()));
        }
        // reader idleness only: watching writes too would cost a promise and a listener per request
        pipeline.addLast("idle", new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        ResponseDecoder decoder = new ResponseDecoder();
        pipeline.addLast("decoder", decoder);
        pipeline.addLast("exchange", new ResponseHandler(pool, decoder, config));
    }
}
