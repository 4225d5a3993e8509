package dev.salvo.server.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds each connection's pipeline, socket side first: the server-wide outbound budget; idle
 * detection; on a cleartext port the {@link PrefaceSniffer}, which leaves the HTTP/1.1 handlers
 * behind it in place or swaps them for HTTP/2 ({@link Http2Setup}) by the connection's first
 * bytes; on a TLS port the TLS handler, after whose handshake ALPN's choice installs the HTTP/2 or
 * the HTTP/1.1 handlers ({@link TlsSetup}). The HTTP/1.1
 * handlers: the head deadline's first-byte watch; the codec ({@link ServerCodec}); the head guard;
 * the bodiless fast path; the upload sink; body aggregation up to max-body; the connection handler
 * (behind which a connection's first streamed body adds Netty's chunked writer). A connection over
 * max-connections only gets a 503 (on a TLS port: is closed at once). Shared by all connections; stateless.
 */
final class HttpPipeline extends ChannelInitializer<SocketChannel> {
    static final String HEAD_DEADLINE = "head-deadline";
    static final String CODEC = "codec";
    static final String HEAD_GUARD = "head-guard";
    static final String BODILESS = "bodiless";
    static final String UPLOAD = "upload";
    static final String AGGREGATOR = "aggregator";
    static final String CONNECTION = "connection";
    private static final Logger LOG = LoggerFactory.getLogger(HttpPipeline.class);
    private static final List<String> HTTP1 = List.of(HEAD_DEADLINE, CODEC, HEAD_GUARD, BODILESS, UPLOAD, AGGREGATOR, CONNECTION);

    private final ServerRuntime server;
    private final Http2Setup http2;
    private final H2cUpgrade h2c;
    /** Null on a cleartext port. */
    private final TlsSetup tls;

    HttpPipeline(ServerRuntime server) {
        this.server = server;
        this.http2 = new Http2Setup(server);
        this.h2c = new H2cUpgrade(http2, server.config().maxBody());
        this.tls = server.config().tls().map(identity -> new TlsSetup(identity, server.config().headTimeout())).orElse(null);
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        server.register(ch);
        if (!server.admit(ch)) {
            if (tls != null) { // a 503 in cleartext would mean nothing to a TLS client
                LOG.debug("closing TLS connection {}: {} open, the limit is {}", ch, server.openConnections(),
                        server.config().maxConnections());
                ch.close();
                return;
            }
            ch.pipeline().addLast(CODEC, new ServerCodec());
            ConnectionHandler.refuseConnection(ch, server);
            return;
        }
        var config = server.config();
        ch.pipeline()
                .addLast("outbound-budget", new OutboundBudget(server.outboundBytes(), config.maxOutbound()))
                .addLast("idle", new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        if (tls != null) {
            tls.addTo(ch.pipeline(), this, http2);
            return;
        }
        ch.pipeline().addLast("preface-sniffer", new PrefaceSniffer(http2));
        addHttp1(ch.pipeline());
    }

    /** Adds the HTTP/1.1 handlers at the end of a connection's pipeline. */
    void addHttp1(ChannelPipeline pipeline) {
        var config = server.config();
        RequestHeadGuard guard = new RequestHeadGuard(config.headTimeout());
        pipeline.addLast(HEAD_DEADLINE, guard.firstByteWatch())
                .addLast(CODEC, new ServerCodec())
                .addLast(HEAD_GUARD, guard)
                .addLast(BODILESS, new BodilessRequestJoiner())
                .addLast(UPLOAD, new UploadSink(config.maxUpload()))
                .addLast(AGGREGATOR, new BodyLimitAggregator(config.maxBody()))
                .addLast(CONNECTION, new ConnectionHandler(server, tls == null ? h2c : null)); // h2c is cleartext only
    }

    /** Takes the HTTP/1.1 handlers off a connection's pipeline. */
    static void removeHttp1(ChannelPipeline pipeline) {
        for (String name : HTTP1) {
            if (pipeline.get(name) != null) {
                pipeline.remove(name);
            }
        }
    }
}
