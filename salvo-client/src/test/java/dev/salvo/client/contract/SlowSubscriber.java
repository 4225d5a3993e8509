package dev.salvo.client.contract;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A body subscriber that asks for one piece and then only for what the test asks for
 * ({@link #request}), counting the bytes it gets: a consumer that falls behind. Thread-safe.
 */
public final class SlowSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
    private final CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
    private final CompletableFuture<Long> ended = new CompletableFuture<>();
    private final AtomicLong received = new AtomicLong();

    /** Subscribes a new one to {@code body}. */
    public static SlowSubscriber to(Flow.Publisher<List<ByteBuffer>> body) {
        SlowSubscriber subscriber = new SlowSubscriber();
        body.subscribe(subscriber);
        return subscriber;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscribed.complete(subscription);
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        buffers.forEach(b -> received.addAndGet(b.remaining()));
    }

    @Override
    public void onError(Throwable failure) {
        ended.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        ended.complete(received.get());
    }

    /** The bytes received so far. */
    public long received() {
        return received.get();
    }

    /** Asks for {@code n} more pieces (waits for the subscription first). */
    public void request(long n) {
        Await.value(subscribed).request(n);
    }

    /** Cancels the subscription (waits for it first). */
    public void cancel() {
        Await.value(subscribed).cancel();
    }

    /** Completes with the bytes received when the body ends, or fails with what ended it. */
    public CompletableFuture<Long> ended() {
        return ended;
    }
}
