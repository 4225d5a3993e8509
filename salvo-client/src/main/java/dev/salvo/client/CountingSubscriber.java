package dev.salvo.client;

import dev.salvo.client.spi.BodySink;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes a body through to another subscriber, reporting the bytes received so far after each piece. */
final class CountingSubscriber<T> implements BodySubscriber<T>, BodySink {
    private static final Logger log = LoggerFactory.getLogger("dev.salvo.client");

    private final BodySubscriber<T> next;
    private final LongConsumer progress;
    private long bytes;

    CountingSubscriber(BodySubscriber<T> next, LongConsumer progress) {
        this.next = next;
        this.progress = progress;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        next.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            bytes += buffer.remaining();
        }
        next.onNext(buffers);
        try {
            progress.accept(bytes);
        } catch (RuntimeException e) {
            log.warn("progress callback failed at {} bytes; ignored", bytes, e);
        }
    }

    @Override
    public void onError(Throwable failure) {
        next.onError(failure);
    }

    @Override
    public void onComplete() {
        next.onComplete();
    }

    /** As the subscriber it passes to: it only counts. */
    @Override
    public boolean borrows() {
        return BodySink.borrows(next);
    }

    @Override
    public CompletionStage<T> body() {
        return next.body();
    }
}
