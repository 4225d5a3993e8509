package dev.salvo.server.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Builds each connection's pipeline, socket side first: the server-wide outbound budget; idle
 * detection; the head deadline's first-byte watch; the HTTP/1.1 codec ({@link ServerCodec}); the
 * head guard; the bodiless fast path; the upload sink; body aggregation up to max-body; the
 * connection handler (behind which a connection's first streamed body adds Netty's chunked
 * writer). A connection over max-connections only gets a 503. Shared by all connections; stateless.
 */
final class HttpPipeline extends ChannelInitializer<SocketChannel> {
    private final ServerRuntime server;

    HttpPipeline(ServerRuntime server) {
        this.server = server;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        server.register(ch);
        if (!server.admit(ch)) {
            ch.pipeline().addLast("codec", new ServerCodec());
            ConnectionHandler.refuseConnection(ch, server);
            return;
        }
        var config = server.config();
        RequestHeadGuard guard = new RequestHeadGuard(config.headTimeout());
        ch.pipeline()
                .addLast("outbound-budget", new OutboundBudget(server.outboundBytes(), config.maxOutbound()))
                .addLast("idle", new IdleStateHandler(config.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS))
                .addLast("head-deadline", guard.firstByteWatch())
                .addLast("codec", new ServerCodec())
                .addLast("head-guard", guard)
                .addLast("bodiless", new BodilessRequestJoiner())
                .addLast("upload", new UploadSink(config.maxUpload()))
                .addLast("aggregator", new BodyLimitAggregator(config.maxBody()))
                .addLast("connection", new ConnectionHandler(server));
    }
}
