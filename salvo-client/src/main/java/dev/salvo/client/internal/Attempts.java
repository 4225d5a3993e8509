package dev.salvo.client.internal;

import dev.salvo.client.CallEvent;
import dev.salvo.client.ClientClosedException;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.SalvoIOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the attempts of a call that holds a slot: hands each hop to the transport, follows
 * redirects within the slot, and decides retries (which give the slot back while they wait).
 * Thread-safe: each call has at most one attempt running.
 */
final class Attempts {
    private final CallEngine engine;
    private final ScheduledExecutorService timer;
    private final RedirectFollower redirects;
    private final RetryDecider retries;

    Attempts(CallEngine engine, ScheduledExecutorService timer) {
        this.engine = engine;
        this.timer = timer;
        this.redirects = new RedirectFollower(engine.settings.redirects());
        this.retries = new RetryDecider(engine.settings.retryPolicy());
    }

    /** Sends the call's current request. */
    void start(Call call) {
        if (call.isFinished()) {
            return;
        }
        engine.emit(call, CallEvent.Phase.STARTED, 0, null);
        CompletableFuture<Response> exchange;
        try {
            exchange = engine.transport.execute(call.current, call);
        } catch (RuntimeException e) {
            exchange = CompletableFuture.failedFuture(e);
        }
        call.inTransport = exchange;
        if (call.isFinished()) {
            exchange.cancel(true);
            return;
        }
        exchange.whenComplete((response, error) -> done(call, response, error));
    }

    private void done(Call call, Response response, Throwable error) {
        if (call.isFinished()) {
            return;
        }
        if (error != null) {
            Throwable failure = Failures.classify(error, call.current);
            if (failure instanceof CancellationException) {
                failure = new SalvoIOException("the transport cancelled the exchange: " + call.describe(), failure);
            }
            Duration wait = retries.afterFailure(call, failure);
            if (wait != null) {
                retryLater(call, wait, failure);
            } else {
                engine.fail(call, failure);
            }
            return;
        }
        Request next = redirects.next(call.current, response, call.hops);
        if (next != null) {
            boolean sameOrigin = next.origin().equals(call.current.origin());
            call.hops++;
            if (sameOrigin) {
                call.current = next;
                start(call);
            } else {
                // the next hop counts against the new origin's limit, not the old one's
                engine.releaseSlot(call);
                call.current = next;
                engine.enqueue(call, true);
            }
            return;
        }
        Duration wait = retries.afterResponse(call, response);
        if (wait != null) {
            retryLater(call, wait, null);
        } else {
            engine.succeed(call, response);
        }
    }

    private void retryLater(Call call, Duration wait, Throwable lastFailure) {
        engine.releaseSlot(call);
        try {
            call.retryTimer = timer.schedule(() -> {
                if (!call.isFinished()) {
                    call.attempt++;
                    call.hops = 0;
                    call.current = call.original;
                    engine.enqueue(call, true);
                }
            }, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            engine.fail(call, new ClientClosedException("client closed before retrying " + call.describe()
                    + (lastFailure == null ? "" : " after: " + lastFailure.getMessage())));
            return;
        }
        if (call.isFinished()) {
            call.retryTimer.cancel(false);
        }
    }
}
