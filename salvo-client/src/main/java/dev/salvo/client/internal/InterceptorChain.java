package dev.salvo.client.internal;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodyResponse;
import dev.salvo.client.Interceptor;
import dev.salvo.client.Outcome;
import dev.salvo.client.Request;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Runs a call through the client's interceptors, the first the outermost, down to the call itself
 * ({@link Terminal}: admission, attempts, retries, redirects). The returned future is a
 * {@link CallFuture}: its stages run on the callback executor, and cancelling it cancels the call the
 * chain is running (the latest, when an interceptor sent more than one). When the interceptors hand
 * the call's own future back unchanged (the usual pass-through), {@link #send(Request, BodyHandler)}
 * returns that future itself, with no second one around it. Thread-safe: immutable.
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
        Run run = new Run();
        CompletableFuture<BodyResponse<T>> inner = run.start(request, handler);
        if (inner == run.latest) {
            return inner; // the call's own future: cancelling it cancels the latest call, as the outer would
        }
        return run.around(inner, Function.identity());
    }

    /**
     * As {@link #send(Request, BodyHandler)}, the final response turned into the future's value by
     * {@code finish} (Salvo's own conversion: it runs on the thread completing the call, without a hop).
     */
    public <T, R> CompletableFuture<R> send(Request request, BodyHandler<T> handler, Function<BodyResponse<T>, R> finish) {
        Run run = new Run();
        return run.around(run.start(request, handler), finish);
    }

    /**
     * One call through the chain: the latest call it runs and, once made, the future handed out in its
     * place (null while the chain runs its first, synchronous part, and for good when the call's own
     * future is handed out). A call started after that future settled is cancelled at once.
     */
    private final class Run {
        volatile CompletableFuture<?> latest;
        volatile CallFuture<?> outer;

        <T> CompletableFuture<BodyResponse<T>> start(Request request, BodyHandler<T> handler) {
            try {
                return step(0).proceed(request, handler);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        <T, R> CompletableFuture<R> around(CompletableFuture<BodyResponse<T>> inner, Function<BodyResponse<T>, R> finish) {
            CallFuture<R> future = new CallFuture<>(callbacks);
            future.onSettled(() -> {
                CompletableFuture<?> call = latest;
                if (call != null) {
                    call.cancel(true); // a no-op for a call that completed
                }
            });
            outer = future;
            if (inner instanceof CallFuture<BodyResponse<T>> call) {
                // no hop: the caller's stages on the returned future still run on the callback executor
                call.whenCompleteHere((response, error) -> settle(future, response, error, finish));
            } else {
                inner.whenComplete((response, error) -> settle(future, response, error, finish));
            }
            return future;
        }

        private <T, R> void settle(CallFuture<R> future, BodyResponse<T> response, Throwable error,
                Function<BodyResponse<T>, R> finish) {
            if (error != null) {
                future.completeExceptionally(Outcome.unwrap(error));
            } else {
                future.complete(finish.apply(response));
            }
        }

        private Interceptor.Chain step(int index) {
            return new Interceptor.Chain() {
                @Override
                public <U> CompletableFuture<BodyResponse<U>> proceed(Request request, BodyHandler<U> handler) {
                    if (index < interceptors.size()) {
                        return interceptors.get(index).intercept(request, handler, step(index + 1));
                    }
                    CompletableFuture<BodyResponse<U>> call = terminal.send(request, handler);
                    latest = call;
                    CallFuture<?> handedOut = outer;
                    if (handedOut != null && handedOut.isDone()) {
                        call.cancel(true);
                    }
                    return call;
                }
            };
        }
    }
}
