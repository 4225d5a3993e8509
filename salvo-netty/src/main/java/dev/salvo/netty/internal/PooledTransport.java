package dev.salvo.netty.internal;

import dev.salvo.client.Origin;
import dev.salvo.client.PoolStats;
import dev.salvo.client.ClientClosedException;
import dev.salvo.client.Request;
import dev.salvo.client.SalvoIOException;
import dev.salvo.client.spi.Exchange;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty transport's body: one event loop group, one {@link OriginPool} per {@link Origin}
 * (HTTP/1.1 or HTTP/2 as configured), one
 * TLS context built on first https use. Thread-safe.
 */
public final class PooledTransport {
    private static final Logger LOG = LoggerFactory.getLogger(PooledTransport.class);

    private final TransportConfig config;
    private final EventLoops loops;
    private final Bootstrap bootstrap;
    private final ConcurrentHashMap<Origin, OriginPool> pools = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The pool used last: most programs talk to one origin, found here without a lookup. */
    private volatile OriginPool lastPool;
    /** Built on first https use, without and with ALPN; guarded by this. */
    private SslContext tls;
    private SslContext h2Tls;

    public PooledTransport(TransportConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.loops = EventLoops.start(config.eventLoopThreads(), config.preferNative());
        this.bootstrap = new Bootstrap()
                .group(loops.group())
                .channel(loops.channelType())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT);
    }

    /** Sends {@code request}; returns at once, failures travel in the future. */
    public CompletableFuture<Void> execute(Request request, Exchange exchange) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(exchange, "exchange");
        PendingExchange call = new PendingExchange(request, exchange);
        if (closed.get()) {
            call.completeExceptionally(new ClientClosedException("the Netty transport is closed"));
            return call;
        }
        OriginPool pool = lastPool;
        if (pool == null || !pool.origin().equals(request.origin())) {
            pool = poolFor(call, request.origin());
            if (pool == null) {
                return call;
            }
            lastPool = pool;
        }
        pool.acquire(call);
        return call;
    }

    /** The pool for {@code origin}, made on first use; null when that failed (and {@code call} with it). */
    private OriginPool poolFor(PendingExchange call, Origin origin) {
        OriginPool pool = pools.get(origin);
        if (pool == null) {
            try {
                pool = pools.computeIfAbsent(origin, this::newPool);
            } catch (TlsSetupException e) {
                call.completeExceptionally(new SalvoIOException("cannot set up TLS for " + origin + ": " + e.getCause().getMessage(), e.getCause()));
                return null;
            }
            if (closed.get()) {
                pool.close();
            }
        }
        return pool;
    }

    /** A snapshot of every pool, one entry per origin and HTTP version. */
    public List<PoolStats> poolStats() {
        List<PoolStats> stats = new ArrayList<>(pools.size());
        for (OriginPool pool : pools.values()) {
            pool.addStats(stats);
        }
        return List.copyOf(stats);
    }

    /** {@code "epoll"} or {@code "nio"}. */
    public String ioKind() {
        return loops.kind();
    }

    /** Fails queued and in-flight calls, closes every connection, stops the I/O threads. Idempotent. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pools.values().forEach(OriginPool::close);
        boolean ended = loops.shutdown(config.closeTimeout());
        pools.values().forEach(OriginPool::failStragglers);
        if (!ended) {
            LOG.warn("[{}] Netty I/O threads did not end within {} (or close() ran on one of them, which cannot wait for itself)",
                    Thread.currentThread().getName(), config.closeTimeout());
        }
    }

    private OriginPool newPool(Origin origin) {
        Supplier<OriginPool> http1 = () -> new HostPool(origin, config, bootstrap, origin.isSecure() ? tls(false) : null);
        if (!config.http2(origin)) {
            return http1.get();
        }
        return new H2Pool(origin, config, bootstrap, origin.isSecure() ? tls(true) : null, http1);
    }

    /** The TLS context, offering h2 then HTTP/1.1 by ALPN when {@code alpn}. */
    private synchronized SslContext tls(boolean alpn) {
        SslContext context = alpn ? h2Tls : tls;
        if (context == null) {
            try {
                SslContextBuilder builder = SslContextBuilder.forClient()
                        .sslProvider(SslProvider.JDK)
                        .endpointIdentificationAlgorithm("HTTPS");
                config.trustManager().ifPresent(builder::trustManager);
                if (alpn) {
                    builder.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
                }
                context = builder.build();
            } catch (SSLException e) {
                throw new TlsSetupException(e);
            }
            if (alpn) {
                h2Tls = context;
            } else {
                tls = context;
            }
        }
        return context;
    }

    /** Carries a TLS set-up failure out of {@code computeIfAbsent}. */
    private static final class TlsSetupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TlsSetupException(SSLException cause) {
            super(cause);
        }
    }
}
