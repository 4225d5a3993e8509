package dev.salvo.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The future {@code send} returns. It may be completed on a transport's I/O thread — so a caller
 * blocked in {@code join()} wakes at once, with no hand-off — but every dependent stage a caller
 * attaches ({@code thenApply}, {@code whenComplete}, …) runs on the client's callback executor,
 * never on that I/O thread; so do the stages derived from it. Thread-safe, as any
 * CompletableFuture.
 */
public final class CallFuture<T> extends CompletableFuture<T> {
    private final Executor executor;
    private volatile Runnable onSettled;

    public CallFuture(Executor executor) {
        this.executor = executor;
    }

    /**
     * Runs {@code action} on the completing thread, not the callback executor: for Salvo's own
     * hand-offs that run no user code (the interceptor chain completing its outer future).
     */
    void whenCompleteHere(BiConsumer<? super T, ? super Throwable> action) {
        super.whenComplete(action);
    }

    /**
     * Runs {@code hook} on the thread that cancels or completes this future, before that
     * {@code cancel}/{@code complete} returns: for Salvo's own bookkeeping (freeing a slot when a
     * caller cancels). On {@code cancel} it runs before the future changes state, so no dependent
     * stage (which another thread may help to run) can get ahead of it. Set once, before the
     * future is handed out.
     */
    void onSettled(Runnable hook) {
        this.onSettled = hook;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (!isDone()) {
            settled();
        }
        return super.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean complete(T value) {
        boolean completed = super.complete(value);
        if (completed) {
            settled();
        }
        return completed;
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        boolean completed = super.completeExceptionally(failure);
        if (completed) {
            settled();
        }
        return completed;
    }

    private void settled() {
        Runnable hook = onSettled;
        if (hook != null) {
            hook.run();
        }
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CallFuture<>(executor);
    }

    @Override
    public Executor defaultExecutor() {
        return executor;
    }

    @Override
    public <U> CompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
        return thenApplyAsync(fn, executor);
    }

    @Override
    public CompletableFuture<Void> thenAccept(Consumer<? super T> action) {
        return thenAcceptAsync(action, executor);
    }

    @Override
    public CompletableFuture<Void> thenRun(Runnable action) {
        return thenRunAsync(action, executor);
    }

    @Override
    public <U, V> CompletableFuture<V> thenCombine(CompletionStage<? extends U> other,
            BiFunction<? super T, ? super U, ? extends V> fn) {
        return thenCombineAsync(other, fn, executor);
    }

    @Override
    public <U> CompletableFuture<Void> thenAcceptBoth(CompletionStage<? extends U> other,
            BiConsumer<? super T, ? super U> action) {
        return thenAcceptBothAsync(other, action, executor);
    }

    @Override
    public CompletableFuture<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
        return runAfterBothAsync(other, action, executor);
    }

    @Override
    public <U> CompletableFuture<U> applyToEither(CompletionStage<? extends T> other, Function<? super T, U> fn) {
        return applyToEitherAsync(other, fn, executor);
    }

    @Override
    public CompletableFuture<Void> acceptEither(CompletionStage<? extends T> other, Consumer<? super T> action) {
        return acceptEitherAsync(other, action, executor);
    }

    @Override
    public CompletableFuture<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
        return runAfterEitherAsync(other, action, executor);
    }

    @Override
    public <U> CompletableFuture<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
        return thenComposeAsync(fn, executor);
    }

    @Override
    public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
        return whenCompleteAsync(action, executor);
    }

    @Override
    public <U> CompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
        return handleAsync(fn, executor);
    }

    @Override
    public CompletableFuture<T> exceptionally(Function<Throwable, ? extends T> fn) {
        return exceptionallyAsync(fn, executor);
    }

    @Override
    public CompletableFuture<T> exceptionallyCompose(Function<Throwable, ? extends CompletionStage<T>> fn) {
        return exceptionallyComposeAsync(fn, executor);
    }
}
