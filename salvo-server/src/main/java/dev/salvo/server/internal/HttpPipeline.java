package dev.salvo.server.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Builds each connection's pipeline: idle detection, HTTP/1.1 codec with 16 KiB limits on the
 * request line and on the headers, body aggregation up to max-body, then the connection handler.
 * Shared by all connections; stateless.
 */
final class HttpPipeline extends ChannelInitializer<SocketChannel> {
    /** Limit on the request line and, separately, on all header lines together. */
    static final int MAX_HEAD = 16 * 1024;

    private final ServerRuntime server;

    HttpPipeline(ServerRuntime server) {
        this.server = server;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        server.register(ch);
        ch.pipeline()
                .addLast("idle", new IdleStateHandler(server.config().idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS))
                .addLast("codec", new HttpServerCodec(MAX_HEAD, MAX_HEAD, 64 * 1024))
                .addLast("bodiless", new BodilessRequestJoiner())
                .addLast("aggregator", new BodyLimitAggregator(server.config().maxBody()))
                .addLast("connection", new ConnectionHandler(server));
    }
}
