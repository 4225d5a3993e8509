package dev.salvo.benchmarks.peers;

import dev.salvo.benchmarks.peers.adapters.ApacheAsyncPeer;
import dev.salvo.benchmarks.peers.adapters.AsyncHttpClientPeer;
import dev.salvo.benchmarks.peers.adapters.JdkHttpClientPeer;
import dev.salvo.benchmarks.peers.adapters.JettyPeer;
import dev.salvo.benchmarks.peers.adapters.OkHttpPeer;
import dev.salvo.benchmarks.peers.adapters.SalvoPeer;
import dev.salvo.benchmarks.peers.adapters.TransportPeer;
import dev.salvo.benchmarks.peers.adapters.VertxPeer;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.Transports;
import dev.salvo.client.spi.Transport;
import dev.salvo.netty.NettyTransport;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The clients the harness compares: a short key for command lines, the name the tables show, and
 * how to make one. The two bare transports are the baselines of Salvo's overhead figure.
 */
public enum Peer {
    SALVO_NETTY("salvo-netty", "Salvo (Netty)"),
    /** Diagnosis only: futures completed on the I/O thread ({@code callbackExecutor(Runnable::run)}). */
    SALVO_NETTY_DIRECT("salvo-netty-direct", "Salvo (Netty, direct callbacks)"),
    /** Diagnosis only: callbacks on a work-stealing pool of platform threads instead of a virtual thread each. */
    SALVO_NETTY_POOL("salvo-netty-pool", "Salvo (Netty, pool callbacks)"),
    SALVO_JDK("salvo-jdk", "Salvo (JDK)"),
    /** Diagnosis only: the JDK's tasks on its own pool of platform threads instead of Salvo's virtual threads. */
    SALVO_JDK_POOL("salvo-jdk-pool", "Salvo (JDK, the JDK's pool)"),
    JDK("jdk", "JDK HttpClient"),
    AHC("ahc", "AsyncHttpClient"),
    JETTY("jetty", "Jetty 12"),
    OKHTTP("okhttp", "OkHttp"),
    APACHE("apache", "Apache HC5 async"),
    VERTX("vertx", "Vert.x WebClient"),
    NETTY_TRANSPORT("netty-transport", "Netty transport (bare)"),
    JDK_TRANSPORT("jdk-transport", "JDK transport (bare)");

    private final String key;
    private final String displayName;

    Peer(String key, String displayName) {
        this.key = key;
        this.displayName = displayName;
    }

    public String key() {
        return key;
    }

    public String displayName() {
        return displayName;
    }

    /** True for the eight clients of the main tables; false for the baselines and diagnostic variants. */
    public boolean isCompared() {
        return this == SALVO_NETTY || this == SALVO_JDK || isThirdParty();
    }

    /**
     * True for the runs that belong right after the client before them in the alternation (a bare
     * transport or a variant after its Salvo), so that a pair always runs next to each other.
     */
    public boolean runsWithPrevious() {
        return this == NETTY_TRANSPORT || this == SALVO_NETTY_DIRECT || this == SALVO_NETTY_POOL
                || this == SALVO_JDK_POOL || this == JDK_TRANSPORT;
    }

    /** True for the other projects' clients, false for Salvo and its bare transports. */
    public boolean isThirdParty() {
        return switch (this) {
            case JDK, AHC, JETTY, OKHTTP, APACHE, VERTX -> true;
            case SALVO_NETTY, SALVO_NETTY_DIRECT, SALVO_NETTY_POOL, SALVO_JDK, SALVO_JDK_POOL, NETTY_TRANSPORT,
                    JDK_TRANSPORT -> false;
        };
    }

    /**
     * True for the clients that speak HTTP/2 on cleartext (issue 13): all but AsyncHttpClient (no
     * HTTP/2) and Apache's async client (not wired up here). The JDK's clients get there by an
     * {@code Upgrade: h2c} on each new connection, having no prior-knowledge mode; the others
     * start with the HTTP/2 preface.
     */
    public boolean speaksH2c() {
        return this != AHC && this != APACHE;
    }

    /**
     * A new client whose pools and limits allow {@code maxConcurrency} requests at once; with
     * {@code http2}, speaking h2c (see {@link #speaksH2c()}), its streams multiplexed over as few
     * connections as it chooses.
     *
     * @throws IllegalArgumentException for {@code http2} on a client that cannot speak it
     */
    public PeerClient create(int maxConcurrency, boolean http2) throws Exception {
        if (http2 && !speaksH2c()) {
            throw new IllegalArgumentException(displayName + " does not speak h2c here");
        }
        return switch (this) {
            case SALVO_NETTY -> new SalvoPeer(netty(maxConcurrency, http2), maxConcurrency, null);
            case SALVO_NETTY_DIRECT -> new SalvoPeer(netty(maxConcurrency, http2), maxConcurrency, Runnable::run);
            case SALVO_NETTY_POOL -> new SalvoPeer(netty(maxConcurrency, http2), maxConcurrency,
                    Executors.newWorkStealingPool(Runtime.getRuntime().availableProcessors()));
            case SALVO_JDK -> new SalvoPeer(jdk(http2), maxConcurrency, null);
            case SALVO_JDK_POOL -> new SalvoPeer(Transports.jdk(HttpClient.newBuilder()
                    .version(JdkHttpClientPeer.version(http2))), maxConcurrency, null);
            case NETTY_TRANSPORT -> new TransportPeer(netty(maxConcurrency, http2));
            case JDK_TRANSPORT -> new TransportPeer(jdk(http2));
            case JDK -> new JdkHttpClientPeer(http2);
            case AHC -> new AsyncHttpClientPeer(maxConcurrency);
            case JETTY -> new JettyPeer(maxConcurrency, http2);
            case OKHTTP -> new OkHttpPeer(maxConcurrency, http2);
            case APACHE -> new ApacheAsyncPeer(maxConcurrency);
            case VERTX -> new VertxPeer(maxConcurrency, http2);
        };
    }

    private static Transport netty(int maxConcurrency, boolean http2) {
        return NettyTransport.newBuilder().maxConnectionsPerHost(maxConcurrency)
                .protocol(http2 ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1).build();
    }

    /** HTTP/1.1: Salvo's default JDK transport (the JDK's tasks on virtual threads); h2c: the JDK's own pool. */
    private static Transport jdk(boolean http2) {
        return http2 ? Transports.jdk(HttpClient.newBuilder().version(JdkHttpClientPeer.version(true))) : Transports.jdk();
    }

    /** The peer with this key. */
    public static Peer byKey(String key) {
        for (Peer peer : values()) {
            if (peer.key.equals(key)) {
                return peer;
            }
        }
        throw new IllegalArgumentException("unknown client '" + key + "'; expected one of "
                + Arrays.stream(values()).map(Peer::key).collect(Collectors.joining(", ")));
    }
}
