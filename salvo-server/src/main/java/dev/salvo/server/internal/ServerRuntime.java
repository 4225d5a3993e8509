package dev.salvo.server.internal;

import dev.salvo.server.ServerConfig;
import dev.salvo.server.internal.http.Router;
import dev.salvo.server.internal.strategy.ServingStrategy;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server: event loops (epoll when available, else NIO), the listening channel, the
 * serving strategy and the route table, plus what every connection shares (request ids, the
 * in-flight count, the access log). Thread-safe; {@link #close()} is idempotent and bounded.
 */
public final class ServerRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRuntime.class);
    private static final Duration QUIET_BEFORE_CLOSE = Duration.ofMillis(100);

    private final ServerConfig config;
    private final ServingStrategy strategy;
    private final Router router;
    /**
     * Null when no access log is configured (checked per request, so no Optional there), and
     * until the start-up warm-up requests are done, so that they are not logged.
     */
    private volatile AccessLog accessLog;
    private final InFlightRequests inFlight = new InFlightRequests();
    private final AtomicLong requestIds = new AtomicLong();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicLong outboundBytes = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ChannelGroup connections = new DefaultChannelGroup("salvo-connections", GlobalEventExecutor.INSTANCE);
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel listener;

    private ServerRuntime(ServerConfig config) {
        this.config = config;
        this.strategy = ServingStrategy.create(config.strategy(), config.threads());
        this.router = RouteTable.build(config);
        HttpPipeline pipeline = new HttpPipeline(this); // before any thread starts: a TLS identity Netty refuses throws here
        boolean epoll = Epoll.isAvailable();
        this.acceptor = eventLoops(epoll, 1, "salvo-accept");
        this.workers = eventLoops(epoll, strategy.eventLoopThreads(config.ioThreads()), "salvo-io");
        ChannelFuture bound = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 16_384)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childHandler(pipeline)
                .bind(new InetSocketAddress(config.host(), config.port()))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdownThreads();
            Throwable cause = bound.cause();
            throw new UncheckedIOException(new IOException("cannot listen on " + config.host() + ":" + config.port()
                    + ": " + cause.getMessage(), cause));
        }
        this.listener = bound.channel();
        StartupWarmUp.run((InetSocketAddress) listener.localAddress(), config.tls());
        this.accessLog = config.accessLog().map(AccessLog::new).orElse(null);
        LOG.debug("listening on {} with strategy {} ({}{})", listener.localAddress(), config.strategy().cliName(),
                epoll ? "epoll" : "nio", config.tls().isPresent() ? ", TLS" : "");
    }

    private static EventLoopGroup eventLoops(boolean epoll, int threads, String name) {
        DefaultThreadFactory factory = new DefaultThreadFactory(name, true);
        return epoll ? new EpollEventLoopGroup(threads, factory) : new NioEventLoopGroup(threads, factory);
    }

    /** Binds and starts serving; throws {@link UncheckedIOException} when the address cannot be bound. */
    public static ServerRuntime start(ServerConfig config) {
        return new ServerRuntime(config);
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Requests read and being served now, on every connection and protocol. */
    public int requestsInFlight() {
        return inFlight.count();
    }

    ServerConfig config() { return config; }
    ServingStrategy strategy() { return strategy; }
    Router router() { return router; }
    /** The access log, or {@code null} when none is configured. */
    AccessLog accessLog() { return accessLog; }
    InFlightRequests inFlight() { return inFlight; }
    long nextRequestId() { return requestIds.incrementAndGet(); }

    void register(Channel connection) {
        connections.add(connection);
    }

    /**
     * Counts a new connection until it closes; false (and counted all the same until its close)
     * when it is one over max-connections.
     */
    boolean admit(Channel connection) {
        int open = openConnections.incrementAndGet();
        connection.closeFuture().addListener(f -> openConnections.decrementAndGet());
        return open <= config.maxConnections();
    }

    /** Open connections, refused ones included until they close. */
    int openConnections() { return openConnections.get(); }

    /** Reply bytes written to all connections and not yet taken by their clients. */
    AtomicLong outboundBytes() { return outboundBytes; }

    /**
     * Stops accepting, lets in-flight requests finish for up to the configured shutdown timeout,
     * then closes every connection and stops all threads.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        listener.close().syncUninterruptibly();
        try {
            // with connections open, requests they sent just before the close may not be read yet:
            // a short quiet period lets them start (and then be waited for)
            Duration quiet = connections.isEmpty() ? Duration.ZERO : QUIET_BEFORE_CLOSE;
            if (!inFlight.awaitIdle(config.shutdownTimeout(), quiet)) {
                LOG.warn("closing with {} requests still in flight after {}", inFlight.count(), config.shutdownTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        shutdownThreads();
    }

    private void shutdownThreads() {
        strategy.close();
        Duration bound = Duration.ofSeconds(2);
        workers.shutdownGracefully(0, bound.toMillis(), TimeUnit.MILLISECONDS);
        acceptor.shutdownGracefully(0, bound.toMillis(), TimeUnit.MILLISECONDS);
        workers.terminationFuture().awaitUninterruptibly(bound.toMillis());
        acceptor.terminationFuture().awaitUninterruptibly(bound.toMillis());
    }
}
