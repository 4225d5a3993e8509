package dev.salvo.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.DefaultHttp2SettingsFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;

/**
 * A controllable HTTP/2 server on Netty's codec, on 127.0.0.1: h2c with prior knowledge, or h2 over
 * TLS by ALPN. Counts connections, streams at once and resets. Endpoints: {@code /get} (the path
 * back), {@code /echo} (the request body back), {@code /bytes/N}, {@code /delay/MS}, {@code /stall}
 * (never answers), {@code /reset} (RST_STREAM), {@code /trailers}, {@code /big-header/N},
 * {@code /goaway} (held until {@link #goAwayAfter} of them arrived on the first connection, which
 * then gets GOAWAY naming the lowest as last processed, answered; the rest never are).
 */
final class H2Server implements AutoCloseable {
    private final NioEventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel listener;
    private final boolean secure;
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger maxActive = new AtomicInteger();
    final AtomicInteger stalled = new AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();
    final List<Channel> parents = new CopyOnWriteArrayList<>();
    private final List<Http2StreamChannel> goAwayHeld = new CopyOnWriteArrayList<>();
    private final AtomicBoolean goAwaySent = new AtomicBoolean();
    volatile int goAwayAfter = 3;

    /** h2c with prior knowledge, announcing {@code maxStreams}. */
    H2Server(long maxStreams) {
        this(maxStreams, null);
    }

    /** Over TLS (h2 by ALPN) when {@code keys} is given. */
    H2Server(long maxStreams, KeyManagerFactory keys) {
        this.secure = keys != null;
        SslContext tls = keys == null ? null : tls(keys);
        listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        connections.incrementAndGet();
                        parents.add(channel);
                        if (tls == null) {
                            addHttp2(channel.pipeline(), maxStreams);
                            return;
                        }
                        channel.pipeline().addLast(tls.newHandler(channel.alloc()));
                        channel.pipeline().addLast(new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
                            @Override
                            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                                addHttp2(ctx.pipeline(), maxStreams);
                            }
                        });
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).syncUninterruptibly().channel();
    }

    private static SslContext tls(KeyManagerFactory keys) {
        try {
            return SslContextBuilder.forServer(keys).sslProvider(SslProvider.JDK)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_2))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void addHttp2(ChannelPipeline pipeline, long maxStreams) {
        pipeline.addLast(Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings().maxConcurrentStreams(maxStreams)).build());
        pipeline.addLast(new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                stream.pipeline().addLast(new StreamHandler());
            }
        }));
    }

    String url(String path) {
        return (secure ? "https://localhost:" : "http://127.0.0.1:") + ((InetSocketAddress) listener.localAddress()).getPort() + path;
    }

    /** Sends SETTINGS_MAX_CONCURRENT_STREAMS = {@code max} on every open connection. */
    void lowerMaxStreams(long max) {
        parents.forEach(p -> p.writeAndFlush(new DefaultHttp2SettingsFrame(new Http2Settings().maxConcurrentStreams(max))));
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class StreamHandler extends ChannelInboundHandlerAdapter {
        private Http2Headers request;
        private ByteBuf body = Unpooled.buffer();
        private boolean counted;
        private boolean reset;
        /** Whether a response (or a reset of its own) went out. */
        private boolean responded;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                if (message instanceof Http2HeadersFrame headers) {
                    request = headers.headers();
                    counted = true;
                    maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
                    if (headers.isEndStream()) {
                        respond(ctx);
                    }
                } else if (message instanceof Http2DataFrame data) {
                    body.writeBytes(data.content());
                    if (data.isEndStream()) {
                        respond(ctx);
                    }
                } else if (message instanceof Http2ResetFrame) {
                    reset = true;
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            body.release();
            if (reset || counted && !responded) {
                resets.incrementAndGet();
            }
            if (counted) {
                active.decrementAndGet();
            }
        }

        private void respond(ChannelHandlerContext ctx) {
            responded = true;
            String path = request.path().toString();
            String[] parts = path.split("[/?]");
            String name = parts.length > 1 ? parts[1] : "";
            switch (name) {
                case "echo" -> send(ctx, new DefaultHttp2Headers().status("200"), body.retainedDuplicate());
                case "bytes" -> send(ctx, new DefaultHttp2Headers().status("200"),
                        Unpooled.wrappedBuffer(new byte[Integer.parseInt(parts[2])]));
                case "delay" -> ctx.executor().schedule(() -> send(ctx, new DefaultHttp2Headers().status("200"), text("delayed")),
                        Long.parseLong(parts[2]), TimeUnit.MILLISECONDS);
                case "stall" -> {
                    responded = false;
                    stalled.incrementAndGet();
                }
                case "reset" -> ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.INTERNAL_ERROR));
                case "trailers" -> {
                    ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")));
                    ctx.write(new DefaultHttp2DataFrame(text("body")));
                    ctx.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().add("x-checksum", "abc"), true));
                }
                case "big-header" -> send(ctx, new DefaultHttp2Headers().status("200")
                        .add("x-big", "b".repeat(Integer.parseInt(parts[2]))), text("big"));
                case "goaway" -> goAway(ctx);
                default -> send(ctx, new DefaultHttp2Headers().status("200").add("x-protocol", "h2"), text("path=" + path));
            }
        }

        private void goAway(ChannelHandlerContext ctx) {
            if (goAwaySent.get()) {
                send(ctx, new DefaultHttp2Headers().status("200"), text("after goaway"));
                return;
            }
            responded = false;
            goAwayHeld.add((Http2StreamChannel) ctx.channel());
            if (goAwayHeld.size() < goAwayAfter || !goAwaySent.compareAndSet(false, true)) {
                return;
            }
            Http2StreamChannel lowest = goAwayHeld.stream().min((a, b) -> a.stream().id() - b.stream().id()).orElseThrow();
            Channel parent = ctx.channel().parent();
            Http2FrameCodec codec = parent.pipeline().get(Http2FrameCodec.class);
            codec.goAway(parent.pipeline().context(codec), lowest.stream().id(), Http2Error.NO_ERROR.code(),
                    Unpooled.EMPTY_BUFFER, parent.newPromise());
            parent.flush();
            lowest.eventLoop().execute(() -> {
                lowest.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")));
                lowest.writeAndFlush(new DefaultHttp2DataFrame(text("before goaway"), true));
            });
        }

        private void send(ChannelHandlerContext ctx, Http2Headers headers, ByteBuf content) {
            ctx.write(new DefaultHttp2HeadersFrame(headers));
            ctx.writeAndFlush(new DefaultHttp2DataFrame(content, true));
        }

        private ByteBuf text(String s) {
            return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
        }
    }
}
