package dev.salvo.client.spi;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A body subscriber that says whether it may be lent a transport's own buffers. By the rule of
 * {@link Transport}, a subscriber owns the buffers it receives, so a transport hands over copies (or
 * buffers it never reuses). A sink whose {@link #borrows()} is true reads the buffers of each
 * {@code onNext} before it returns (writes them to a file, counts them) and never touches them after:
 * a transport may then pass views of buffers it reuses or frees right after the call (Netty's pooled
 * direct buffers, one array read into again), saving a copy and an allocation per piece.
 * {@link #borrows(Flow.Subscriber)} is how a transport asks any subscriber.
 */
public interface BodySink extends Flow.Subscriber<List<ByteBuffer>> {

    /** True when the buffers of {@code onNext} are not used once it returns. Constant for the sink's life. */
    boolean borrows();

    /** Whether {@code subscriber} is a {@link BodySink} that {@link #borrows()}; false for any other subscriber. */
    static boolean borrows(Flow.Subscriber<?> subscriber) {
        return subscriber instanceof BodySink sink && sink.borrows();
    }
}
