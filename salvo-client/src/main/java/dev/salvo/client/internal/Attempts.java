package dev.salvo.client.internal;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodyNotReplayableException;
import dev.salvo.client.CallEvent;
import dev.salvo.client.ClientClosedException;
import dev.salvo.client.DeadlineExceededException;
import dev.salvo.client.Headers;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.SalvoIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the attempts of a call that holds a slot: hands each hop to the transport, decides when the
 * headers arrive whether this response is followed (redirect), retried or delivered (its body then
 * goes to the caller's handler, otherwise it is drained), and follows up when the exchange ends. A
 * retry gives the slot back while it waits. Thread-safe: each call has at most one attempt running.
 */
final class Attempts {
    private static final byte[] NO_BYTES = new byte[0];

    private final CallEngine engine;
    private final ScheduledExecutorService timer;
    private final RedirectFollower redirects;
    private final RetryDecider retries;
    /** Null when the client has no cookie jar. */
    private final CookieHop cookies;

    Attempts(CallEngine engine, ScheduledExecutorService timer) {
        this.engine = engine;
        this.timer = timer;
        this.redirects = new RedirectFollower(engine.settings.redirects());
        this.retries = new RetryDecider(engine.settings.retryPolicy());
        this.cookies = engine.settings.cookieJar() == null ? null : new CookieHop(engine.settings.cookieJar());
    }

    /** Sends the call's current request. */
    void start(Call call) {
        if (call.isFinished()) {
            return;
        }
        call.resetAttempt();
        engine.emit(call, CallEvent.Phase.STARTED, 0, null);
        CompletableFuture<Void> exchange;
        try {
            exchange = engine.transport.execute(cookies == null ? call.current : cookies.outgoing(call.current), call);
        } catch (RuntimeException e) {
            exchange = CompletableFuture.failedFuture(e);
        }
        call.inTransport = exchange;
        if (call.isFinished()) {
            exchange.cancel(true);
            return;
        }
        Duration idle = call.current.bodyIdleTimeout().orElse(null);
        if (idle != null) {
            watchHead(call, exchange, idle);
        }
        exchange.whenComplete((ignored, error) -> done(call, error));
    }

    /** The idle timeout's first part: the attempt's response head must come within {@code idle}. */
    private void watchHead(Call call, CompletableFuture<Void> exchange, Duration idle) {
        try {
            call.headCheck = timer.schedule(() -> {
                if (call.inTransport == exchange && call.tap == null && !call.isFinished()) {
                    engine.fail(call, new DeadlineExceededException("no response head within "
                            + CallEngine.format(idle) + " (idle timeout): " + call.describe()));
                }
            }, idle.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // the client is closing: close() ends the call
        }
    }

    /** The headers of the current attempt arrived: where its body goes. On the transport's thread. */
    Flow.Subscriber<List<ByteBuffer>> onHeaders(Call call, int status, Headers headers) {
        ScheduledFuture<?> headCheck = call.headCheck;
        if (headCheck != null) {
            headCheck.cancel(false);
        }
        Request current = call.current;
        if (cookies != null) {
            cookies.incoming(current, headers);
        }
        if (status == 429 || status == 503) {
            engine.hostBusy(call, status, headers);
        }
        if ((status >= 300 && status < 400) || retries.retriesStatus(status)) {
            Response head = Response.of(current, status, headers, NO_BYTES);
            Request next = redirects.next(current, head, call.hops);
            if (next != null) {
                call.nextHop = next;
                return drain(status, headers);
            }
            Duration wait = retries.afterResponse(call, head);
            if (wait != null) {
                call.retryWait = wait;
                return drain(status, headers);
            }
        }
        try {
            BodyTap tap = call.delivery.start(call, current, status, headers, current.bodyIdleTimeout().orElse(null));
            call.tap = tap;
            tap.watchIdle(timer);
            return tap;
        } catch (RuntimeException e) {
            engine.fail(call, e); // the caller's handler threw: misuse, reported as it is
            return drain(status, headers);
        }
    }

    private static Flow.Subscriber<List<ByteBuffer>> drain(int status, Headers headers) {
        return BodyHandler.discarding().apply(status, headers);
    }

    /** The current exchange ended: its body was read, closed or cancelled, or it failed. */
    private void done(Call call, Throwable error) {
        if (call.isFinished()) {
            return;
        }
        if (call.delivered) {
            // a stream the caller read to the end, closed or cancelled (its failure went to the stream)
            engine.release(call);
            return;
        }
        if (error == null && call.nextHop != null) {
            follow(call, call.nextHop);
            return;
        }
        if (error == null && call.retryWait != null) {
            retryLater(call, call.retryWait, null);
            return;
        }
        if (error == null) {
            engine.exchangeEnded(call);
            return;
        }
        Throwable failure = Failures.classify(error, call.current);
        if (failure instanceof CancellationException) {
            failure = new SalvoIOException("the transport cancelled the exchange: " + call.describe(), failure);
        }
        BodyTap tap = call.tap;
        if (tap != null) {
            tap.abort(failure); // a transport that failed without telling the body: tell it now
        }
        Duration wait = retries.afterFailure(call, failure);
        if (wait != null) {
            retryLater(call, wait, failure);
        } else {
            engine.fail(call, failure);
        }
    }

    private void follow(Call call, Request next) {
        if (!next.body().isEmpty() && !next.body().isReplayable()) {
            engine.fail(call, new BodyNotReplayableException("redirect to " + next.uri() + " would send the request "
                    + "body again, and it is a single InputStream: " + call.describe(), null));
            return;
        }
        call.hops++;
        engine.emit(call, CallEvent.Phase.REDIRECT_FOLLOWED, call.status, null, 0, next.uri().toString());
        if (next.origin().equals(call.current.origin())) {
            call.current = next;
            start(call);
        } else {
            // the next hop counts against the new origin's limit, not the old one's
            engine.releaseSlot(call, Breaker.Verdict.SUCCESS);
            call.current = next;
            engine.enqueue(call, true);
        }
    }

    private void retryLater(Call call, Duration wait, Throwable lastFailure) {
        if (!call.original.body().isEmpty() && !call.original.body().isReplayable()) {
            engine.fail(call, new BodyNotReplayableException("not retrying " + call.describe() + ": its request body "
                    + "is a single InputStream, already sent" + (lastFailure == null ? " (status " + call.status + ')'
                    : "; attempt " + call.attempt + " failed: " + lastFailure.getMessage()), lastFailure));
            return;
        }
        engine.emit(call, CallEvent.Phase.RETRY_SCHEDULED, lastFailure == null ? call.status : 0, lastFailure,
                wait.toNanos(), "");
        engine.releaseSlot(call, Breaker.verdictOf(call.status, lastFailure));
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
