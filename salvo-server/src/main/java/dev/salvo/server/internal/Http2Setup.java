package dev.salvo.server.internal;

import dev.salvo.server.ServerConfig;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;

/**
 * The HTTP/2 side of a connection: Netty's frame codec (with the server's limits as its SETTINGS
 * and its reset-rate cap), the multiplexer that gives each stream a child channel, and the guard
 * for the connection's idle timeout. Each stream's child pipeline converts frames to HTTP objects
 * and then runs the same handlers an HTTP/1.1 connection runs from the bodiless fast path on, so
 * every endpoint and strategy serves h2 as it serves HTTP/1.1. Between the codec and the
 * multiplexer, each stream's flow-control grants are counted for the write timeout
 * ({@link Http2WindowGrants}). Stateless; shared by the server.
 */
final class Http2Setup {
    private final ServerRuntime server;
    private final ChannelHandler streamInitializer;

    Http2Setup(ServerRuntime server) {
        this.server = server;
        this.streamInitializer = new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                ServerConfig config = server.config();
                stream.pipeline()
                        .addLast("h2-codec", new Http2StreamFrameToHttpObjectCodec(true))
                        .addLast("h2-request", new Http2RequestCleaner())
                        .addLast(HttpPipeline.BODILESS, new BodilessRequestJoiner())
                        .addLast(HttpPipeline.UPLOAD, new UploadSink(config.maxUpload()))
                        .addLast(HttpPipeline.AGGREGATOR, new BodyLimitAggregator(config.maxBody()))
                        .addLast(HttpPipeline.CONNECTION, new ConnectionHandler(server, null));
            }
        };
    }

    /** Adds the HTTP/2 handlers at the end of a connection's pipeline. */
    void addTo(ChannelPipeline pipeline) {
        Http2FrameCodec codec = frameCodec();
        pipeline.addLast("h2-frames", codec)
                .addLast("h2-windows", new Http2WindowGrants(codec.connection()))
                .addLast("h2-streams", new Http2MultiplexHandler(streamInitializer))
                .addLast("h2-connection", new Http2ConnectionGuard());
    }

    /** What Netty's upgrade handler installs for {@code Upgrade: h2c}: the same HTTP/2 handlers. */
    Http2ServerUpgradeCodec upgradeCodec() {
        Http2FrameCodec codec = frameCodec();
        return new Http2ServerUpgradeCodec(codec, new Http2WindowGrants(codec.connection()),
                new Http2MultiplexHandler(streamInitializer), new Http2ConnectionGuard());
    }

    /** Takes the HTTP/1.1 handlers off a connection that turned out to speak HTTP/2, and adds the HTTP/2 ones. */
    void replaceHttp1(ChannelPipeline pipeline) {
        HttpPipeline.removeHttp1(pipeline);
        addTo(pipeline);
    }

    private Http2FrameCodec frameCodec() {
        ServerConfig config = server.config();
        Http2Settings settings = Http2Settings.defaultSettings()
                .maxConcurrentStreams(config.maxConcurrentStreams())
                .maxHeaderListSize(ServerCodec.MAX_HEAD);
        return Http2FrameCodecBuilder.forServer()
                .initialSettings(settings)
                .decoderEnforceMaxRstFramesPerWindow(config.maxResetsPerSecond(), 1)
                .validateHeaders(true)
                .build();
    }
}
