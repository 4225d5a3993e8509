package dev.salvo.client;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@link Interceptors#bearerAuth}: the current token, refreshed when a call gets a 401. Thread-safe: the
 * token is one atomic reference; two calls that get a 401 together may both ask for a new one.
 */
final class BearerAuth implements Interceptor {
    private final Supplier<String> tokens;
    private final AtomicReference<String> current = new AtomicReference<>();

    BearerAuth(Supplier<String> tokens) {
        this.tokens = tokens;
    }

    @Override
    public <T> CompletableFuture<BodyResponse<T>> intercept(Request request, BodyHandler<T> handler, Chain chain) {
        if (request.headers().first("Authorization").isPresent()) {
            return chain.proceed(request, handler);
        }
        String token = token(null);
        // a 401's body is not the caller's: it is dropped, and the call goes again with a fresh token
        BodyHandler<T> first = (status, headers) -> status == 401 ? dropped() : handler.apply(status, headers);
        return chain.proceed(with(request, token), first).thenCompose(response -> response.status() != 401
                ? CompletableFuture.completedFuture(response)
                : chain.proceed(with(request, token(token)), handler));
    }

    /** The token to send: the kept one, or a new one when there is none or {@code stale} was refused. */
    private String token(String stale) {
        String now = current.get();
        if (now != null && !now.equals(stale)) {
            return now;
        }
        String fresh = tokens.get();
        if (fresh == null || fresh.isBlank() || fresh.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalStateException("the bearer token supplier gave no usable token (blank or not visible ASCII)");
        }
        current.set(fresh);
        return fresh;
    }

    private static Request with(Request request, String token) {
        return Interceptors.withAuthorization(request, "Bearer " + token);
    }

    /** Reads a body and drops it; its value is null. */
    private static <T> BodySubscriber<T> dropped() {
        DiscardingSubscriber discarding = new DiscardingSubscriber();
        return new BodySubscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                discarding.onSubscribe(subscription);
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                discarding.onNext(buffers);
            }

            @Override
            public void onError(Throwable failure) {
                discarding.onError(failure);
            }

            @Override
            public void onComplete() {
                discarding.onComplete();
            }

            @Override
            public CompletionStage<T> body() {
                return discarding.body().thenApply(bytes -> null);
            }
        };
    }

    @Override
    public String toString() {
        return "bearerAuth";
    }
}
