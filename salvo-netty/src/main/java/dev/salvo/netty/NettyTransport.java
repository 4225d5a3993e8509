package dev.salvo.netty;

import dev.salvo.client.Request;
import dev.salvo.client.spi.Exchange;
import dev.salvo.client.spi.Arguments;
import dev.salvo.client.spi.Transport;
import dev.salvo.netty.internal.PooledTransport;
import dev.salvo.netty.internal.TransportConfig;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.Origin;
import dev.salvo.client.PoolStats;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.X509TrustManager;

/**
 * A {@link Transport} on Netty: HTTP/1.1 over a keep-alive connection pool per scheme, host and
 * port, with https through the JDK's TLS (default trust store, SNI, host name verification); or,
 * when asked ({@link Builder#protocol}), HTTP/2 multiplexing the calls to an origin over as few
 * connections as its SETTINGS_MAX_CONCURRENT_STREAMS allows.
 *
 * <pre>{@code
 * try (Salvo http = Salvo.newBuilder().transport(NettyTransport.create()).maxPerHost(16).build()) { … }
 * }</pre>
 *
 * <p>Salvo closes the transport with itself. Under Salvo the client's limits govern the
 * connections: an HTTP/1.1 connection carries one call at a time, so an origin never has more
 * connections than the client's {@code maxPerHost}; the transport sets no second limit of its own
 * unless {@link Builder#maxConnectionsPerHost} is set (for using it without Salvo).
 *
 * <p>Thread-safe. {@link #close()} fails calls in flight with
 * {@link dev.salvo.client.ClientClosedException} and stops the I/O threads within the close timeout.
 */
public final class NettyTransport implements Transport {
    private final PooledTransport pool;

    private NettyTransport(TransportConfig config) {
        this.pool = new PooledTransport(config);
    }

    /** A transport with the defaults listed on {@link Builder}. */
    public static NettyTransport create() {
        return newBuilder().build();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    @Override
    public CompletableFuture<Void> execute(Request request, Exchange exchange) {
        return pool.execute(request, exchange);
    }

    /**
     * Its connection pools now: one entry per origin and HTTP version, from the first call to an origin on.
     * Connections count in {@code open} from their TLS handshake (HTTP/2: from the server's SETTINGS) until they close.
     */
    @Override
    public List<PoolStats> poolStats() {
        return pool.poolStats();
    }

    /** Which I/O it runs on: {@code "epoll"} or {@code "nio"}. */
    public String ioKind() {
        return pool.ioKind();
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "NettyTransport[" + pool.ioKind() + "]";
    }

    /**
     * Configures a {@link NettyTransport}; not thread-safe. Defaults: one event loop per core, 10 s
     * connect timeout, no connection limit of its own (the client's limits govern), keep-alive on, 60 s idle timeout,
     * native epoll when it loads, 5 s close timeout, the JDK's default trust store.
     */
    public static final class Builder {
        private int eventLoopThreads = Runtime.getRuntime().availableProcessors();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int maxConnectionsPerHost = Integer.MAX_VALUE;
        private boolean keepAlive = true;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private boolean preferNative = true;
        private Duration closeTimeout = Duration.ofSeconds(5);
        private X509TrustManager trustManager;
        private HttpVersion protocol = HttpVersion.HTTP_1_1;
        private final Map<Origin, HttpVersion> protocols = new HashMap<>();
        private Duration pingInterval = Duration.ofSeconds(30);
        private int maxHeaderListBytes = 64 * 1024;

        private Builder() {
        }

        /** I/O threads (at least 1). */
        public Builder eventLoopThreads(int threads) {
            this.eventLoopThreads = Arguments.requirePositive(threads, "eventLoopThreads");
            return this;
        }

        /** How long a TCP connect may take before the call fails with ConnectFailedException. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Arguments.requirePositive(timeout, "connectTimeout");
            return this;
        }

        /**
         * A cap on open connections per origin for using the transport on its own; calls beyond it
         * wait inside the transport for a free one. Not needed under Salvo, whose {@code maxPerHost}
         * already bounds them. Default: none.
         */
        public Builder maxConnectionsPerHost(int max) {
            this.maxConnectionsPerHost = Arguments.requirePositive(max, "maxConnectionsPerHost");
            return this;
        }

        /**
         * Off: every request says {@code Connection: close} and gets a connection of its own. HTTP/1.1
         * only: {@link #build()} refuses it together with {@link HttpVersion#HTTP_2} for any origin,
         * whose connections exist to carry many streams.
         */
        public Builder keepAlive(boolean on) {
            this.keepAlive = on;
            return this;
        }

        /** How long an unused pooled connection stays open. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = Arguments.requirePositive(timeout, "idleTimeout");
            return this;
        }

        /** False forces NIO even where native epoll would load. */
        public Builder preferNative(boolean on) {
            this.preferNative = on;
            return this;
        }

        /** The bound on {@link NettyTransport#close()} waiting for the I/O threads to end. */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = Arguments.requirePositive(timeout, "closeTimeout");
            return this;
        }

        /** Trusts the servers this trust manager accepts instead of the JDK's default trust store. */
        public Builder trustManager(X509TrustManager trustManager) {
            this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
            return this;
        }

        /**
         * The protocol for every origin without one of its own. Default: HTTP/1.1.
         *
         * <ul>
         *   <li>{@link HttpVersion#HTTP_1_1}: a keep-alive pool, one call per connection.
         *   <li>{@link HttpVersion#HTTP_2}: many calls multiplexed as streams over few connections:
         *       for {@code http://} h2c with prior knowledge (the server must speak it), for
         *       {@code https://} h2 offered by ALPN, falling back to HTTP/1.1 for an origin whose
         *       server does not choose it.
         * </ul>
         */
        public Builder protocol(HttpVersion protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /** The protocol for {@code origin} alone, overriding {@link #protocol(HttpVersion)}. */
        public Builder protocol(Origin origin, HttpVersion protocol) {
            protocols.put(Objects.requireNonNull(origin, "origin"), Objects.requireNonNull(protocol, "protocol"));
            return this;
        }

        /**
         * HTTP/2: after this long without a byte from the server the transport sends a PING; a
         * connection that then stays silent as long again is dead, and its streams fail with
         * {@link dev.salvo.client.ConnectionClosedException}. Default 30 s.
         */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = Arguments.requirePositive(interval, "pingInterval");
            return this;
        }

        /**
         * HTTP/2: the largest response header list accepted (SETTINGS_MAX_HEADER_LIST_SIZE, counted
         * as RFC 9113 does); a larger one fails the call with
         * {@link dev.salvo.client.MalformedResponseException}. Default 64 KiB.
         */
        public Builder maxHeaderListBytes(int bytes) {
            this.maxHeaderListBytes = Arguments.requirePositive(bytes, "maxHeaderListBytes");
            return this;
        }

        /** A new transport; it owns its I/O threads until {@link NettyTransport#close()}. */
        public NettyTransport build() {
            if (!keepAlive && (protocol == HttpVersion.HTTP_2 || protocols.containsValue(HttpVersion.HTTP_2))) {
                throw new IllegalArgumentException("keepAlive(false) is HTTP/1.1's (a connection per request); "
                        + "HTTP/2 multiplexes requests as streams on long-lived connections: drop one of the two");
            }
            return new NettyTransport(new TransportConfig(eventLoopThreads, connectTimeout, maxConnectionsPerHost,
                    keepAlive, idleTimeout, preferNative, closeTimeout,
                    Optional.ofNullable(trustManager), protocol, Map.copyOf(protocols), pingInterval,
                    maxHeaderListBytes));
        }
    }
}
