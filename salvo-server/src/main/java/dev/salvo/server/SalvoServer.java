package dev.salvo.server;

import dev.salvo.server.internal.ServerRuntime;
import java.util.Objects;

/**
 * A running embedded server. Start one per test class (or per test) on a free port:
 * <pre>{@code
 * try (SalvoServer server = SalvoServer.start(ServerConfig.defaults())) {
 *     URI uri = URI.create(server.url("/get"));   // http://127.0.0.1:PORT/get
 *     ...
 * }
 * }</pre>
 * Thread-safe. {@link #close()} stops accepting, lets in-flight requests finish for at most
 * {@link ServerConfig#shutdownTimeout()}, then closes every connection; it is idempotent.
 */
public final class SalvoServer implements AutoCloseable {
    private final ServerConfig config;
    private final ServerRuntime runtime;

    private SalvoServer(ServerConfig config) {
        this.config = config;
        this.runtime = ServerRuntime.start(config);
    }

    /**
     * Binds and starts serving.
     *
     * @throws java.io.UncheckedIOException when the address cannot be bound (port in use, bad host)
     */
    public static SalvoServer start(ServerConfig config) {
        return new SalvoServer(Objects.requireNonNull(config, "config"));
    }

    /** Starts a server with the defaults: 127.0.0.1, a free port, ASYNC. */
    public static SalvoServer start() {
        return start(ServerConfig.defaults());
    }

    /** The bound port (the chosen one when the config said 0). */
    public int port() {
        return runtime.port();
    }

    /**
     * An absolute URL on this server for {@code path} (which may carry a query), e.g.
     * {@code url("/get?a=1")} → {@code http://127.0.0.1:PORT/get?a=1} ({@code https://} with
     * {@link ServerConfig#tls()}). A wildcard host
     * ({@code 0.0.0.0}, {@code ::}) is reached through loopback.
     */
    public String url(String path) {
        Objects.requireNonNull(path, "path");
        String host = switch (config.host()) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> config.host().contains(":") && !config.host().startsWith("[") ? "[" + config.host() + "]" : config.host();
        };
        return (config.tls().isPresent() ? "https://" : "http://") + host + ":" + port() + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * How many requests are being served at this moment: read whole (head and body), handed to the
     * strategy, and not yet answered. Tests wait on it rather than on time ("the slow request has
     * started"); {@code close()} waits for it to reach 0, boundedly.
     */
    public int inFlight() {
        return runtime.requestsInFlight();
    }

    public ServerConfig config() {
        return config;
    }

    /** Stops the server: graceful for in-flight requests, bounded by the shutdown timeout. */
    @Override
    public void close() {
        runtime.close();
    }

    @Override
    public String toString() {
        return "SalvoServer[" + url("/") + ", strategy=" + config.strategy().cliName() + "]";
    }
}
