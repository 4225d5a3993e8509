package dev.salvo.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands a body to the caller as an {@link InputStream} that blocks until bytes arrive. At most
 * {@link #PREFETCH} lists of buffers are requested ahead of the reader, so a slow reader stops the
 * transport reading the socket. Closing the stream before the end cancels the exchange; a stream
 * garbage collected unclosed is cancelled, with a warning ({@link ForgottenBodies}).
 */
final class StreamingSubscriber implements BodySubscriber<InputStream> {
    static final int PREFETCH = 4;

    private final State state = new State();
    /** Until the stream is handed over; then a failed stage, so this subscriber never keeps the stream reachable. */
    private volatile CompletableFuture<InputStream> body = new CompletableFuture<>();

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        state.subscription = subscription;
        Stream stream = new Stream(state);
        ForgottenBodies.watch(stream, state::abandon, "a response body stream was never closed; its exchange was "
                + "cancelled. Close the InputStream of BodyHandler.ofInputStream() (try-with-resources)");
        CompletableFuture<InputStream> handing = body;
        body = CompletableFuture.failedFuture(new IllegalStateException("the body stream was already handed over"));
        handing.complete(stream);
        subscription.request(PREFETCH);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        state.signal(buffers, false, null);
    }

    @Override
    public void onError(Throwable failure) {
        state.signal(List.of(), false, failure);
    }

    @Override
    public void onComplete() {
        state.signal(List.of(), true, null);
    }

    @Override
    public CompletionStage<InputStream> body() {
        return body;
    }

    /** What the stream and the subscriber share; never refers to the stream, so the Cleaner can run. */
    private static final class State {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition arrived = lock.newCondition();
        private final ArrayDeque<List<ByteBuffer>> lists = new ArrayDeque<>();
        private volatile Flow.Subscription subscription;
        private ByteBuffer current = ByteBuffer.allocate(0);
        private List<ByteBuffer> currentList = List.of();
        private int currentIndex;
        private boolean ended;
        private boolean closed;
        private Throwable failure;

        void signal(List<ByteBuffer> buffers, boolean end, Throwable error) {
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                if (!buffers.isEmpty()) {
                    lists.add(buffers);
                }
                ended |= end;
                if (error != null && failure == null) {
                    failure = error;
                }
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** The next buffer with bytes, or null at the end; blocks until there is one. */
        ByteBuffer next() throws IOException {
            boolean requestMore = false;
            lock.lock();
            try {
                while (!current.hasRemaining()) {
                    if (closed) {
                        throw new IOException("stream closed");
                    }
                    if (currentIndex < currentList.size()) {
                        current = currentList.get(currentIndex++);
                        continue;
                    }
                    List<ByteBuffer> list = lists.poll();
                    if (list != null) {
                        currentList = list;
                        currentIndex = 0;
                        requestMore = !ended;
                        continue;
                    }
                    if (failure != null) {
                        throw failure instanceof IOException io ? io
                                : new SalvoIOException("response body failed: " + failure, failure);
                    }
                    if (ended) {
                        return null;
                    }
                    try {
                        arrived.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while waiting for the response body");
                    }
                }
                return current;
            } finally {
                lock.unlock();
                if (requestMore) {
                    subscription.request(1);
                }
            }
        }

        int available() {
            lock.lock();
            try {
                return current.remaining();
            } finally {
                lock.unlock();
            }
        }

        /** Closes the stream; true when the body had not ended (so the exchange must be cancelled). */
        boolean close() {
            lock.lock();
            try {
                if (closed) {
                    return false;
                }
                closed = true;
                lists.clear();
                current = ByteBuffer.allocate(0);
                currentList = List.of();
                return !ended && failure == null;
            } finally {
                lock.unlock();
            }
        }

        void cancelIfOpen() {
            if (close()) {
                subscription.cancel();
            }
        }

        /** Run once the stream is unreachable: cancels the exchange unless it was closed; true when it did. */
        boolean abandon() {
            if (close()) {
                subscription.cancel();
                return true;
            }
            return false;
        }
    }

    /** The caller's view: reads what arrived, blocking while nothing has. Not thread-safe, like any stream. */
    private static final class Stream extends InputStream {
        private final State state;

        Stream(State state) {
            this.state = state;
        }

        @Override
        public int read() throws IOException {
            ByteBuffer buffer = state.next();
            return buffer == null ? -1 : buffer.get() & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            java.util.Objects.checkFromIndexSize(offset, length, into.length);
            if (length == 0) {
                return 0;
            }
            ByteBuffer buffer = state.next();
            if (buffer == null) {
                return -1;
            }
            int n = Math.min(length, buffer.remaining());
            buffer.get(into, offset, n);
            return n;
        }

        @Override
        public int available() {
            return state.available();
        }

        @Override
        public void close() {
            state.cancelIfOpen();
        }
    }
}
