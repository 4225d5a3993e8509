package dev.salvo.client.contract;

import dev.salvo.client.Headers;
import dev.salvo.client.spi.BodySink;
import dev.salvo.client.spi.Exchange;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Flow;

/**
 * A body sink that asks for everything and records what kind of buffers arrive: how many lists
 * and pieces, direct or heap, and which backing arrays; {@code borrows} as told. Also the
 * {@link Exchange} that hands it every response ({@link #exchange()}). Its counts are written by
 * the transport's thread and read by the test after the exchange ends.
 */
public final class RecordingSink implements BodySink {
    private final boolean borrows;
    private final Set<Object> arrays = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private volatile long bytes;
    private volatile int lists;
    private volatile int pieces;
    private volatile boolean allDirect = true;
    private volatile boolean anyDirect;
    private volatile boolean anyHeap;

    public RecordingSink(boolean borrows) {
        this.borrows = borrows;
    }

    /** An exchange whose every response goes to this sink. */
    public Exchange exchange() {
        return new Exchange() {
            @Override
            public long requestId() {
                return 0;
            }

            @Override
            public Flow.Subscriber<List<ByteBuffer>> responseHeaders(int status, Headers headers) {
                return RecordingSink.this;
            }
        };
    }

    @Override
    public boolean borrows() {
        return borrows;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        lists++;
        for (ByteBuffer buffer : buffers) {
            bytes += buffer.remaining();
            pieces++;
            allDirect &= buffer.isDirect();
            anyDirect |= buffer.isDirect();
            anyHeap |= !buffer.isDirect();
            if (buffer.hasArray()) {
                arrays.add(buffer.array());
            }
            buffer.position(buffer.limit());
        }
    }

    @Override
    public void onError(Throwable failure) {
    }

    @Override
    public void onComplete() {
    }

    public long bytes() {
        return bytes;
    }

    public int lists() {
        return lists;
    }

    public int pieces() {
        return pieces;
    }

    /** How many distinct heap arrays backed the pieces. */
    public int arrays() {
        return arrays.size();
    }

    public boolean allDirect() {
        return allDirect;
    }

    public boolean anyDirect() {
        return anyDirect;
    }

    public boolean anyHeap() {
        return anyHeap;
    }
}
