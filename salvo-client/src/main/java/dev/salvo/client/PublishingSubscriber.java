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
    private boolean ready;
    private boolean endDelivered;

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
        synchronized (this) {
            first = downstream == null;
            if (first) {
                downstream = subscriber;
            }
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
        synchronized (this) {
            ready = true; // from here on the end goes straight to the subscriber
        }
        deliverEnd();
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        downstream().onNext(buffers); // only after a request, so after subscribe
    }

    @Override
    public void onError(Throwable error) {
        synchronized (this) {
            failure = error;
        }
        deliverEnd();
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            ended = true;
        }
        deliverEnd();
    }

    /** Passes the end on once: when it has arrived and the subscriber's onSubscribe has returned. */
    private void deliverEnd() {
        Flow.Subscriber<? super List<ByteBuffer>> to;
        Throwable error;
        synchronized (this) {
            if (!ready || endDelivered || !(ended || failure != null)) {
                return;
            }
            endDelivered = true;
            to = downstream;
            error = failure;
        }
        if (error != null) {
            to.onError(error);
        } else {
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
