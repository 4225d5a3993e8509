package dev.salvo.client.internal;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodyResponse;
import dev.salvo.client.Interceptor;
import dev.salvo.client.Outcome;
import dev.salvo.client.Request;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs a call through the client's interceptors, the first the outermost, down to the call itself
 * ({@link Terminal}: admission, attempts, retries, redirects). The returned future is a
 * {@link CallFuture}: its stages run on the callback executor, and cancelling it cancels the call the
 * chain is running (the latest, when an interceptor sent more than one). Thread-safe: immutable.
 */
public final class InterceptorChain {
    /** The call itself, under all interceptors. */
    public interface Terminal {
        <T> CompletableFuture<BodyResponse<T>> send(Request request, BodyHandler<T> handler);
    }

    private final List<Interceptor> interceptors;
    private final Terminal terminal;
    private final Executor callbacks;

    public InterceptorChain(List<Interceptor> interceptors, Terminal terminal, Executor callbacks) {
        this.interceptors = List.copyOf(interceptors);
        this.terminal = terminal;
        this.callbacks = callbacks;
    }

    public <T> CompletableFuture<BodyResponse<T>> send(Request request, BodyHandler<T> handler) {
        return send(request, handler, Function.identity());
    }

    /**
     * As {@link #send(Request, BodyHandler)}, the final response turned into the future's value by
     * {@code finish} (Salvo's own conversion: it runs on the thread completing the call, without a hop).
     */
    public <T, R> CompletableFuture<R> send(Request request, BodyHandler<T> handler, Function<BodyResponse<T>, R> finish) {
        CallFuture<R> outer = new CallFuture<>(callbacks);
        AtomicReference<CompletableFuture<?>> latest = new AtomicReference<>();
        CompletableFuture<BodyResponse<T>> inner;
        try {
            inner = step(0, outer, latest).proceed(request, handler);
        } catch (RuntimeException e) {
            inner = CompletableFuture.failedFuture(e);
        }
        BiConsumer<BodyResponse<T>, Throwable> completion = (response, error) -> {
            if (error != null) {
                outer.completeExceptionally(Outcome.unwrap(error));
            } else {
                outer.complete(finish.apply(response));
            }
        };
        if (inner instanceof CallFuture<BodyResponse<T>> call) {
            call.whenCompleteHere(completion); // no hop: the caller's stages on outer still run on the callback executor
        } else {
            inner.whenComplete(completion);
        }
        outer.onSettled(() -> {
            CompletableFuture<?> call = latest.get();
            if (call != null) {
                call.cancel(true); // a no-op for a call that completed
            }
        });
        return outer;
    }

    private Interceptor.Chain step(int index, CompletableFuture<?> outer, AtomicReference<CompletableFuture<?>> latest) {
        return new Interceptor.Chain() {
            @Override
            public <U> CompletableFuture<BodyResponse<U>> proceed(Request request, BodyHandler<U> handler) {
                if (index < interceptors.size()) {
                    return interceptors.get(index).intercept(request, handler, step(index + 1, outer, latest));
                }
                CompletableFuture<BodyResponse<U>> call = terminal.send(request, handler);
                latest.set(call);
                if (outer.isDone()) {
                    call.cancel(true);
                }
                return call;
            }
        };
    }
}
