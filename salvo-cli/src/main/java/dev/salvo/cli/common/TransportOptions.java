package dev.salvo.cli.common;

import dev.salvo.client.EventListener;
import dev.salvo.client.Salvo;
import dev.salvo.client.Transports;
import dev.salvo.client.spi.Transport;
import dev.salvo.netty.NettyTransport;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
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
            Transport create(int connections) {
                return NettyTransport.builder().connectTimeout(CONNECT_TIMEOUT).maxConnectionsPerHost(connections)
                        .closeTimeout(IO_CLOSE_TIMEOUT).build();
            }
        },
        /** The JDK's {@code HttpClient}. */
        jdk {
            @Override
            Transport create(int connections) {
                return Transports.jdk(CONNECT_TIMEOUT);
            }
        };

        abstract Transport create(int connections);
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long closing lets calls in flight finish: short, so Ctrl-C is quick. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);
    /** How long closing Netty waits for its I/O threads; thousands of connections take a moment. */
    private static final Duration IO_CLOSE_TIMEOUT = Duration.ofSeconds(3);

    @Option(names = "--transport", paramLabel = "KIND", defaultValue = "netty",
            description = "HTTP transport: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Kind kind = Kind.netty;

    /** A new session with at most {@code maxInFlight} calls at once (to any one host, too). */
    public HttpSession open(int maxInFlight, EventListener listener) {
        return open(builder -> { }, maxInFlight, listener);
    }

    /** As {@link #open(int, EventListener)}, running chained stages and callbacks on {@code callbacks}. */
    public HttpSession open(int maxInFlight, EventListener listener, Executor callbacks) {
        return open(builder -> builder.callbackExecutor(callbacks), maxInFlight, listener);
    }

    /** A new transport of this kind for up to {@code connections} calls at once, owned by the caller. */
    public Transport newTransport(int connections) {
        return kind.create(connections);
    }

    private HttpSession open(Consumer<Salvo.Builder> extra, int maxInFlight, EventListener listener) {
        Transport transport = kind.create(maxInFlight);
        Salvo.Builder builder = Salvo.newBuilder()
                .transport(transport)
                .maxInFlight(maxInFlight)
                .maxPerHost(maxInFlight)
                .closeTimeout(CLOSE_TIMEOUT)
                .eventListener(listener);
        extra.accept(builder);
        return new HttpSession(builder.build(), transport);
    }
}
