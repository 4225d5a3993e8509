package dev.salvo.client.internal;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.CallEvent;
import dev.salvo.client.ClientClosedException;
import dev.salvo.client.DeadlineExceededException;
import dev.salvo.client.EventListener;
import dev.salvo.client.Headers;
import dev.salvo.client.Outcome;
import dev.salvo.client.PoolStats;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.ResponseMapper;
import dev.salvo.client.SalvoIOException;
import dev.salvo.client.Transports;
import dev.salvo.client.spi.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machinery behind {@code Salvo}: admits calls through the {@link Dispatcher}, runs their
 * attempts ({@link Attempts}), enforces deadlines, and ends every call exactly once: the slot is
 * freed first, then the future completes on the callback executor. A call whose body is handed over
 * unread (a stream) completes its future first and frees its slot when the body is read, closed or
 * cancelled, or when the deadline or {@code close()} ends it.
 */
public final class CallEngine {
    private static final Logger log = LoggerFactory.getLogger("dev.salvo.client");

    final Transport transport;
    final EngineSettings settings;
    private final boolean ownsTransport;
    private final Dispatcher dispatcher;
    private final ScheduledThreadPoolExecutor timer;
    private final DeadlineWheel deadlines;
    private final Executor callbacks;
    private final CallbackLane ownedCallbacks;
    private final EventListener listener;
    /** By phase ordinal: whether the listener wants it. */
    private final boolean[] wanted;
    final Attempts attempts;
    private final Function<Request, BodyHandler<byte[]>> buffered;
    private final Finisher<byte[], Response> responses;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean listenerFailed = new AtomicBoolean();

