package dev.salvo.client;

import dev.salvo.client.spi.Arguments;
import dev.salvo.client.internal.BatchRunner;
import dev.salvo.client.internal.CallEngine;
import dev.salvo.client.internal.EngineSettings;
import dev.salvo.client.internal.Gatherer;
import dev.salvo.client.internal.InterceptorChain;
import dev.salvo.client.internal.Politeness;
import dev.salvo.client.spi.Transport;
import java.io.IOException;
import java.net.CookieHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * A concurrent HTTP client. Every call returns a {@link CompletableFuture} at once; at most
 * {@link Builder#maxInFlight} calls run together (at most {@link Builder#maxPerHost} per host)
 * and the rest wait in a FIFO queue. Thread-safe; share one instance and {@link #close()} it.
 *
 * <pre>{@code
 * try (Salvo http = Salvo.newBuilder().maxInFlight(64).maxPerHost(16).build()) {
 *     Response r = http.send(Request.get("http://127.0.0.1:8000/get")).join();
 * }
 * }</pre>
 *
 * <p>Every future completes: with the response, with a {@link SalvoIOException} subclass when
 * I/O, a deadline, the queue bound or {@code close()} ends the call, or cancelled. Cancelling a
 * future aborts its exchange and frees its slot at once. A thread waiting in {@code join()} wakes
 * as soon as the call ends; every stage chained on a returned future ({@code thenApply},
 * {@code whenComplete}, …) runs on the callback executor, never on a transport's I/O thread.
 */
public final class Salvo implements AutoCloseable {
    private final CallEngine engine;
    private final long maxResponseBytes;
    /** Null when there are no interceptors: calls go straight to the engine. */
    private final InterceptorChain chain;

    private Salvo(Builder builder) {
        long maxResponseBytes = builder.maxResponseBytes;
        this.maxResponseBytes = maxResponseBytes;
        this.engine = new CallEngine(builder.settings(),
                request -> BodyHandler.ofBytes(request.maxResponseBytes().orElse(maxResponseBytes)), Response::owned);
        this.chain = builder.interceptors.isEmpty() ? null : new InterceptorChain(builder.interceptors,
                new InterceptorChain.Terminal() {
                    @Override
                    public <T> CompletableFuture<BodyResponse<T>> send(Request request, BodyHandler<T> handler) {
                        return engine.send(request, handler, BodyResponse::new);
                    }
                }, engine.callbackExecutor());
    }

    /** A client with every default (see {@link Builder}): JDK transport, 64 in flight, 30 s deadline. */
    public static Salvo create() {
        return newBuilder().build();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Sends {@code request}; returns at once. The body is read whole, at most the request's
     * {@link Request.Builder#maxResponseBytes} or else the client's {@link Builder#maxResponseBytes};
     * a larger one fails the call with {@link ResponseTooLargeException}.
     */
    public CompletableFuture<Response> send(Request request) {
        Objects.requireNonNull(request, "request");
        if (chain == null) {
            return engine.send(request);
        }
        return chain.send(request, BodyHandler.ofBytes(request.maxResponseBytes().orElse(maxResponseBytes)),
                r -> Response.owned(r.request(), r.status(), r.headers(), r.version(), r.trailers(), r.body()));
    }

    /**
     * Sends {@code request}; the final response's body goes to {@code handler} (a stream, a file, a
     * count: see {@link BodyHandler}). The future completes when the handler's value is ready: for a
     * stream or a publisher as soon as the headers are in, while the call keeps its slot until the body
     * is read to the end, closed or cancelled; the call's deadline covers reading the body.
     */
    public <T> CompletableFuture<BodyResponse<T>> send(Request request, BodyHandler<T> handler) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
        return chain == null ? engine.send(request, handler, BodyResponse::new) : chain.send(request, handler);
    }

    /**
     * Sends {@code request} and maps the response on the callback executor. Whatever the mapper
     * throws fails the returned future, with it as the cause. Cancelling the returned future
     * cancels the call.
     */
    public <T> CompletableFuture<T> send(Request request, ResponseMapper<T> mapper) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(mapper, "mapper");
        // through the chain, the same mapping as the engine's own: cancelling cancels the call
        return chain == null ? engine.sendMapped(request, mapper) : engine.mapped(request, send(request), mapper);
    }

    /**
     * The same call, blocking: returns the response or throws the call's typed
     * {@link SalvoIOException}. An interrupt cancels the call; a cancelled call throws
     * {@link java.util.concurrent.CancellationException}.
     */
    public Response sendBlocking(Request request) throws IOException, InterruptedException {
        CompletableFuture<Response> future = send(request);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = Outcome.unwrap(e);
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new SalvoIOException(request + ": " + cause, cause);
        }
    }

    /**
     * Sends all requests; the result lists the responses in input order. The first failure fails
     * the result and cancels the calls still running; use {@link #gatherOutcomes} to see them all.
     */
    public CompletableFuture<List<Response>> gather(List<Request> requests) {
        return gather(requests, (index, outcome) -> { });
    }

    /** As {@link #gather(List)}, calling {@code onEach} as each call completes (one at a time). */
    public CompletableFuture<List<Response>> gather(List<Request> requests, OnEach<Response> onEach) {
        return new Gatherer(this::send).gather(requests, onEach);
    }

    /** Sends all requests; the result holds every outcome, success or failure, in input order. */
    public CompletableFuture<List<Outcome<Response>>> gatherOutcomes(List<Request> requests, OnEach<Response> onEach) {
        return new Gatherer(this::send).gatherOutcomes(requests, onEach);
    }

    /** As {@link #gatherOutcomes(List, OnEach)} with no per-call hook. */
    public CompletableFuture<List<Outcome<Response>>> gatherOutcomes(List<Request> requests) {
        return gatherOutcomes(requests, (index, outcome) -> { });
    }

    /**
     * Runs the batches concurrently, the steps of each one after another. The result has one
     * {@link BatchResult} per batch, in batch order; a failed step ends its own batch only.
     */
    public CompletableFuture<List<BatchResult>> batches(List<Batch> batches, OnStep onStep) {
        return new BatchRunner(this::send).run(batches, onStep);
    }

    /** As {@link #batches(List, OnStep)} with no per-step hook. */
    public CompletableFuture<List<BatchResult>> batches(List<Batch> batches) {
        return batches(batches, (batch, step, outcome) -> { });
    }

    /** Calls holding a slot now (running in the transport, or following a redirect). */
    public int inFlight() {
        return engine.inFlight();
    }

    /** Calls waiting for a slot now. */
    public int queued() {
        return engine.queued();
    }

    /**
     * The transport's connection pools now, one entry per origin and HTTP version ({@link Transport#poolStats()}):
     * the Netty transport reports its pools; the JDK and blocking transports keep theirs out of sight
     * and report none. Any thread; cheap enough for a metrics gauge.
     */
    public List<PoolStats> poolStats() {
        return engine.poolStats();
    }

    /** The executor chained stages, mappers and hooks run on. */
    public Executor callbackExecutor() {
        return engine.callbackExecutor();
    }

    /**
     * Stops taking calls; fails queued calls with {@link ClientClosedException}; lets calls in
     * flight finish within the close timeout, then cancels them; closes the transport unless it
     * was given as {@link Builder#sharedTransport shared}.
     * Idempotent. Leaves no non-daemon thread behind.
     */
    @Override
    public void close() {
        engine.close();
    }

    /**
     * Configures a {@link Salvo}; not thread-safe. The defaults:
     *
     * <table>
     *   <caption>Salvo.Builder defaults</caption>
     *   <tr><th>setting</th><th>default</th></tr>
     *   <tr><td>{@link #transport}</td><td>the JDK {@code HttpClient} ({@link Transports#jdk(Duration)}), made and closed by Salvo</td></tr>
     *   <tr><td>{@link #maxInFlight}</td><td>64, or {@code maxPerHost} when only that is set</td></tr>
     *   <tr><td>{@link #maxPerHost}</td><td>{@code maxInFlight}: no per-origin limit of its own</td></tr>
     *   <tr><td>{@link #maxQueued}</td><td>unbounded</td></tr>
     *   <tr><td>{@link #deadline}</td><td>30 s, the whole call: queue wait, retries, redirects, body</td></tr>
     *   <tr><td>{@link #connectTimeout}</td><td>10 s (the default transport only)</td></tr>
     *   <tr><td>{@link #closeTimeout}</td><td>5 s</td></tr>
     *   <tr><td>{@link #retryPolicy}</td><td>{@link RetryPolicy#none()}</td></tr>
     *   <tr><td>{@link #redirects}</td><td>{@link RedirectPolicy#NORMAL}</td></tr>
     *   <tr><td>{@link #callbackExecutor}</td><td>one queue per client, drained in order by a virtual thread</td></tr>
     *   <tr><td>{@link #eventListener}</td><td>{@link EventListener#NONE} (plus SLF4J debug logging)</td></tr>
     *   <tr><td>{@link #rateLimit(Origin, double, int)}</td><td>none</td></tr>
     *   <tr><td>{@link #hostBackoff}</td><td>a Retry-After on 429/503 pauses the origin, at most 60 s</td></tr>
     *   <tr><td>{@link #adaptiveConcurrency}</td><td>off</td></tr>
     *   <tr><td>{@link #circuitBreaker}</td><td>none</td></tr>
     *   <tr><td>{@link #interceptor}</td><td>none</td></tr>
     *   <tr><td>{@link #cookieJar}</td><td>none: no cookie is kept</td></tr>
     * </table>
     *
     * <p>A limit you set is never capped by a default you did not set: {@code maxInFlight(100)}
     * alone lets 100 calls run to one host.
     */
    public static final class Builder {
        private static final int DEFAULT_LIMIT = 64;

        private Transport transport;
        private boolean ownsTransport;
        private int maxInFlight;
        private int maxPerHost;
        private int maxQueued = Integer.MAX_VALUE;
        private Duration deadline = Duration.ofSeconds(30);
        private Duration connectTimeout;
        private Duration closeTimeout = Duration.ofSeconds(5);
        private RetryPolicy retryPolicy = RetryPolicy.none();
        private RedirectPolicy redirects = RedirectPolicy.NORMAL;
        private Executor callbackExecutor;
        private EventListener eventListener = EventListener.NONE;
        private long maxResponseBytes = 64L << 20;
        private final Map<Origin, Politeness.Rate> rates = new HashMap<>();
        private Politeness.Rate defaultRate;
        private Duration maxHostPause = Duration.ofSeconds(60);
        private boolean adaptive;
        private CircuitBreakerPolicy circuitBreaker;
        private final List<Interceptor> interceptors = new ArrayList<>();
        private CookieHandler cookieJar;

        private Builder() {
        }

        /**
         * The transport, which Salvo now owns: {@link Salvo#close()} closes it too, so one
         * try-with-resources covers both:
         * {@code try (Salvo http = Salvo.newBuilder().transport(NettyTransport.create()).build())}.
         * Set its connect timeout on the transport itself.
         */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            this.ownsTransport = true;
            return this;
        }

        /**
         * A transport the caller keeps owning, for instance one shared by several clients: Salvo
         * never closes it; the caller closes it after every client that uses it.
         */
        public Builder sharedTransport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            this.ownsTransport = false;
            return this;
        }

        /** Most calls in flight at once, over all origins; default 64 (or {@code maxPerHost} if only that is set). */
        public Builder maxInFlight(int max) {
            this.maxInFlight = Arguments.requirePositive(max, "maxInFlight");
            return this;
        }

        /** Most calls in flight at once to one origin (scheme, host, port); default: {@code maxInFlight}. */
        public Builder maxPerHost(int max) {
            this.maxPerHost = Arguments.requirePositive(max, "maxPerHost");
            return this;
        }

        /**
         * Most calls waiting for a slot; a call that would have to wait beyond it fails with
         * {@link QueueFullException}. A call that can start at once is always accepted, and a
         * call already accepted (a retry, a redirect) is never refused. Default unbounded.
         */
        public Builder maxQueued(int max) {
            this.maxQueued = Arguments.requireNonNegative(max, "maxQueued");
            return this;
        }

        /** Default whole-call deadline: queue wait + headers + body, retries included; default 30 s. */
        public Builder deadline(Duration deadline) {
            this.deadline = Arguments.requirePositive(deadline, "deadline");
            return this;
        }

        /**
         * Connect timeout of the default JDK transport; default 10 s. A transport you pass has its
         * own: setting both fails at {@link #build()}.
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Arguments.requirePositive(timeout, "connectTimeout");
            return this;
        }

        /** How long {@link #close()} lets calls in flight finish before cancelling them; default 5 s. */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = Arguments.requireNonNegative(timeout, "closeTimeout");
            return this;
        }

        /** Default {@link RetryPolicy#none()}. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** Default {@link RedirectPolicy#NORMAL}. */
        public Builder redirects(RedirectPolicy policy) {
            this.redirects = Objects.requireNonNull(policy, "redirects");
            return this;
        }

        /**
         * Where chained stages, mappers and hooks run; by default one queue per client, drained in
         * order by a virtual thread that parks when idle (a stage that blocks for more than a few
         * milliseconds hands the queue to a new worker, so it never stalls other calls). Not shut
         * down by Salvo. A stage it refuses runs on a virtual thread of its own, never on the
         * transport's thread.
         */
        public Builder callbackExecutor(Executor executor) {
            this.callbackExecutor = Objects.requireNonNull(executor, "callbackExecutor");
            return this;
        }

        /** Receives every call's phases; added to SLF4J debug logging (logger {@code dev.salvo.client}). */
        public Builder eventListener(EventListener listener) {
            this.eventListener = Objects.requireNonNull(listener, "eventListener");
            return this;
        }

        /**
         * The most bytes a body read whole ({@code send(request)}, {@code gather}, batches) may have;
         * a larger one fails with {@link ResponseTooLargeException} before the memory is spent. Default
         * 64 MiB; a request can set its own ({@link Request.Builder#maxResponseBytes}).
         */
        public Builder maxResponseBytes(long max) {
            this.maxResponseBytes = Arguments.requirePositive(max, "maxResponseBytes");
            return this;
        }

        /**
         * At most {@code permitsPerSecond} calls a second start to {@code origin}, after a first
         * {@code burst} at once (a token bucket: over any t seconds at most {@code burst + permitsPerSecond × t}).
         * Each admission to the origin takes a permit (a retry, a redirect from another origin, not a
         * same-origin redirect hop). A call over the rate waits in the queue, where its deadline
         * applies; it is never refused for the rate. Overrides {@link #rateLimit(double, int)} for this origin.
         */
        public Builder rateLimit(Origin origin, double permitsPerSecond, int burst) {
            rates.put(Objects.requireNonNull(origin, "origin"), rate(permitsPerSecond, burst));
            return this;
        }

        /** As {@link #rateLimit(Origin, double, int)}, for every origin without a rate of its own; default none. */
        public Builder rateLimit(double permitsPerSecond, int burst) {
            this.defaultRate = rate(permitsPerSecond, burst);
            return this;
        }

        private static Politeness.Rate rate(double permitsPerSecond, int burst) {
            if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
                throw new IllegalArgumentException("permitsPerSecond must be positive and finite, got " + permitsPerSecond);
            }
            return new Politeness.Rate(permitsPerSecond, Arguments.requirePositive(burst, "burst"));
        }

        /**
         * A 429 or 503 with {@code Retry-After} (seconds or an HTTP date) pauses its origin's whole
         * queue until then, at most {@code maxPause}: calls already in flight go on, other origins are
         * unaffected, and the pause shows as {@link CallEvent.Phase#HOST_PAUSED} and
         * {@link CallEvent.Phase#HOST_RESUMED}. {@link Duration#ZERO} turns it off; default 60 s.
         */
        public Builder hostBackoff(Duration maxPause) {
            this.maxHostPause = Arguments.requireNonNegative(maxPause, "maxPause");
            return this;
        }

        /**
         * Per origin, a concurrency limit learnt from latency instead of the fixed {@code maxPerHost}
         * (which becomes its ceiling): it starts at 4, grows while latency stays flat and shrinks by a
         * tenth when a call takes more than 1.5 times the shortest latency seen (requests queue at the
         * host). Each move of the limit shows as {@link CallEvent.Phase#LIMIT_CHANGED}. Off by default.
         */
        public Builder adaptiveConcurrency(boolean on) {
            this.adaptive = on;
            return this;
        }

        /**
         * Adds an interceptor around every call (see {@link Interceptor}); the first added is the
         * outermost. Default none.
         */
        public Builder interceptor(Interceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Keeps cookies in {@code jar} (a {@link java.net.CookieManager}: RFC 6265's rules) and sends them
         * back: applied to every hop, so a cookie set by a redirect goes to its target. A request's own
         * {@code Cookie} header wins. Default none: no cookie is kept.
         */
        public Builder cookieJar(CookieHandler jar) {
            this.cookieJar = Objects.requireNonNull(jar, "cookieJar");
            return this;
        }

        /** A circuit breaker per origin (see {@link CircuitBreakerPolicy}); default none. */
        public Builder circuitBreaker(CircuitBreakerPolicy policy) {
            this.circuitBreaker = Objects.requireNonNull(policy, "circuitBreaker");
            return this;
        }

        /**
         * A new client.
         *
         * @throws IllegalArgumentException when a connect timeout is set together with a transport
         *                                  (it would be ignored: set it on the transport)
         */
        public Salvo build() {
            if (transport != null && connectTimeout != null) {
                throw new IllegalArgumentException("connectTimeout configures the default JDK transport only; "
                        + "set the connect timeout on the transport you passed (" + transport + ")");
            }
            return new Salvo(this);
        }

        EngineSettings settings() {
            int total = maxInFlight > 0 ? maxInFlight : Math.max(DEFAULT_LIMIT, maxPerHost);
            int perHost = maxPerHost > 0 ? maxPerHost : total;
            return new EngineSettings(transport, ownsTransport, total, perHost, maxQueued, deadline,
                    connectTimeout != null ? connectTimeout : Duration.ofSeconds(10), closeTimeout, retryPolicy,
                    redirects, callbackExecutor, eventListener,
                    new Politeness(rates, defaultRate, maxHostPause, adaptive, circuitBreaker), cookieJar);
        }
    }
}
