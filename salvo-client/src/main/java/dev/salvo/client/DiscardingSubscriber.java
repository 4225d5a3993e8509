package dev.salvo.client;

import dev.salvo.client.spi.BodySink;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Reads a body and drops it; the value is the number of bytes. Signals are serial. */
final class DiscardingSubscriber implements BodySubscriber<Long>, BodySink {
    private final CompletableFuture<Long> body = new CompletableFuture<>();
    private long bytes;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            bytes += buffer.remaining();
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(bytes);
    }

    /** Each list is written out (or counted) before {@code onNext} returns. */
    @Override
    public boolean borrows() {
        return true;
    }

    @Override
    public CompletionStage<Long> body() {
        return body;
    }
}
