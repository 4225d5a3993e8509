package dev.salvo.micrometer;

import dev.salvo.client.EventListener;
import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Objects;
import java.util.function.Function;

/**
 * Micrometer metrics for Salvo clients. Plug an {@link #eventListener()} into each client and hand the
 * built client to {@link #monitor}:
 *
 * <pre>{@code
 * SalvoMetrics metrics = SalvoMetrics.newBuilder(registry).tags(Tags.of("client", "billing")).build();
 * Salvo http = Salvo.newBuilder().eventListener(metrics.eventListener()).build();
 * metrics.monitor(http);   // the in-flight, queued and connection-pool gauges
 * }</pre>
 *
 * <p>The meters (every one also carries the builder's {@link Builder#tags}):
 * <ul>
 *   <li>{@value #REQUESTS}: a timer per call, from the moment it was queued to its last body byte or its
 *       failure (retries, redirects and waits included); tags {@code method}, {@code uri} (the
 *       {@link Builder#uriTemplate}, else {@code UNKNOWN}), {@code status} (the code; {@code IO_ERROR} for an
 *       I/O failure, {@code CLIENT_ERROR} for another one, such as a cancel), {@code outcome} (the status class:
 *       {@code SUCCESS}, {@code CLIENT_ERROR}, …; {@code UNKNOWN} without a response), {@code exception}
 *       (the failure's simple class name, {@code none}) and {@code client.name} (the origin's host[:port]).
 *   <li>{@value #QUEUE_WAIT}: a timer of the wait between being queued and first going to the transport,
 *       per {@code client.name}.
 *   <li>{@value #BYTES_SENT}, {@value #BYTES_RECEIVED}: counters of request and response body bytes, per
 *       {@code client.name}, as the transport reports them.
 *   <li>{@value #RETRIES}: a counter of retries scheduled, per {@code client.name} and {@code reason}
 *       (the status code, or the failure's simple class name).
 *   <li>After {@link #monitor}: gauges {@value #IN_FLIGHT} and {@value #QUEUED}, and per origin the connection
 *       pool ({@value #POOL_CONNECTIONS} by {@code state} {@code idle}, {@code in-use}, {@code connecting};
 *       {@value #POOL_PENDING}; {@value #POOL_MAX}) from {@link Salvo#poolStats()}; a transport that keeps no
 *       pool of its own (the JDK's) reports none, and the pool gauges read 0.
 * </ul>
 */
public final class SalvoMetrics {
    /** The timer of whole calls, after Micrometer's HTTP client conventions. */
    public static final String REQUESTS = "http.client.requests";
    /** The timer of the wait in the queue. */
    public static final String QUEUE_WAIT = "salvo.client.queue.wait";
    /** Request body bytes. */
    public static final String BYTES_SENT = "salvo.client.bytes.sent";
    /** Response body bytes. */
    public static final String BYTES_RECEIVED = "salvo.client.bytes.received";
    /** Retries scheduled. */
    public static final String RETRIES = "salvo.client.retries";
    /** Calls handed to the transport and not yet finished. */
    public static final String IN_FLIGHT = "salvo.client.in.flight";
    /** Calls waiting in the queue. */
    public static final String QUEUED = "salvo.client.queued";
    /** Open and opening connections of a pool, by state. */
    public static final String POOL_CONNECTIONS = "salvo.client.pool.connections";
    /** Exchanges waiting in a pool for a connection or a stream. */
    public static final String POOL_PENDING = "salvo.client.pool.pending";
    /** The most connections a pool opens. */
    public static final String POOL_MAX = "salvo.client.pool.max";

    private final Meters meters;

    private SalvoMetrics(Meters meters) {
        this.meters = meters;
    }

    /** Metrics on {@code registry}, with no extra tags and no URI templates. */
    public static SalvoMetrics create(MeterRegistry registry) {
        return newBuilder(registry).build();
    }

    /** A builder of metrics on {@code registry}. */
    public static Builder newBuilder(MeterRegistry registry) {
        return new Builder(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * A new listener for one client, to give its {@link Salvo.Builder#eventListener} (chain others with
     * {@link EventListener#andThen}). A listener tells calls apart by their ids, which are unique only within
     * a client: metrics serving several clients take one listener each (their meters are shared); one listener
     * given to two clients would mix up their calls.
     */
    public EventListener eventListener() {
        return new CallRecorder(meters);
    }

    /**
     * Registers the gauges that read {@code client} itself: calls in flight and queued, and the connection
     * pools of each origin it calls. The gauges hold the client weakly. One client per {@code SalvoMetrics}:
     * the gauges of a second client with the same tags on the same registry would share the first one's
     * names and tags, and Micrometer would keep only the first, so that is refused.
     *
     * @throws IllegalStateException when a client is already monitored on this registry with these tags
     *         (give each client its own tag, e.g. {@code Tags.of("client", "billing")})
     */
    public SalvoMetrics monitor(Salvo client) {
        Objects.requireNonNull(client, "client");
        boolean taken = meters.registry().find(IN_FLIGHT).gauges().stream()
                .anyMatch(gauge -> Tags.of(gauge.getId().getTags()).equals(meters.tags()));
        if (taken) {
            throw new IllegalStateException("a client is already monitored on this registry with the tags " + meters.tags()
                    + "; give each client its own SalvoMetrics with a tag of its own, e.g. Tags.of(\"client\", \"billing\")");
        }
        Gauge.builder(IN_FLIGHT, client, Salvo::inFlight).tags(meters.tags()).description("calls in flight")
                .register(meters.registry());
        Gauge.builder(QUEUED, client, Salvo::queued).tags(meters.tags()).description("calls waiting in the queue")
                .register(meters.registry());
        meters.monitorPools(client);
        return this;
    }

    /** Configures {@link SalvoMetrics}; not thread-safe. */
    public static final class Builder {
        private final MeterRegistry registry;
        private Tags tags = Tags.empty();
        private Function<Request, String> uriTemplate = request -> Meters.UNKNOWN;

        private Builder(MeterRegistry registry) {
            this.registry = registry;
        }

        /** Tags every meter carries, such as the client's name. Default none. */
        public Builder tags(Tags tags) {
            this.tags = Objects.requireNonNull(tags, "tags");
            return this;
        }

        /**
         * The {@code uri} tag of a request: a template such as {@code /users/{id}}, never the raw path (each
         * distinct value is a timer of its own). Default {@code UNKNOWN} for every request.
         */
        public Builder uriTemplate(Function<Request, String> uriTemplate) {
            this.uriTemplate = Objects.requireNonNull(uriTemplate, "uriTemplate");
            return this;
        }

        public SalvoMetrics build() {
            return new SalvoMetrics(new Meters(registry, tags, uriTemplate));
        }
    }
}
