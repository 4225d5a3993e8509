package dev.salvo.netty.internal;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Gathers one response body into a {@code byte[]}, copying each piece once out of Netty's
 * buffers. With a Content-Length (up to 1 MiB) the array has the exact size and is handed over as
 * is; otherwise (chunked, read until close, or larger) the bytes go into a growing scratch array,
 * kept by the connection while small, and are copied out once at the end.
 * Event-loop confined.
 */
final class ResponseBody {
    private static final byte[] EMPTY = new byte[0];
    /** A scratch array larger than this is dropped after use rather than kept per connection. */
    private static final int KEEP_SCRATCH_BYTES = 64 * 1024;
    /** The largest announced length that gets its exact array before any of it arrived. */
    static final int PREALLOCATE_MAX_BYTES = 1 << 20;

    private final int maxBytes;
    /** The exact-size array when the length was announced; null otherwise. */
    private byte[] exact;
    private byte[] scratch = EMPTY;
    private int size;

    ResponseBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Starts a body of {@code announcedLength} bytes, or of unknown length when negative. A length
     * above {@link #PREALLOCATE_MAX_BYTES} is not trusted with an array up front: the bytes must
     * arrive first.
     */
    void begin(long announcedLength) {
        size = 0;
        if (announcedLength == 0) {
            exact = EMPTY;
        } else {
            exact = announcedLength > 0 && announcedLength <= PREALLOCATE_MAX_BYTES ? new byte[(int) announcedLength] : null;
        }
    }

    /** Appends the readable bytes of {@code piece}; false (nothing copied) when that would pass the maximum. */
    boolean append(ByteBuf piece) {
        int length = piece.readableBytes();
        if (length == 0) {
            return true;
        }
        if ((long) size + length > maxBytes) {
            return false;
        }
        if (exact != null && size + length > exact.length) {
            scratch = Arrays.copyOf(exact, Math.max(size + length, (int) Math.min(maxBytes, exact.length * 2L)));
            exact = null;
        }
        byte[] target = exact != null ? exact : scratchFor(size + length);
        piece.getBytes(piece.readerIndex(), target, size, length);
        size += length;
        return true;
    }

    /** Bytes gathered so far. */
    int size() {
        return size;
    }

    /** The whole body; the next one starts with {@link #begin}. */
    byte[] take() {
        byte[] body;
        if (exact != null) {
            body = size == exact.length ? exact : Arrays.copyOf(exact, size);
        } else {
            body = size == 0 ? EMPTY : Arrays.copyOf(scratch, size);
        }
        reset();
        return body;
    }

    /** Forgets the body in progress. */
    void reset() {
        exact = null;
        size = 0;
        if (scratch.length > KEEP_SCRATCH_BYTES) {
            scratch = EMPTY;
        }
    }

    private byte[] scratchFor(int needed) {
        if (scratch.length < needed) {
            int grown = (int) Math.min(maxBytes, Math.max(4096L, (long) scratch.length * 2));
            scratch = Arrays.copyOf(scratch, Math.max(needed, grown));
        }
        return scratch;
    }
}
