package dev.salvo.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Immutable configuration of a {@link SalvoServer}. Build with {@link #newBuilder()}; every option has
 * a safe default, so {@code ServerConfig.newBuilder().build()} is a loopback server on a free port.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>{@code salvo serve} flag</th></tr>
 *   <tr><td>host</td><td>127.0.0.1</td><td>--host</td></tr>
 *   <tr><td>port</td><td>0 (any free port)</td><td>--port</td></tr>
 *   <tr><td>strategy</td><td>ASYNC</td><td>--strategy</td></tr>
 *   <tr><td>threads</td><td>5 (THREADS strategy only)</td><td>--threads</td></tr>
 *   <tr><td>maxDuration</td><td>10 s</td><td>--max-duration</td></tr>
 *   <tr><td>maxBody</td><td>1 MiB</td><td>--max-body</td></tr>
 *   <tr><td>maxStream</td><td>1 GiB</td><td>--max-stream</td></tr>
 *   <tr><td>maxUpload</td><td>1 GiB</td><td>--max-upload</td></tr>
 *   <tr><td>idleTimeout</td><td>30 s</td><td>—</td></tr>
 *   <tr><td>headTimeout</td><td>10 s</td><td>--head-timeout</td></tr>
 *   <tr><td>writeTimeout</td><td>30 s</td><td>--write-timeout</td></tr>
 *   <tr><td>maxConnections</td><td>10,000, at most 3/4 of the file-descriptor limit</td><td>--max-connections</td></tr>
 *   <tr><td>maxOutbound</td><td>256 MiB</td><td>--max-outbound</td></tr>
 *   <tr><td>maxConcurrentStreams</td><td>1,000 (HTTP/2, per connection)</td><td>--max-streams</td></tr>
 *   <tr><td>maxResetsPerSecond</td><td>200 (HTTP/2, per connection)</td><td>—</td></tr>
 *   <tr><td>booksLatency</td><td>500 ms</td><td>—</td></tr>
 *   <tr><td>searchJobTime</td><td>200 ms</td><td>—</td></tr>
 *   <tr><td>shutdownTimeout</td><td>5 s</td><td>—</td></tr>
 *   <tr><td>ioThreads</td><td>0 (= cores; BLOCKING always uses 1)</td><td>—</td></tr>
 *   <tr><td>accessLog</td><td>none</td><td>stderr unless --quiet</td></tr>
 *   <tr><td>tls</td><td>none (cleartext: HTTP/1.1 and h2c)</td><td>--tls, --cert/--key</td></tr>
 * </table>
 */
public final class ServerConfig {
    private final String host;
    private final int port;
    private final Strategy strategy;
    private final int threads;
    private final Duration maxDuration;
    private final int maxBody;
    private final long maxStream;
    private final long maxUpload;
    private final Duration idleTimeout;
    private final Duration headTimeout;
    private final Duration writeTimeout;
    private final int maxConnections;
    private final long maxOutbound;
    private final int maxConcurrentStreams;
    private final int maxResetsPerSecond;
    private final Duration booksLatency;
    private final Duration searchJobTime;
    private final Duration shutdownTimeout;
    private final int ioThreads;
    private final Consumer<String> accessLog;
    private final ServerTls tls;

    private ServerConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.strategy = b.strategy;
        this.threads = b.threads;
        this.maxDuration = b.maxDuration;
        this.maxBody = b.maxBody;
        this.maxStream = b.maxStream;
        this.maxUpload = b.maxUpload;
        this.idleTimeout = b.idleTimeout;
        this.headTimeout = b.headTimeout;
        this.writeTimeout = b.writeTimeout;
        this.maxConnections = b.maxConnections;
        this.maxOutbound = b.maxOutbound;
        this.maxConcurrentStreams = b.maxConcurrentStreams;
        this.maxResetsPerSecond = b.maxResetsPerSecond;
        this.booksLatency = b.booksLatency;
        this.searchJobTime = b.searchJobTime;
        this.shutdownTimeout = b.shutdownTimeout;
        this.ioThreads = b.ioThreads;
        this.accessLog = b.accessLog;
        this.tls = b.tls;
    }

    /** A builder holding every default. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /** The defaults: loopback, any free port, ASYNC. */
    public static ServerConfig defaults() {
        return newBuilder().build();
    }

    /** A builder starting from this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.strategy = strategy;
        b.threads = threads;
        b.maxDuration = maxDuration;
        b.maxBody = maxBody;
        b.maxStream = maxStream;
        b.maxUpload = maxUpload;
        b.idleTimeout = idleTimeout;
        b.headTimeout = headTimeout;
        b.writeTimeout = writeTimeout;
        b.maxConnections = maxConnections;
        b.maxOutbound = maxOutbound;
        b.maxConcurrentStreams = maxConcurrentStreams;
        b.maxResetsPerSecond = maxResetsPerSecond;
        b.booksLatency = booksLatency;
        b.searchJobTime = searchJobTime;
        b.shutdownTimeout = shutdownTimeout;
        b.ioThreads = ioThreads;
        b.accessLog = accessLog;
        b.tls = tls;
        return b;
    }

    public String host() { return host; }
    public int port() { return port; }
    public Strategy strategy() { return strategy; }
    /** Pool size of the THREADS strategy. */
    public int threads() { return threads; }
    /** Longest wait or work one request may ask for ({@code /delay}, {@code /?cost=}, {@code /drip}). */
    public Duration maxDuration() { return maxDuration; }
    /** Largest request body aggregated for the endpoints (413 above); {@code /upload} has its own cap. */
    public int maxBody() { return maxBody; }
    /** Largest generated body ({@code /bytes/{n}}, {@code /stream-bytes/{n}}); written with backpressure. */
    public long maxStream() { return maxStream; }
    /** Largest body {@code POST /upload} accepts (413 above); it is hashed as it arrives, never buffered. */
    public long maxUpload() { return maxUpload; }
    /** A connection that sends nothing for this long while no request of it is being served is closed. */
    public Duration idleTimeout() { return idleTimeout; }
    /** A request line and headers not received in full this long after their first byte get a 408 and a close. */
    public Duration headTimeout() { return headTimeout; }
    /** A connection whose queued reply bytes the client does not take for this long (checked at that period, so 1-2x) is closed. */
    public Duration writeTimeout() { return writeTimeout; }
    /** Open connections beyond this are answered 503 and closed at once. */
    public int maxConnections() { return maxConnections; }
    /** Server-wide cap on reply bytes queued for slow clients; a connection that would pass it is closed. */
    public long maxOutbound() { return maxOutbound; }
    /** HTTP/2: streams one connection may have open at once (its SETTINGS_MAX_CONCURRENT_STREAMS); more are refused. */
    public int maxConcurrentStreams() { return maxConcurrentStreams; }
    /** HTTP/2: RST_STREAM frames a client may send per connection per second; more → GOAWAY ENHANCE_YOUR_CALM and close. */
    public int maxResetsPerSecond() { return maxResetsPerSecond; }
    /** Latency of the books API. */
    public Duration booksLatency() { return booksLatency; }
    /** How long a search job runs before it is done. */
    public Duration searchJobTime() { return searchJobTime; }
    /** Bound on {@link SalvoServer#close()}: in-flight requests get this long to finish. */
    public Duration shutdownTimeout() { return shutdownTimeout; }
    /** Event-loop threads; 0 means one per core. The BLOCKING strategy always uses one. */
    public int ioThreads() { return ioThreads; }
    /** Where one access-log line per request goes, if anywhere. */
    public Optional<Consumer<String>> accessLog() { return Optional.ofNullable(accessLog); }
    /**
     * The TLS identity when the port speaks TLS (h2 or HTTP/1.1 by ALPN; the handshake must finish
     * within {@link #headTimeout()}); empty for cleartext, where HTTP/1.1 and h2c share the port.
     */
    public Optional<ServerTls> tls() { return Optional.ofNullable(tls); }

    @Override
    public String toString() {
        return "ServerConfig[host=" + host + ", port=" + port + ", strategy=" + strategy.cliName()
                + ", threads=" + threads + ", maxDuration=" + maxDuration + ", maxBody=" + maxBody
                + ", maxStream=" + maxStream + ", maxUpload=" + maxUpload + ", idleTimeout=" + idleTimeout
                + ", headTimeout=" + headTimeout + ", writeTimeout=" + writeTimeout + ", maxConnections=" + maxConnections
                + ", maxOutbound=" + maxOutbound + ", maxConcurrentStreams=" + maxConcurrentStreams
                + ", maxResetsPerSecond=" + maxResetsPerSecond + (tls == null ? "" : ", tls=" + tls) + "]";
    }

    /** Mutable builder; not thread-safe. Setters validate at once and throw IllegalArgumentException. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private Strategy strategy = Strategy.ASYNC;
        private int threads = 5;
        private Duration maxDuration = Duration.ofSeconds(10);
        private int maxBody = 1 << 20;
        private long maxStream = 1L << 30;
        private long maxUpload = 1L << 30;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration headTimeout = Duration.ofSeconds(10);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private int maxConnections = DefaultLimits.maxConnections();
        private long maxOutbound = 256L << 20;
        private int maxConcurrentStreams = 1000;
        private int maxResetsPerSecond = 200;
        private Duration booksLatency = Duration.ofMillis(500);
        private Duration searchJobTime = Duration.ofMillis(200);
        private Duration shutdownTimeout = Duration.ofSeconds(5);
        private int ioThreads = 0;
        private Consumer<String> accessLog;
        private ServerTls tls;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        public Builder strategy(Strategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        public Builder threads(int threads) {
            this.threads = positive(threads, "threads");
            return this;
        }

        public Builder maxDuration(Duration maxDuration) {
            this.maxDuration = nonNegative(maxDuration, "maxDuration");
            return this;
        }

        public Builder maxBody(int maxBody) {
            this.maxBody = positive(maxBody, "maxBody");
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = positive(idleTimeout, "idleTimeout");
            return this;
        }

        public Builder maxStream(long maxStream) {
            this.maxStream = positive(maxStream, "maxStream");
            return this;
        }

        public Builder maxUpload(long maxUpload) {
            this.maxUpload = positive(maxUpload, "maxUpload");
            return this;
        }

        public Builder headTimeout(Duration headTimeout) {
            this.headTimeout = positive(headTimeout, "headTimeout");
            return this;
        }

        public Builder writeTimeout(Duration writeTimeout) {
            this.writeTimeout = positive(writeTimeout, "writeTimeout");
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = positive(maxConnections, "maxConnections");
            return this;
        }

        public Builder maxOutbound(long maxOutbound) {
            this.maxOutbound = positive(maxOutbound, "maxOutbound");
            return this;
        }

        public Builder maxConcurrentStreams(int maxConcurrentStreams) {
            this.maxConcurrentStreams = positive(maxConcurrentStreams, "maxConcurrentStreams");
            return this;
        }

        public Builder maxResetsPerSecond(int maxResetsPerSecond) {
            this.maxResetsPerSecond = positive(maxResetsPerSecond, "maxResetsPerSecond");
            return this;
        }

        public Builder booksLatency(Duration booksLatency) {
            this.booksLatency = nonNegative(booksLatency, "booksLatency");
            return this;
        }

        public Builder searchJobTime(Duration searchJobTime) {
            this.searchJobTime = nonNegative(searchJobTime, "searchJobTime");
            return this;
        }

        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = nonNegative(shutdownTimeout, "shutdownTimeout");
            return this;
        }

        public Builder ioThreads(int ioThreads) {
            if (ioThreads < 0) {
                throw new IllegalArgumentException("ioThreads must be >= 0, got " + ioThreads);
            }
            this.ioThreads = ioThreads;
            return this;
        }

        /** One line per request (Common Log Format plus the time taken); called from server threads. */
        public Builder accessLog(Consumer<String> sink) {
            this.accessLog = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Serves TLS with this identity (see {@link ServerTls#pem}, {@link ServerTls#pkcs12},
         * {@link ServerTls#selfSigned}, which check the files when called).
         */
        public Builder tls(ServerTls tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(this);
        }

        private static int positive(int value, String name) {
            return (int) positive((long) value, name);
        }

        private static long positive(long value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be > 0, got " + value);
            }
            return value;
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return d;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be > 0, got " + d);
            }
            return d;
        }
    }
}
