package dev.salvo.cli.common;

import dev.salvo.client.EventListener;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.Salvo;
import dev.salvo.client.Transports;
import dev.salvo.client.spi.Transport;
import dev.salvo.netty.NettyTransport;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine.Option;

/**
 * The {@code --transport} flag and the clients commands build with it. The JDK transport is
 * the library's dependency-free default; the CLI defaults to the faster Netty one.
 */
public final class TransportOptions {
    /** The transports a command can run on. */
    public enum Kind {
        /** Salvo's Netty transport: keep-alive pool, one connection per call in flight. */
        netty {
            @Override
            Transport create(int connections, Connection connection, boolean http2) {
                if (connection.proxy().isPresent()) {
                    throw new BadInputException("--proxy works with --transport jdk only (the Netty transport has no proxy support)");
                }
                NettyTransport.Builder builder = NettyTransport.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                        .maxConnectionsPerHost(connections).closeTimeout(IO_CLOSE_TIMEOUT)
                        .protocol(http2 ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1);
                connection.trust().ifPresent(builder::trustManager);
                return builder.build();
            }
        },
        /** The JDK's {@code HttpClient}. */
        jdk {
            @Override
            Transport create(int connections, Connection connection, boolean http2) {
                HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                        .version(http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
                connection.proxy().ifPresent(proxy -> builder.proxy(ProxySelector.of(proxy)));
                connection.trust().ifPresent(trust -> builder.sslContext(sslContext(trust)));
                return Transports.jdk(builder);
            }
        };

        abstract Transport create(int connections, Connection connection, boolean http2);
    }

    /**
     * How connections are made: the certificates trusted (empty: the JDK's trust store) and an
     * HTTP proxy (empty: direct).
     *
     * @param trust the trust manager for TLS, or empty for the JDK's default
     * @param proxy the proxy to send every request through, or empty
     */
    public record Connection(Optional<X509TrustManager> trust, Optional<InetSocketAddress> proxy) {
        /** Direct connections, the JDK's trust store. */
        public static final Connection DEFAULT = new Connection(Optional.empty(), Optional.empty());

        public Connection {
            Objects.requireNonNull(trust, "trust");
            Objects.requireNonNull(proxy, "proxy");
        }
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long closing lets calls in flight finish: short, so Ctrl-C is quick. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);
    /** How long closing Netty waits for its I/O threads; thousands of connections take a moment. */
    private static final Duration IO_CLOSE_TIMEOUT = Duration.ofSeconds(3);

    @Option(names = "--transport", paramLabel = "KIND",
            description = "HTTP transport: ${COMPLETION-CANDIDATES} (default: netty; jdk with --proxy).")
    Kind kind;

    @Option(names = "--http2", description = {"Speak HTTP/2: h2c with prior knowledge for http:// (the server must",
            "speak it), h2 by ALPN for https:// (HTTP/1.1 when the server declines). Default: HTTP/1.1."})
    boolean http2;

    /** A new session with at most {@code maxInFlight} calls at once (to any one host, too). */
    public HttpSession open(int maxInFlight, EventListener listener) {
        return open(builder -> { }, maxInFlight, Connection.DEFAULT, listener);
    }

    /** As {@link #open(int, EventListener)}, running chained stages and callbacks on {@code callbacks}. */
    public HttpSession open(int maxInFlight, EventListener listener, Executor callbacks) {
        return open(builder -> builder.callbackExecutor(callbacks), maxInFlight, Connection.DEFAULT, listener);
    }

    /**
     * A new session with at most {@code maxInFlight} calls at once, connecting as {@code connection}
     * says; {@code settings} then adjusts the client (a lower per-host limit, retries, …).
     */
    public HttpSession open(Consumer<Salvo.Builder> settings, int maxInFlight, Connection connection,
                            EventListener listener) {
        Transport transport = kind(connection).create(maxInFlight, connection, http2);
        Salvo.Builder builder = Salvo.newBuilder()
                .transport(transport)
                .maxInFlight(maxInFlight)
                .maxPerHost(maxInFlight)
                .closeTimeout(CLOSE_TIMEOUT)
                .eventListener(listener);
        settings.accept(builder);
        return new HttpSession(builder.build(), transport);
    }

    /** A new transport of this kind for up to {@code connections} calls at once, owned by the caller. */
    public Transport newTransport(int connections) {
        return kind(Connection.DEFAULT).create(connections, Connection.DEFAULT, http2);
    }

    private Kind kind(Connection connection) {
        return kind != null ? kind : connection.proxy().isPresent() ? Kind.jdk : Kind.netty;
    }

    private static SSLContext sslContext(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
    }
}
