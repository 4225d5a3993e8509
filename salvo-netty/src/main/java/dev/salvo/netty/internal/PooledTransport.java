package dev.salvo.netty.internal;

import dev.salvo.client.Origin;
import dev.salvo.client.ClientClosedException;
import dev.salvo.client.Request;
import dev.salvo.client.SalvoIOException;
import dev.salvo.client.spi.Exchange;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty transport's body: one event loop group, one {@link HostPool} per {@link Origin}, one
 * TLS context built on first https use. Thread-safe.
 */
public final class PooledTransport {
    private static final Logger LOG = LoggerFactory.getLogger(PooledTransport.class);

    private final TransportConfig config;
    private final EventLoops loops;
    private final Bootstrap bootstrap;
    private final ConcurrentHashMap<Origin, HostPool> pools = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The pool used last: most programs talk to one origin, found here without a lookup. */
    private volatile HostPool lastPool;
    /** Built on first https use; guarded by this. */
    private SslContext tls;

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
        HostPool pool = lastPool;
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
    private HostPool poolFor(PendingExchange call, Origin origin) {
        HostPool pool = pools.get(origin);
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

    /** {@code "epoll"} or {@code "nio"}. */
    public String ioKind() {
        return loops.kind();
    }

    /** Fails queued and in-flight calls, closes every connection, stops the I/O threads. Idempotent. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pools.values().forEach(HostPool::close);
        boolean ended = loops.shutdown(config.closeTimeout());
        pools.values().forEach(HostPool::failStragglers);
        if (!ended) {
            LOG.warn("[{}] Netty I/O threads did not end within {} (or close() ran on one of them, which cannot wait for itself)",
                    Thread.currentThread().getName(), config.closeTimeout());
        }
    }

    private HostPool newPool(Origin origin) {
        return new HostPool(origin, config, bootstrap, origin.isSecure() ? tls() : null);
    }

    private synchronized SslContext tls() {
        if (tls == null) {
            try {
                SslContextBuilder builder = SslContextBuilder.forClient()
                        .sslProvider(SslProvider.JDK)
                        .endpointIdentificationAlgorithm("HTTPS");
                config.trustManager().ifPresent(builder::trustManager);
                tls = builder.build();
            } catch (SSLException e) {
                throw new TlsSetupException(e);
            }
        }
        return tls;
    }

    /** Carries a TLS set-up failure out of {@code computeIfAbsent}. */
    private static final class TlsSetupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TlsSetupException(SSLException cause) {
            super(cause);
        }
    }
}
