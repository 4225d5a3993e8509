package dev.salvo.client;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a body into one array, at most {@code maxBytes}: an announced Content-Length above it fails at
 * once, and so do bytes arriving past it (before they are copied). With a Content-Length of up to
 * 1 MiB the array has its exact size from the first piece; without one, the first piece's size (most such
 * bodies are small and come in one piece), then doubling. A body that arrives whole in one array-backed
 * buffer (the subscriber owns what it receives) is taken without a copy, as is the first piece of a body of
 * unknown length. Signals are serial (the
 * transport's contract).
 */
final class BufferingSubscriber<T> extends WholeBodySubscriber<T> {
    private static final byte[] EMPTY = new byte[0];
    /** The largest announced length that gets its exact array before any of it arrived. */
    private static final long PREALLOCATE_MAX_BYTES = 1 << 20;

    private final long maxBytes;
    private final long announced;
    private final Function<byte[], T> finish;
    private byte[] bytes = EMPTY;
    private int size;

    BufferingSubscriber(long maxBytes, Headers headers, Function<byte[], T> finish) {
        this.maxBytes = maxBytes;
        this.announced = contentLength(headers);
        this.finish = finish;
    }

    @Override
    boolean start() {
        if (announced > maxBytes) {
            tooLarge("announces " + announced + " bytes");
            return false;
        }
        return true;
    }

    @Override
    void take(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int length = buffer.remaining();
            if (size == 0 && (length == announced || announced < 0) && length <= maxBytes && isWholeArray(buffer)) {
                // the whole body (or, length unknown, its first piece) in one buffer we own: taken as it is
                bytes = buffer.array();
                size = length;
                buffer.position(buffer.limit());
                continue;
            }
            if ((long) size + length > maxBytes) {
                tooLarge("passed " + maxBytes + " bytes");
                return;
            }
            if (size + length > bytes.length) {
                // the first piece: the announced length, or (unknown) just this piece, since most bodies
                // of unknown length are small and come whole; after that, doubling
                long grown = bytes.length > 0 ? Math.max(8192L, (long) bytes.length * 2)
                        : announced > 0 && announced <= PREALLOCATE_MAX_BYTES ? announced : length;
                bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(size + length, grown)));
            }
            buffer.get(bytes, size, length);
            size += length;
        }
    }

    @Override
    public void onError(Throwable failure) {
        bytes = EMPTY;
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        byte[] whole = size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        bytes = EMPTY;
        body.complete(finish.apply(whole));
    }

    private static boolean isWholeArray(ByteBuffer buffer) {
        return buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
                && buffer.limit() == buffer.array().length;
    }

    /** Fails the body first (so the call ends with this), then aborts the exchange. */
    private void tooLarge(String what) {
        bytes = EMPTY;
        failAndCancel(new ResponseTooLargeException(
                "response body " + what + ", more than the limit of " + maxBytes + " bytes", maxBytes));
    }

    /** The announced Content-Length; -1 when absent or unreadable (the bytes then decide). */
    static long contentLength(Headers headers) {
        String value = headers.firstOrNull("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
