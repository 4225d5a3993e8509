package dev.salvo.client.spi;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodySubscriber;
import dev.salvo.client.CallEvent;
import dev.salvo.client.Headers;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.Flow;

/**
 * An exchange that reads the body whole into a {@link Response}: {@link Transport#execute(Request)}.
 * One future is handed out and one stage waits on the transport's; cancelling the future cancels the
 * transport's.
 */
final class BufferedExchange implements Exchange {
    private static final long DEFAULT_MAX_BYTES = 64L << 20;

    private final Request request;
    private final Result result = new Result();
    /** The buffered body and what to build the response from; set by {@link #responseHeaders}. */
    private volatile CompletableFuture<byte[]> body;
    private volatile int status;
    private volatile Headers headers;
    private volatile HttpVersion version;

    private BufferedExchange(Request request) {
        this.request = request;
    }

    /** The response once the exchange has ended (so its connection is free for the next call). */
    static CompletableFuture<Response> send(Transport transport, Request request) {
        BufferedExchange exchange = new BufferedExchange(request);
        CompletableFuture<Void> done = transport.execute(request, exchange);
        exchange.result.transport = done;
        if (exchange.result.isCancelled()) {
            done.cancel(true);
        }
        done.whenComplete((ignored, error) -> exchange.ended(error));
        return exchange.result;
    }

    /** The transport's future ended: the body's own failure (its limit) comes first, then the transport's. */
    private void ended(Throwable error) {
        CompletableFuture<byte[]> bytes = body;
        if (bytes == null || (error != null && !bytes.isCompletedExceptionally())) {
            result.completeExceptionally(error != null ? error
                    : new IllegalStateException("the transport ended the exchange without a response"));
        } else if (bytes.isDone()) {
            settle(bytes); // the usual case: the body completed before the transport's future
        } else {
            bytes.whenComplete((value, failure) -> settle(bytes));
        }
    }

    private void settle(CompletableFuture<byte[]> bytes) {
        if (bytes.state() == Future.State.SUCCESS) {
            result.complete(Response.of(request, status, headers, version, bytes.resultNow()));
        } else {
            result.completeExceptionally(bytes.isCancelled() ? new CancellationException("the body was cancelled")
                    : bytes.exceptionNow());
        }
    }

    /** The future handed out: cancelling it cancels the transport's exchange. */
    private static final class Result extends CompletableFuture<Response> {
        private volatile CompletableFuture<Void> transport;

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            CompletableFuture<Void> exchange = transport;
            if (cancelled && exchange != null) {
                exchange.cancel(true);
            }
            return cancelled;
        }
    }

    @Override
    public long requestId() {
        return 0;
    }

    /** Nobody hears the phases of a direct transport call. */
    @Override
    public boolean listensTo(CallEvent.Phase phase) {
        return false;
    }

    @Override
    public Flow.Subscriber<List<ByteBuffer>> responseHeaders(int status, Headers headers) {
        return responseHeaders(status, headers, HttpVersion.HTTP_1_1);
    }

    @Override
    public Flow.Subscriber<List<ByteBuffer>> responseHeaders(int status, Headers headers, HttpVersion version) {
        long max = request.maxResponseBytes().orElse(DEFAULT_MAX_BYTES);
        BodySubscriber<byte[]> subscriber = BodyHandler.ofBytes(max).apply(status, headers);
        this.status = status;
        this.headers = headers;
        this.version = version;
        body = subscriber.body().toCompletableFuture();
        return subscriber;
    }
}
