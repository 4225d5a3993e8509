package dev.salvo.client;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Receives one response body as it arrives and turns it into a value: the JDK's
 * {@code HttpResponse.BodySubscriber} shape, so it runs unchanged over every transport. The transport
 * calls {@link #onSubscribe} once, then {@link #onNext} only for as many lists as were requested
 * (the backpressure: a transport whose subscriber stops requesting stops reading the socket), then
 * exactly one of {@link #onComplete} or {@link #onError} — unless the subscriber cancels first, which
 * aborts the exchange rather than reading the rest. The buffers handed over belong to the subscriber.
 *
 * <p>Signals arrive one at a time, possibly on a transport's I/O thread: an implementation must not
 * block in them. {@link #body()} may complete before the body has been read (a stream handed to the
 * caller) or after (bytes, a file).
 *
 * @param <T> the body's value
 */
public interface BodySubscriber<T> extends Flow.Subscriber<List<ByteBuffer>> {

    /** The body's value; fails with the body's failure. */
    CompletionStage<T> body();
}
