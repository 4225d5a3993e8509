package dev.salvo.client.internal;

import dev.salvo.client.spi.Exchange;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body publisher that tells the exchange when the JDK's {@code HttpClient} has taken the
 * whole body ({@link Exchange#requestBodySent}, with its bytes): the one request phase that client
 * lets a transport see. Reported once, for the first subscription that completes (the client may
 * subscribe again, say to resend on a new connection). Thread-safe.
 */
final class SentBodyPublisher implements HttpRequest.BodyPublisher {
    private final HttpRequest.BodyPublisher body;
    private final Exchange exchange;
    private final AtomicBoolean reported = new AtomicBoolean();

    SentBodyPublisher(HttpRequest.BodyPublisher body, Exchange exchange) {
        this.body = body;
        this.exchange = exchange;
    }

    @Override
    public long contentLength() {
        return body.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        body.subscribe(new Flow.Subscriber<ByteBuffer>() {
            /** Bytes handed on; touched by the publisher's signals only, which are serial. */
            private long bytes;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer item) {
                bytes += item.remaining();
                subscriber.onNext(item);
            }

            @Override
            public void onError(Throwable failure) {
                subscriber.onError(failure);
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
                if (reported.compareAndSet(false, true)) {
                    exchange.requestBodySent(bytes);
                }
            }
        });
    }
}
