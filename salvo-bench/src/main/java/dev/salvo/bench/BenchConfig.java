package dev.salvo.bench;

import dev.salvo.client.spi.Arguments;
import dev.salvo.client.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a run does: which request, on how many connections, for how long or how many times, and
 * in which model. Immutable; build with {@link #builder(Request)}.
 *
 * <p>A run is either <em>counted</em> ({@link Builder#requests}: exactly that many measured
 * requests, default warmup none) or <em>timed</em> ({@link Builder#duration}, the default, 10 s:
 * default warmup 2 s). It is <em>closed</em> (each connection sends its next request when the last
 * one completes) unless a {@link Builder#rate} makes it <em>open</em>.
 */
public final class BenchConfig {
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    static final Duration DEFAULT_TIMED_WARMUP = Duration.ofSeconds(2);
    /** The largest request count of a counted run (days of load even at a million requests/s). */
    public static final long MAX_REQUESTS = 1_000_000_000_000L;

    private final Request request;
    private final int connections;
    private final int streams;
    private final long requests;
    private final Duration duration;
    private final double rate;
    private final Duration timeout;
    private final Duration warmup;
    private final List<Slo> slos;
    private final Scenario scenario;

    private BenchConfig(Builder builder) {
        this.request = builder.request;
        this.connections = builder.connections;
        this.streams = builder.streams;
        this.requests = builder.requests;
        this.duration = builder.requests > 0 ? Duration.ZERO
                : builder.duration != null ? builder.duration : DEFAULT_DURATION;
        this.rate = builder.rate;
        this.timeout = builder.timeout;
        this.warmup = builder.warmup != null ? builder.warmup
                : builder.requests > 0 ? Duration.ZERO : DEFAULT_TIMED_WARMUP;
        this.slos = List.copyOf(builder.slos);
        this.scenario = builder.scenario;
    }

    public static Builder builder(Request request) {
        return new Builder(Objects.requireNonNull(request, "request"));
    }

    /** The request every send repeats. */
    public Request request() {
        return request;
    }

    /**
     * How many of the {@link #connections()} share one connection as HTTP/2 streams (1 on
     * HTTP/1.1): for the reports, which then say connections × streams.
     */
    public int streams() {
        return streams;
    }

    /** Concurrent connections (closed model) or the most requests in flight (open model); with {@link #streams()} over 1, calls in flight. */
    public int connections() {
        return connections;
    }

    /** The exact number of measured requests of a counted run; empty for a timed run. */
    public OptionalLong requests() {
        return requests > 0 ? OptionalLong.of(requests) : OptionalLong.empty();
    }

    /** How long a timed run measures, after its warmup; zero for a counted run. */
    public Duration duration() {
        return duration;
    }

    /** Target requests per second of an open-model run; 0 for the closed model. */
    public double rate() {
        return rate;
    }

    /** True for the open model (a target rate). */
    public boolean isOpenModel() {
        return rate > 0;
    }

    /** The longest one request may take before it counts as a timeout. */
    public Duration timeout() {
        return timeout;
    }

    /** Load sent before measuring starts, left out of every figure. */
    public Duration warmup() {
        return warmup;
    }

    /** The scenario sent instead of {@link #request()} (whose URL is then the base of relative step URLs). */
    public java.util.Optional<Scenario> scenario() {
        return java.util.Optional.ofNullable(scenario);
    }

    /** The objectives every report checks, in the order given; empty when none. */
    public List<Slo> slos() {
        return slos;
    }

    @Override
    public String toString() {
        return "BenchConfig[" + request + ", c=" + connections
                + (requests > 0 ? ", n=" + requests : ", d=" + duration)
                + (rate > 0 ? ", R=" + rate : "") + ", timeout=" + timeout + ", warmup=" + warmup + ']';
    }

    /** Builds a {@link BenchConfig}; not thread-safe. Each setter checks its value at once. */
    public static final class Builder {
        private final Request request;
        private int connections = 64;
        private int streams = 1;
        private long requests;
        private Duration duration;
        private double rate;
        private Duration timeout = Duration.ofSeconds(5);
        private Duration warmup;
        private final List<Slo> slos = new ArrayList<>();
        private Scenario scenario;

        private Builder(Request request) {
            this.request = request;
        }

        /** Connections (closed model) or the most requests in flight (open model); default 64. */
        public Builder connections(int connections) {
            this.connections = Arguments.requirePositive(connections, "connections");
            return this;
        }

        /** How many of the connections share one connection as HTTP/2 streams; default 1. */
        public Builder streams(int streams) {
            this.streams = Arguments.requirePositive(streams, "streams");
            return this;
        }

        /** Makes this a counted run of exactly {@code requests} measured requests. */
        public Builder requests(long requests) {
            if (requests <= 0) {
                throw new IllegalArgumentException("the request count must be positive, got " + requests);
            }
            if (requests > MAX_REQUESTS) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "the request count must be at most %,d, got %,d; for an endless run give a long duration",
                        MAX_REQUESTS, requests));
            }
            if (duration != null) {
                throw new IllegalArgumentException("give either a request count or a duration, not both");
            }
            this.requests = requests;
            return this;
        }

        /** Makes this a timed run that measures for {@code duration} (after the warmup). */
        public Builder duration(Duration duration) {
            Arguments.requirePositive(duration, "duration");
            if (requests > 0) {
                throw new IllegalArgumentException("give either a request count or a duration, not both");
            }
            this.duration = duration;
            return this;
        }

        /** Open model: this many requests per second in total, whatever the latency. */
        public Builder rate(double requestsPerSecond) {
            if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
                throw new IllegalArgumentException("the rate must be a positive number of requests per second, got "
                        + requestsPerSecond);
            }
            this.rate = requestsPerSecond;
            return this;
        }

        /** The longest one request may take; default 5 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = Arguments.requirePositive(timeout, "timeout");
            return this;
        }

        /** Load sent before measuring starts; default 2 s for a timed run, none for a counted one. */
        public Builder warmup(Duration warmup) {
            this.warmup = Arguments.requireNonNegative(warmup, "warmup");
            return this;
        }

        /** Adds an objective the reports check (see {@link Slo#parse}). */
        public Builder slo(Slo slo) {
            slos.add(Objects.requireNonNull(slo, "slo"));
            return this;
        }

        /**
         * Sends {@code scenario}'s flows instead of the one request; a scenario run is timed. In the open
         * model the rate is of flow starts.
         */
        public Builder scenario(Scenario scenario) {
            this.scenario = Objects.requireNonNull(scenario, "scenario");
            return this;
        }

        public BenchConfig build() {
            if (scenario != null && requests > 0) {
                throw new IllegalArgumentException("a scenario run is timed: give a duration, not a request count");
            }
            return new BenchConfig(this);
        }
    }
}
