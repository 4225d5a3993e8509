package dev.salvo.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The shape shared by the subscribers that ask for the whole body at once and make one value of it
 * (bytes in memory, a file): the value's future, nothing taken once it is settled, and a failure of
 * their own (too large, a disk error) that settles it first, so the call ends with that failure, then
 * aborts the exchange. Signals are serial (the transport's contract).
 *
 * @param <T> the body's value
 */
abstract class WholeBodySubscriber<T> implements BodySubscriber<T> {
    /** The value; completed by the subclass in {@code onComplete}, failed in {@code onError}. */
    final CompletableFuture<T> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    @Override
    public final void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (start()) {
            subscription.request(Long.MAX_VALUE);
        }
    }

    /** Gets ready for the body; false when it cannot be taken (after {@link #failAndCancel}). */
    abstract boolean start();

    @Override
    public final void onNext(List<ByteBuffer> buffers) {
        if (!body.isDone()) {
            take(buffers);
        }
    }

    /** The next buffers of the body, while the value is not settled. */
    abstract void take(List<ByteBuffer> buffers);

    /** Fails the value with {@code failure}, then aborts the exchange. */
    final void failAndCancel(IOException failure) {
        body.completeExceptionally(failure);
        subscription.cancel();
    }

    @Override
    public final CompletionStage<T> body() {
        return body;
    }
}
