package dev.salvo.netty.internal;

import dev.salvo.client.Origin;
import dev.salvo.client.HttpVersion;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;

/**
 * The settings of one Netty transport, checked by {@code NettyTransport.Builder}.
 *
 * @param trustManager the servers to trust for https; empty means the JDK's default trust store
 * @param protocol the protocol for origins not in {@code protocols}
 * @param pingInterval HTTP/2: silence after which a PING goes out, and after which, unanswered, the connection is dead
 * @param maxHeaderListBytes HTTP/2: the largest response header list accepted
 */
public record TransportConfig(int eventLoopThreads, Duration connectTimeout, int maxConnectionsPerHost,
                              boolean keepAlive, Duration idleTimeout,
                              boolean preferNative, Duration closeTimeout,
                              Optional<X509TrustManager> trustManager,
                              HttpVersion protocol, Map<Origin, HttpVersion> protocols,
                              Duration pingInterval, int maxHeaderListBytes) {
    public TransportConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        Objects.requireNonNull(trustManager, "trustManager");
        Objects.requireNonNull(protocol, "protocol");
        protocols = Map.copyOf(protocols);
        Objects.requireNonNull(pingInterval, "pingInterval");
    }

    /** Whether calls to {@code origin} go over HTTP/2 (for https: offered by ALPN). */
    boolean http2(Origin origin) {
        return protocols.getOrDefault(origin, protocol) == HttpVersion.HTTP_2;
    }
}
