package dev.salvo.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.SslContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/2 client on Netty's codec for the server's tests: one connection (h2c with prior
 * knowledge, or h2 over TLS when given an SSL context), a stream per request. Closing it closes the
 * connection and its event loop.
 */
final class H2TestClient implements AutoCloseable {
    /** A reply: status, lower-case headers (first values), body. */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel connection;
    private final String authority;

    private H2TestClient(String host, int port, SslContext ssl) {
        this.authority = host + ":" + port;
        this.connection = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), host, port));
                        }
                        ch.pipeline().addLast(Http2FrameCodecBuilder.forClient()
                                        .initialSettings(Http2Settings.defaultSettings()).build(),
                                new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
                    }
                })
                .connect(host, port).syncUninterruptibly().channel();
    }

    static H2TestClient priorKnowledge(SalvoServer server) {
        return new H2TestClient("127.0.0.1", server.port(), null);
    }

    static H2TestClient tls(SalvoServer server, SslContext ssl) {
        return new H2TestClient("127.0.0.1", server.port(), ssl);
    }

    Channel connection() {
        return connection;
    }

    Reply get(String path) {
        return send(HttpMethod.GET, path, null, Map.of());
    }

    Reply send(HttpMethod method, String path, byte[] body, Map<String, String> headers) {
        return sendAsync(method, path, body, headers).orTimeout(30, TimeUnit.SECONDS).join();
    }

    CompletableFuture<Reply> sendAsync(HttpMethod method, String path, byte[] body, Map<String, String> headers) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path, content);
        req.headers().set(HttpHeaderNames.HOST, authority);
        headers.forEach(req.headers()::set);
        if (body != null) {
            req.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        new Http2StreamChannelBootstrap(connection).handler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel ch) {
                ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(false),
                        new HttpObjectAggregator(64 << 20),
                        new SimpleChannelInboundHandler<FullHttpResponse>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse res) {
                                Map<String, String> h = new java.util.TreeMap<>();
                                res.headers().forEach(e -> h.putIfAbsent(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
                                byte[] bytes = new byte[res.content().readableBytes()];
                                res.content().readBytes(bytes);
                                reply.complete(new Reply(res.status().code(), h, bytes));
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                reply.completeExceptionally(new java.io.IOException("stream closed before a reply"));
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                reply.completeExceptionally(cause);
                                ctx.close();
                            }
                        });
            }
        }).open().addListener(f -> {
            if (f.isSuccess()) {
                ((Http2StreamChannel) f.getNow()).writeAndFlush(req);
            } else {
                req.release();
                reply.completeExceptionally(f.cause());
            }
        });
        return reply;
    }

    @Override
    public void close() {
        connection.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
