package dev.salvo.netty.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;

/**
 * The settings of one Netty transport, checked by {@code NettyTransport.Builder}.
 *
 * @param trustManager the servers to trust for https; empty means the JDK's default trust store
 */
public record TransportConfig(int eventLoopThreads, Duration connectTimeout, int maxConnectionsPerHost,
                              boolean keepAlive, Duration idleTimeout,
                              boolean preferNative, Duration closeTimeout,
                              Optional<X509TrustManager> trustManager) {
    public TransportConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        Objects.requireNonNull(trustManager, "trustManager");
    }
}
