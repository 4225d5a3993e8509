package dev.salvo.bench;

import dev.salvo.client.HttpVersion;
import dev.salvo.client.Transports;
import dev.salvo.client.spi.Transport;
import dev.salvo.netty.NettyTransport;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;

/** The transports a bench can run on, set up for load: one connection per slot, chosen I/O threads. */
public enum LoadTransport {
    /** Salvo's Netty transport (native epoll where it loads): the fast one, and the default. */
    NETTY {
        @Override
        public Transport open(int connections, int ioThreads, boolean keepAlive, Duration connectTimeout, boolean http2) {
            return NettyTransport.newBuilder()
                    .protocol(http2 ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1)
                    .maxConnectionsPerHost(connections)
                    .eventLoopThreads(ioThreads)
                    .keepAlive(keepAlive)
                    .connectTimeout(connectTimeout)
                    .build();
        }
    },
    /** The JDK's HttpClient: slower, for comparison. Cannot turn keep-alive off. */
    JDK {
        @Override
        public Transport open(int connections, int ioThreads, boolean keepAlive, Duration connectTimeout, boolean http2) {
            if (!keepAlive) {
                throw new IllegalArgumentException("the jdk transport cannot turn keep-alive off; use the netty transport");
            }
            return Transports.jdk(HttpClient.newBuilder()
                    .version(http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    .executor(Executors.newFixedThreadPool(ioThreads, LoadTransport::daemon)));
        }
    };

    /**
     * A new transport the caller closes.
     *
     * @param connections    the most connections to the target (the run's {@code -c})
     * @param ioThreads      I/O threads
     * @param keepAlive      false: a new connection per request
     * @param connectTimeout the longest a connect may take
     * @param http2          HTTP/2 (h2c with prior knowledge, h2 by ALPN): calls multiplexed as streams
     */
    public abstract Transport open(int connections, int ioThreads, boolean keepAlive, Duration connectTimeout, boolean http2);

    /** An HTTP/1.1 transport: {@link #open(int, int, boolean, Duration, boolean)} without HTTP/2. */
    public Transport open(int connections, int ioThreads, boolean keepAlive, Duration connectTimeout) {
        return open(connections, ioThreads, keepAlive, connectTimeout, false);
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "salvo-bench-jdk");
        thread.setDaemon(true);
        return thread;
    }

    /** The transport named {@code name} (netty, jdk), case-insensitive. */
    public static LoadTransport named(String name) {
        Objects.requireNonNull(name, "name");
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown transport '" + name + "'; use netty or jdk", e);
        }
    }
}
