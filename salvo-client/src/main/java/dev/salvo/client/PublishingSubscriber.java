package dev.salvo.client;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Hands a body to the caller as a {@link Flow.Publisher} for one subscriber, passing the transport's
 * subscription straight through: its {@code request(n)} is the transport's backpressure. An end or a
 * failure that arrives before the caller subscribes is kept and delivered on subscribe. A publisher
 * garbage collected without a subscriber cancels the exchange, with a warning ({@link ForgottenBodies}),
 * so its slot is freed; once subscribed, the subscriber owns the exchange.
 */
final class PublishingSubscriber implements BodySubscriber<Flow.Publisher<List<ByteBuffer>>> {
    private final Relay relay = new Relay();
    /** Until the publisher is handed over; then a failed stage, so this subscriber never keeps it reachable. */
    private volatile CompletableFuture<Flow.Publisher<List<ByteBuffer>>> body = new CompletableFuture<>();

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        relay.upstream(subscription);
        Flow.Publisher<List<ByteBuffer>> publisher = relay::subscribe; // refers to the relay, not the reverse
        ForgottenBodies.watch(publisher, relay::abandon, "a response body publisher was never subscribed to; its "
                + "exchange was cancelled. Subscribe to the Flow.Publisher of BodyHandler.ofPublisher(), or cancel it");
        CompletableFuture<Flow.Publisher<List<ByteBuffer>>> handing = body;
        body = CompletableFuture.failedFuture(new IllegalStateException("the body publisher was already handed over"));
        handing.complete(publisher);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        relay.downstream().onNext(buffers); // only after a request, so after subscribe
    }

    @Override
    public void onError(Throwable error) {
        relay.end(error);
    }

    @Override
    public void onComplete() {
        relay.end(null);
    }

    @Override
    public CompletionStage<Flow.Publisher<List<ByteBuffer>>> body() {
        return body;
    }

    /** What the transport's side and the caller's publisher share; never refers to the publisher. */
    private static final class Relay {
        private static final Flow.Subscription NOTHING = new Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        };

        private Flow.Subscription upstream;
        private Flow.Subscriber<? super List<ByteBuffer>> downstream;
        private boolean abandoned;
        private boolean ended;
        private Throwable failure;
        private boolean ready;
        private boolean endDelivered;

        synchronized void upstream(Flow.Subscription subscription) {
            upstream = subscription;
        }

        synchronized Flow.Subscriber<? super List<ByteBuffer>> downstream() {
            return downstream;
        }

        void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
            Objects.requireNonNull(subscriber, "subscriber");
            boolean first;
            synchronized (this) {
                first = downstream == null && !abandoned;
                if (first) {
                    downstream = subscriber;
                }
            }
            if (!first) {
                subscriber.onSubscribe(NOTHING);
                subscriber.onError(new IllegalStateException("a response body can be subscribed to once"));
                return;
            }
            subscriber.onSubscribe(upstream);
            synchronized (this) {
                ready = true; // from here on the end goes straight to the subscriber
            }
            deliverEnd();
        }

        /** The body ended, with {@code error} or (null) completely. */
        void end(Throwable error) {
            synchronized (this) {
                if (error != null) {
                    failure = error;
                } else {
                    ended = true;
                }
            }
            deliverEnd();
        }

        /** Run once the publisher is unreachable: cancels the exchange unless it was subscribed to or ended. */
        boolean abandon() {
            synchronized (this) {
                if (downstream != null || ended || failure != null) {
                    return false;
                }
                abandoned = true;
            }
            upstream.cancel();
            return true;
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
    }
}
