package dev.salvo.client.internal;

import dev.salvo.client.Request;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Carries one response body from the JDK's {@code HttpClient} to the exchange's subscriber: the
 * JDK's {@link HttpResponse.BodySubscriber} on one side, a plain {@link Flow.Subscriber} on the other,
 * the JDK's subscription (and so its {@code request(n)} backpressure) passed through. Its value is
 * ready at once, so the JDK's future completes with the headers; {@link #done} completes when the
 * body ended, failed or was cancelled: the transport's future. Thread-safe.
 */
final class JdkBody implements HttpResponse.BodySubscriber<Void>, Flow.Subscription {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Request request;
    private volatile Flow.Subscriber<List<ByteBuffer>> subscriber;
    private volatile Flow.Subscription upstream;

    JdkBody(Request request) {
        this.request = request;
    }

    /** The JDK's body subscriber for the exchange's subscriber. */
    HttpResponse.BodySubscriber<Void> start(Flow.Subscriber<List<ByteBuffer>> to) {
        this.subscriber = to;
        return this;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        upstream = subscription;
        if (done.isDone()) {
            subscription.cancel();
            return;
        }
        subscriber.onSubscribe(this);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        subscriber.onNext(buffers);
    }

    @Override
    public void onError(Throwable failure) {
        Throwable classified = Failures.classify(failure, request);
        subscriber.onError(classified);
        done.completeExceptionally(classified);
    }

    @Override
    public void onComplete() {
        subscriber.onComplete();
        done.complete(null);
    }

    @Override
    public CompletionStage<Void> getBody() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void request(long n) {
        upstream.request(n);
    }

    /** The subscriber gave up on the body: the JDK aborts the exchange. */
    @Override
    public void cancel() {
        upstream.cancel();
        done.cancel(false);
    }

    /** The exchange failed before (or without) a body: the subscriber, if any, is told. */
    void fail(Throwable failure) {
        Throwable classified = Failures.classify(failure, request);
        Flow.Subscriber<List<ByteBuffer>> to = subscriber;
        if (done.completeExceptionally(classified) && to != null && upstream != null) {
            to.onError(classified);
        }
    }

    void cancelUpstream() {
        Flow.Subscription up = upstream;
        if (up != null) {
            up.cancel();
        }
    }
}
