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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** An exchange that reads the body whole into a {@link Response}: {@link Transport#execute(Request)}. */
final class BufferedExchange implements Exchange {
    private static final long DEFAULT_MAX_BYTES = 64L << 20;

    private final Request request;
    private final CompletableFuture<Response> result = new CompletableFuture<>();
    private volatile CompletableFuture<Response> body;

    private BufferedExchange(Request request) {
        this.request = request;
    }

    /** The response once the exchange has ended (so its connection is free for the next call). */
    static CompletableFuture<Response> send(Transport transport, Request request) {
        BufferedExchange exchange = new BufferedExchange(request);
        CompletableFuture<Void> done = transport.execute(request, exchange);
        done.whenComplete((ignored, error) -> {
            CompletableFuture<Response> body = exchange.body;
            if (body != null && (error == null || body.isCompletedExceptionally())) {
                body.whenComplete((response, failure) -> { // the body's own failure (its limit) comes first
                    if (failure != null) {
                        exchange.result.completeExceptionally(failure);
                    } else {
                        exchange.result.complete(response);
                    }
                });
            } else {
                exchange.result.completeExceptionally(error != null ? error
                        : new IllegalStateException("the transport ended the exchange without a response"));
            }
        });
        exchange.result.whenComplete((response, error) -> {
            if (exchange.result.isCancelled()) {
                done.cancel(true);
            }
        });
        return exchange.result;
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
        body = subscriber.body().thenApply(bytes -> Response.of(request, status, headers, version, bytes)).toCompletableFuture();
        return subscriber;
    }
}
