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
 * body ended, failed or was cancelled: the transport's future. Cancelling it aborts the JDK's
 * exchange itself (no stage of its own on every call). Thread-safe.
 */
final class JdkBody implements HttpResponse.BodySubscriber<Void>, Flow.Subscription {
    /** The value the JDK waits for: none, ready at once (one shared stage nobody can complete). */
    private static final CompletionStage<Void> NO_VALUE = CompletableFuture.completedStage(null);

    final CompletableFuture<Void> done = new Done();
    private final Request request;
    private volatile Flow.Subscriber<List<ByteBuffer>> subscriber;
    private volatile Flow.Subscription upstream;
    /** The JDK's future of the exchange, once {@code sendAsync} returned it. */
    private volatile CompletableFuture<?> sent;

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
        return NO_VALUE;
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

    /** The JDK's future of this exchange: a failure before the body reaches the subscriber; cancelled with {@link #done}. */
    void sentAs(CompletableFuture<?> jdk) {
        sent = jdk;
        jdk.whenComplete((response, error) -> {
            if (error != null) {
                fail(error);
            }
        });
        if (done.isCancelled()) {
            jdk.cancel(true); // cancelled while sendAsync ran
        }
    }

    /** The transport's future: cancelling it aborts the JDK's exchange and its body. */
    private final class Done extends CompletableFuture<Void> {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (isCancelled()) {
                CompletableFuture<?> jdk = sent;
                if (jdk != null) {
                    jdk.cancel(true);
                }
                Flow.Subscription up = upstream;
                if (up != null) {
                    up.cancel();
                }
            }
            return cancelled;
        }
    }
}