    /**
     * @param buffered  the handler that reads a body whole for {@link #send(Request)} (it holds the limit)
     * @param responses how such a body becomes a {@link Response}
     */
    public CallEngine(EngineSettings settings, Function<Request, BodyHandler<byte[]>> buffered,
            Finisher<byte[], Response> responses) {
        this.settings = settings;
        this.buffered = buffered;
        this.responses = responses;
        this.ownsTransport = settings.transport() == null || settings.ownsTransport();
        this.transport = settings.transport() == null ? Transports.jdk(settings.connectTimeout()) : settings.transport();
        // retry waits and the dispatcher's wake-ups (rates, pauses); the thread starts with the first
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("salvo-retry-", 0).daemon().factory());
        this.timer.setRemoveOnCancelPolicy(true);
        this.dispatcher = new Dispatcher(settings.maxInFlight(), settings.maxPerHost(), settings.maxQueued(),
                settings.politeness(), timer, this::woke);
        this.deadlines = new DeadlineWheel("salvo-deadlines", call -> fail(call, deadlineExceeded(call)));
        this.ownedCallbacks = settings.callbackExecutor() == null ? new CallbackLane("salvo-callback") : null;
        Executor base = ownedCallbacks != null ? ownedCallbacks : settings.callbackExecutor();
        // after close, or when the user's executor refuses a task, the stage still runs off the
        // completing thread (which may be an I/O thread): on a virtual thread of its own
        this.callbacks = task -> {
            try {
                base.execute(task);
            } catch (RejectedExecutionException e) {
                log.debug("[{}] callback executor refused a stage; running it on a virtual thread",
                        Thread.currentThread().getName());
                Thread.ofVirtual().name("salvo-callback-fallback").start(task);
            }
        };
        this.listener = log.isDebugEnabled() ? new CallLogger(log).andThen(settings.eventListener())
                : settings.eventListener();
        this.wanted = new boolean[CallEvent.Phase.values().length];
        for (CallEvent.Phase phase : CallEvent.Phase.values()) {
            wanted[phase.ordinal()] = listener.wants(phase);
        }
        this.attempts = new Attempts(this, timer);
    }

    /** Sends {@code request} and reads the response whole, within the request's or the client's limit. */
    public CompletableFuture<Response> send(Request request) {
        return send(request, buffered.apply(request), responses);
    }

    /** Sends {@code request}; the final response's body goes to {@code handler}, then through {@code finisher}. */
    public <T, R> CompletableFuture<R> send(Request request, BodyHandler<T> handler, Finisher<T, R> finisher) {
        long now = System.nanoTime();
        Duration deadline = request.deadline().orElse(settings.deadline());
        CallFuture<R> future = new CallFuture<>(callbacks);
        Call call = new Call(this, ids.incrementAndGet(), request, now, now + deadline.toNanos(),
                new Delivery<>(handler, finisher, future));
        call.result.onSettled(() -> onResultCompleted(call));
        emit(call, CallEvent.Phase.QUEUED, 0, null);
        if (closed.get()) {
            fail(call, new ClientClosedException("client is closed; not sending " + call.describe()));
            return future;
        }
        deadlines.add(call);
        enqueue(call, false);
        return future;
    }

    /** Sends {@code request} and maps the response on the callback executor ({@link #mapped}). */
    public <T> CompletableFuture<T> sendMapped(Request request, ResponseMapper<T> mapper) {
        return mapped(request, send(request), mapper);
    }

    /**
     * The future of {@code source}'s response mapped by {@code mapper}, for every path a call takes
     * (straight to the engine, or through the interceptor chain). The mapper runs on the callback
     * executor, never on the thread completing the call; what it throws fails the returned future as
     * it is (no {@code CompletionException} around it), as does the call's own failure. Cancelling
     * (or completing) the returned future cancels {@code source} before {@code cancel} returns, so a
     * call's slot is free by then.
     */
    public <T> CompletableFuture<T> mapped(Request request, CompletableFuture<Response> source, ResponseMapper<T> mapper) {
        CallFuture<T> mapped = new CallFuture<>(callbacks);
        // on the callback executor whatever future source is: so is the mapper
        source.whenCompleteAsync((response, error) -> {
            if (error != null) {
                mapped.completeExceptionally(Outcome.unwrap(error));
                return;
            }
            try {
                mapped.complete(mapper.map(response));
            } catch (Throwable t) {
                log.debug("[{}] mapper failed for {}: {}", Thread.currentThread().getName(), request, t.toString());
                mapped.completeExceptionally(t);
            }
        }, callbacks);
        // cancelled (or completed) from outside: the call ends, its slot free before cancel() returns
        mapped.onSettled(() -> source.cancel(true));
        return mapped;
    }

    /**
     * Puts a call into the dispatcher under its current request's origin.
     *
     * @param readmit true when the call was admitted before (back from a retry wait, or moved by a
     *                cross-origin redirect): it is never refused for the queue bound
     */
    void enqueue(Call call, boolean readmit) {
        List<Call> toStart = new ArrayList<>(2);
        try {
            dispatcher.enqueue(call, readmit, toStart);
        } catch (SalvoIOException e) {
            fail(call, e);
        }
        startAll(toStart);
    }

    /** Frees a call's slot while it waits to be retried or moves to another origin's limit. */
    void releaseSlot(Call call, Breaker.Verdict verdict) {
        List<Call> toStart = new ArrayList<>(2);
        dispatcher.abandon(call, verdict, toStart);
        reportLimit(call);
        startAll(toStart);
    }

    /** Tells the listener when the slot {@code call} just gave back moved its origin's adaptive limit. */
    private void reportLimit(Call call) {
        int limit = call.limitMoved;
        if (limit != 0) {
            call.limitMoved = 0;
            emit(call, CallEvent.Phase.LIMIT_CHANGED, 0, null, limit, "");
        }
    }

    /**
     * A 429 or 503 with a Retry-After: pauses the call's origin (its queue, not its calls in flight)
     * for as long as it says, at most the client's {@code hostBackoff}.
     */
    void hostBusy(Call call, int status, Headers headers) {
        Duration max = settings.politeness().maxPause();
        Optional<Duration> wait = headers.first("Retry-After").flatMap(RetryDecider::parseRetryAfter);
        if (max.isZero() || wait.isEmpty()) {
            return;
        }
        Duration pause = wait.get().compareTo(max) > 0 ? max : wait.get();
        if (dispatcher.pause(call, pause.toNanos())) {
            emit(call, CallEvent.Phase.HOST_PAUSED, status, null);
        }
    }

    private void woke(List<Call> toStart, Call resumedBy) {
        if (resumedBy != null) {
            emit(resumedBy, CallEvent.Phase.HOST_RESUMED, 0, null);
        }
        startAll(toStart);
    }

    private void startAll(List<Call> toStart) {
        for (Call call : toStart) {
            if (call.refusal != null) {
                fail(call, call.refusal);
            } else {
                attempts.start(call);
            }
        }
    }

    /**
     * The handler's value for the final response is ready (or its body failed). A value made after
     * the whole body (bytes, a file, a count) completes the future once the exchange has ended too:
     * slot freed, then the future completed, so waiters wake at once and dependent stages run on the
     * callback executor ({@link CallFuture}). A value handed over before the body was read (a stream)
     * completes the future now; the slot waits for the body ({@link #release}).
     */
    void bodyReady(Call call, BodyTap tap, Throwable error, Runnable completion) {
        if (call.isFinished() || call.tap != tap) {
            return;
        }
        if (error != null) {
            if (!tap.failedByTransport()) {
                fail(call, Outcome.unwrap(error)); // the handler's own failure: the limit, the disk, a cut gzip body
            }
            return; // a transport failure reaches Attempts through the exchange's future
        }
        boolean bodyRead = tap.ended();
        synchronized (call) {
            if (bodyRead && !call.exchangeDone) {
                call.ready = completion;
                return;
            }
            call.delivered = !bodyRead;
        }
        if (!bodyRead) {
            completion.run();
            call.handedOver();
        } else if (end(call, CallEvent.Phase.COMPLETED, call.status, null)) {
            completion.run();
        }
    }

    /** The exchange of a call's final response ended well: completes the call once its value is ready. */
    void exchangeEnded(Call call) {
        Runnable completion;
        synchronized (call) {
            completion = call.ready;
            if (completion == null) {
                call.exchangeDone = true;
                return;
            }
        }
        if (end(call, CallEvent.Phase.COMPLETED, call.status, null)) {
            completion.run();
        }
    }

    /** A streamed body was read to the end, closed or cancelled: frees the slot of a completed future. */
    void release(Call call) {
        end(call, CallEvent.Phase.COMPLETED, call.status, null);
    }

    /** Ends a call with a failure, aborting whatever part of it still runs (a body being read sees it). */
    void fail(Call call, Throwable failure) {
        BodyTap tap = call.tap;
        if (tap != null && !call.isFinished()) {
            tap.abort(failure); // first, so a stream's reader sees this failure, not the transport's abort
        }
        if (end(call, CallEvent.Phase.FAILED, 0, failure)) {
            call.result.completeExceptionally(failure);
        }
    }

    /**
     * Ends a call exactly once: stops its work, reports its last phase, then frees its slot (so a
     * listener never sees more than the limit running) and starts what the slot lets in.
     */
    private boolean end(Call call, CallEvent.Phase phase, int status, Throwable failure) {
        if (!call.claimFinish()) {
            return false;
        }
        deadlines.remove(call);
        call.stopWork();
        emit(call, phase, status, failure);
        List<Call> toStart = new ArrayList<>(2);
        dispatcher.abandon(call, Breaker.verdictOf(status, failure), toStart);
        reportLimit(call);
        startAll(toStart);
        return true;
    }

    /**
     * The future was completed from outside (cancel, or a user's complete): clean up. A future
     * completed with a stream ({@code delivered}) is not: its call ends with the body.
     */
    private void onResultCompleted(Call call) {
        if (!call.isFinished() && !call.delivered) {
            end(call, CallEvent.Phase.FAILED, 0, new CancellationException("completed from outside: " + call.describe()));
        }
    }

    private static DeadlineExceededException deadlineExceeded(Call call) {
        Duration deadline = Duration.ofNanos(call.deadlineNanos - call.queuedAtNanos);
        String where = switch (call.slot) {
            case QUEUED -> "while queued";
            case RUNNING -> "while in flight (attempt " + call.attempt + ")";
            case NONE -> "while waiting to retry";
        };
        return new DeadlineExceededException("deadline of " + format(deadline) + " passed " + where + ": "
                + call.describe());
    }

    static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Whether {@code phase} goes anywhere: the listener (or the debug/trace log) wants it. */
    boolean listening(CallEvent.Phase phase) {
        return wanted[phase.ordinal()];
    }

    /** The phases a transport reports ({@code Exchange.reached}, {@code connectionAcquired}, {@code requestBodySent}). */
    static boolean reportedByTransport(CallEvent.Phase phase) {
        return phase.isTransportPhase() || phase == CallEvent.Phase.CONNECTION_ACQUIRED
                || phase == CallEvent.Phase.REQUEST_BODY_SENT;
    }

    void emit(Call call, CallEvent.Phase phase, int status, Throwable failure) {
        emit(call, phase, status, failure, 0, "");
    }

    /**
     * Tells the listener; allocates nothing when there is none. What a listener throws is logged (a
     * warning the first time, at debug after that) and the call goes on.
     */
    void emit(Call call, CallEvent.Phase phase, int status, Throwable failure, long value, String detail) {
        if (!wanted[phase.ordinal()]) {
            return;
        }
        try {
            listener.onEvent(new CallEvent(phase, call.id, call.current, System.nanoTime(), call.eventAttempt(), status,
                    Optional.ofNullable(failure), value, detail));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            if (listenerFailed.compareAndSet(false, true)) {
                log.warn("event listener failed on {} of {} (further failures are logged at debug)", phase,
                        call.describe(), e);
            } else {
                log.debug("event listener failed on {} of {}: {}", phase, call.describe(), e.toString());
            }
        }
    }

    public int inFlight() {
        return dispatcher.inFlight();
    }

    public int queued() {
        return dispatcher.queued();
    }

    /** The transport's pools now. */
    public List<PoolStats> poolStats() {
        return transport.poolStats();
    }

    public Executor callbackExecutor() {
        return callbacks;
    }

    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Call call : dispatcher.closeAndDrain()) {
            fail(call, new ClientClosedException("client closed before the call started: " + call.describe()));
        }
        boolean idle;
        try {
            idle = dispatcher.awaitIdle(settings.closeTimeout().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        // every call not yet ended has its deadline armed (one that is expiring right now ends by it)
        for (Call call : deadlines.armed()) {
            fail(call, new ClientClosedException((idle ? "client closed while the call waited to retry: "
                    : "client closed; close timeout of " + format(settings.closeTimeout()) + " passed: ")
                    + call.describe()));
        }
        timer.shutdownNow();
        deadlines.close();
        if (ownsTransport) {
            transport.close();
        }
        if (ownedCallbacks != null) {
            ownedCallbacks.close();
        }
    }
}
