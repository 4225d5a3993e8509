package dev.salvo.client;

import dev.salvo.client.spi.Arguments;
import dev.salvo.client.internal.BlockingTransport;
import dev.salvo.client.internal.JdkTransport;
import dev.salvo.client.internal.UrlConnectionClient;
import dev.salvo.client.spi.BlockingClient;
import dev.salvo.client.spi.Transport;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/** The transports Salvo ships. */
public final class Transports {
    private Transports() {
    }

    /**
     * The JDK {@link HttpClient}, 10 s connect timeout: HTTP/1.1 for {@code http://} (as the Netty
     * transport: no {@code Upgrade: h2c} on each new connection), HTTP/2 by ALPN for {@code https://}.
     */
    public static Transport jdk() {
        return jdk(Duration.ofSeconds(10));
    }

    /**
     * The JDK {@link HttpClient} with this connect timeout; the client's tasks run on virtual
     * threads of Salvo's (named {@code salvo-jdk}), not on the JDK's own pool of platform threads.
     */
    public static Transport jdk(Duration connectTimeout) {
        Arguments.requirePositive(connectTimeout, "connectTimeout");
        return JdkTransport.onVirtualThreads(HttpClient.newBuilder().connectTimeout(connectTimeout));
    }

    /**
     * The JDK {@link HttpClient} built from {@code builder}: its version, TLS, proxy, authenticator
     * and executor pass through (without an executor, the JDK's own pool; a builder set to HTTP/2 also upgrades {@code http://} by
     * {@code Upgrade: h2c}); redirects are turned off (Salvo's {@link RedirectPolicy} decides).
     */
    public static Transport jdk(HttpClient.Builder builder) {
        return new JdkTransport(Objects.requireNonNull(builder, "builder"), true, false);
    }

    /** Runs a blocking client on a new virtual thread per call: a blocking library made concurrent. */
    public static Transport blocking(BlockingClient client) {
        return BlockingTransport.onVirtualThreads(Objects.requireNonNull(client, "client"));
    }

    /**
     * Runs a blocking client on {@code executor}: its threads bound the concurrency. On cancel the
     * running thread is interrupted; a client that ignores interrupts runs on until its own timeout.
     */
    public static Transport blocking(BlockingClient client, Executor executor) {
        return new BlockingTransport(Objects.requireNonNull(client, "client"),
                Objects.requireNonNull(executor, "executor"));
    }

    /**
     * A blocking client over {@link java.net.HttpURLConnection}: the "library you are stuck with".
     *
     * @param connectTimeout connect timeout
     * @param readTimeout    longest wait for a byte
     */
    public static BlockingClient urlConnection(Duration connectTimeout, Duration readTimeout) {
        return new UrlConnectionClient(Arguments.requirePositive(connectTimeout, "connectTimeout"),
                Arguments.requirePositive(readTimeout, "readTimeout"));
    }
}
