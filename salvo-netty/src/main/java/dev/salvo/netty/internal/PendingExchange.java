package dev.salvo.netty.internal;

import dev.salvo.client.CallEvent;
import dev.salvo.client.Request;
import dev.salvo.client.spi.Exchange;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.CompletableFuture;

/**
 * One call through the transport: the future handed to the caller and the call's state in one
 * object, so a request costs one allocation here. Cancelling it, or failing it from outside
 * ({@code orTimeout}, a deadline), aborts the exchange: the connection it runs on is closed, or it
 * leaves the pool's queue. As a {@link Runnable} it starts itself on its connection's event loop.
 */
final class PendingExchange extends CompletableFuture<Void> implements Runnable {
    private static final int MAX_UNPROCESSED = 4;
    private final Request request;
    private final Exchange exchange;
    /** Whether anyone hears this call's connection phases (connect, TLS), its connection, and its writes. */
    private final boolean connecting;
    private final boolean acquiredHeard;
    private final boolean headersHeard;
    private final boolean writesHeard;
    private final boolean firstByteHeard;
    /** The pool it was given to; null until then. */
    private volatile OriginPool pool;
    /** The connection it runs on; null while it waits or connects. */
    private volatile Carrier handler;
    /** Set once it was sent again after a pooled connection turned out to be dead. */
    private volatile boolean retried;
    /** How often an HTTP/2 server went away (GOAWAY, REFUSED_STREAM) before processing it. */
    private int unprocessed;

    PendingExchange(Request request, Exchange exchange) {
        this.request = request;
        this.exchange = exchange;
        this.connecting = exchange.listensTo(CallEvent.Phase.CONNECT_START) || exchange.listensTo(CallEvent.Phase.TLS_START);
        this.acquiredHeard = exchange.listensTo(CallEvent.Phase.CONNECTION_ACQUIRED);
        this.headersHeard = exchange.listensTo(CallEvent.Phase.REQUEST_HEADERS_SENT);
        // a request without a body never reports REQUEST_BODY_SENT: no write listener for that phase alone
        this.writesHeard = headersHeard
                || !request.body().isEmpty() && exchange.listensTo(CallEvent.Phase.REQUEST_BODY_SENT);
        this.firstByteHeard = exchange.listensTo(CallEvent.Phase.RESPONSE_FIRST_BYTE);
    }

    Request request() {
        return request;
    }

    Exchange exchange() {
        return exchange;
    }

    /** Whether someone listens to the connect and TLS phases: the dialer then watches them. */
    boolean listensToConnecting() {
        return connecting;
    }

    /** Whether someone listens to DNS_START/END: only then the dialer resolves the name itself. */
    boolean listensToResolving() {
        return exchange.listensTo(CallEvent.Phase.DNS_START);
    }

    /** Whether someone listens to the request's writes: only then a write gets a promise and a listener. */
    boolean listensToWrites() {
        return writesHeard;
    }

    /** Whether someone listens to the response's first byte. */
    boolean listensToFirstByte() {
        return firstByteHeard;
    }

    /** Whether it still waits for a connection or a stream: not bound to one, not done. */
    boolean isWaiting() {
        return handler == null && !isDone();
    }

    /** Tells the exchange the transport reached {@code phase}, if someone listens and the call still runs. */
    void reached(CallEvent.Phase phase) {
        if (!isDone()) {
            exchange.reached(phase);
        }
    }

    /** Tells the exchange of its connection, if someone listens. */
    void acquired(boolean reused, int streamId) {
        if (acquiredHeard && !isDone()) {
            exchange.connectionAcquired(reused, streamId);
        }
    }

    /** Tells the exchange its request body went out whole, if someone listens and the call still runs. */
    void bodySent(long bytes) {
        if (writesHeard && !isDone()) {
            exchange.requestBodySent(bytes);
        }
    }

    /**
     * A listener for the write of the request's head: once written, reports REQUEST_HEADERS_SENT and,
     * when the same write carried the body's {@code inlineBodyBytes} (more than 0), REQUEST_BODY_SENT.
     * Only for a call that {@link #listensToWrites()}; others write with a void promise.
     */
    ChannelFutureListener headSent(long inlineBodyBytes) {
        return written -> {
            if (written.isSuccess()) {
                if (headersHeard) {
                    reached(CallEvent.Phase.REQUEST_HEADERS_SENT);
                }
                if (inlineBodyBytes > 0) {
                    bodySent(inlineBodyBytes);
                }
            }
        };
    }

    void enteredPool(OriginPool pool) {
        this.pool = pool;
    }

    /** Binds the call to the connection it will run on; {@link #run()} then starts it there. */
    void boundTo(Carrier handler) {
        this.handler = handler;
    }

    /** Whether this call may be sent once more after a reused connection died under it. */
    boolean mayRetry() {
        return !retried && request.isIdempotent() && request.body().isReplayable() && !isDone();
    }

    /**
     * Unbinds the call to send it again after a server declared it unprocessed; false (and nothing
     * changes) when its body cannot be sent twice or servers refused it too often already.
     */
    boolean resendUnprocessed() {
        if (isDone() || !request.body().isReplayable() || ++unprocessed > MAX_UNPROCESSED) {
            return false;
        }
        handler = null;
        return true;
    }

    void markRetried() {
        retried = true;
        handler = null;
    }

    @Override
    public void run() {
        handler.start(this);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return abortIf(super.cancel(mayInterruptIfRunning));
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        return abortIf(super.completeExceptionally(failure));
    }

    /** Aborts the exchange when this call has just ended from outside (or by a failure). */
    private boolean abortIf(boolean endedNow) {
        if (endedNow) {
            abort();
        }
        return endedNow;
    }

    private void abort() {
        Carrier running = handler;
        if (running != null) {
            running.abort(this);
            return;
        }
        OriginPool waitingIn = pool;
        if (waitingIn != null) {
            waitingIn.forget(this);
        }
    }

    /** Takes the oldest call from {@code queue} that is not done yet (skipping cancelled ones); null when none. */
    static PendingExchange pollLive(java.util.ArrayDeque<PendingExchange> queue) {
        PendingExchange call;
        while ((call = queue.pollFirst()) != null) {
            if (!call.isDone()) {
                return call;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "PendingExchange[#" + exchange.requestId() + ' ' + request + ", " + (isDone() ? "done" : "running") + ']';
    }
}
