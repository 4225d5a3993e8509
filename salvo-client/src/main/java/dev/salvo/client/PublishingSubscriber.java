package dev.salvo.client;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Hands a body to the caller as a {@link Flow.Publisher} for one subscriber, passing the transport's
 * subscription straight through: its {@code request(n)} is the transport's backpressure. An end or a
 * failure that arrives before the caller subscribes is kept and delivered on subscribe.
 */
final class PublishingSubscriber implements BodySubscriber<Flow.Publisher<List<ByteBuffer>>>,
        Flow.Publisher<List<ByteBuffer>> {
    private final CompletableFuture<Flow.Publisher<List<ByteBuffer>>> body = new CompletableFuture<>();
    private Flow.Subscription upstream;
    private Flow.Subscriber<? super List<ByteBuffer>> downstream;
    private boolean ended;
    private Throwable failure;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        synchronized (this) {
            upstream = subscription;
        }
        body.complete(this);
    }

    @Override
    public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
        java.util.Objects.requireNonNull(subscriber, "subscriber");
        boolean first;
        boolean end;
        Throwable error;
        synchronized (this) {
            first = downstream == null;
            if (first) {
                downstream = subscriber;
            }
            end = ended;
            error = failure;
        }
        if (!first) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("a response body can be subscribed to once"));
            return;
        }
        subscriber.onSubscribe(upstream);
        if (error != null) {
            subscriber.onError(error);
        } else if (end) {
            subscriber.onComplete();
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        downstream().onNext(buffers); // only after a request, so after subscribe
    }

    @Override
    public void onError(Throwable error) {
        Flow.Subscriber<? super List<ByteBuffer>> to;
        synchronized (this) {
            failure = error;
            to = downstream;
        }
        if (to != null) {
            to.onError(error);
        }
    }

    @Override
    public void onComplete() {
        Flow.Subscriber<? super List<ByteBuffer>> to;
        synchronized (this) {
            ended = true;
            to = downstream;
        }
        if (to != null) {
            to.onComplete();
        }
    }

    @Override
    public CompletionStage<Flow.Publisher<List<ByteBuffer>>> body() {
        return body;
    }

    private synchronized Flow.Subscriber<? super List<ByteBuffer>> downstream() {
        return downstream;
    }
}
