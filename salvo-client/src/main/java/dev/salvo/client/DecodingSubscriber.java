package dev.salvo.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes a gzip (RFC 1952) or deflate (zlib, RFC 1950) body as it arrives and hands the decoded pieces
 * to the caller's subscriber: one decoded list for each list received, so the caller's demand is the
 * transport's (a piece that decodes to nothing asks for one more). More than {@code maxBytes} decoded
 * fails the body with {@link DecompressionLimitException} and cancels the exchange. Each gzip member's
 * trailer is checked (the CRC-32 and the length of what it decoded to; the zlib Adler-32 is checked by
 * the {@link Inflater}); a mismatch, a corrupt stream or a body that ends early fails it with
 * {@link MalformedResponseException}. Concatenated gzip members decode one after another. Signals
 * arrive one at a time (the {@link BodySubscriber} contract), so the state needs no lock.
 */
final class DecodingSubscriber<T> implements BodySubscriber<T> {
    private static final int CHUNK = 16 * 1024;
    /** A gzip header longer than this (a file name or comment without end) is refused. */
    private static final int MAX_HEADER = 64 * 1024;
    private static final int TRAILER = 8;

    private final BodySubscriber<T> inner;
    private final boolean gzip;
    private final long maxBytes;
    private final Inflater inflater;
    /** The gzip member header read so far; null while inflating or reading the trailer. */
    private ByteArrayOutputStream gzipHeader;
    /** The gzip trailer read so far; null until the member's compressed data ended. */
    private ByteBuffer trailer;
    private final CRC32 crc = new CRC32();
    private long memberBytes;
    /** A chunk the last inflate left empty, for the next. */
    private byte[] spare;
    private int members;
    private Flow.Subscription upstream;
    private long decoded;
    private boolean done;

    DecodingSubscriber(BodySubscriber<T> inner, boolean gzip, long maxBytes) {
        this.inner = inner;
        this.gzip = gzip;
        this.maxBytes = maxBytes;
        this.inflater = new Inflater(gzip);
        this.gzipHeader = gzip ? new ByteArrayOutputStream(32) : null;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.upstream = subscription;
        inner.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (done) {
            return;
        }
        List<ByteBuffer> out = new ArrayList<>(buffers.size() + 1);
        try {
            for (ByteBuffer buffer : buffers) {
                decode(buffer, out);
            }
        } catch (IOException e) {
            done = true;
            inflater.end();
            inner.onError(e);
            upstream.cancel();
            return;
        }
        if (out.isEmpty()) {
            upstream.request(1);
        } else {
            inner.onNext(out);
        }
    }

    private void decode(ByteBuffer buffer, List<ByteBuffer> out) throws IOException {
        while (buffer.hasRemaining()) {
            if (gzipHeader != null) {
                readHeader(buffer);
            } else if (trailer != null) {
                readTrailer(buffer);
            } else if (inflater.finished()) {
                return; // zlib: what follows the stream's own checksum is not part of it
            } else {
                inflate(buffer, out);
            }
        }
    }

    private void readHeader(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            gzipHeader.write(buffer.get());
            if (gzipHeader.size() > MAX_HEADER) {
                throw new MalformedResponseException("gzip header longer than " + MAX_HEADER + " bytes", null);
            }
            if (GzipHeader.length(gzipHeader.toByteArray()) > 0) {
                gzipHeader = null;
                return;
            }
        }
    }

    private void readTrailer(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining() && trailer.hasRemaining()) {
            trailer.put(buffer.get());
        }
        if (trailer.hasRemaining()) {
            return;
        }
        long wantCrc = Integer.toUnsignedLong(trailer.getInt(0));
        long wantSize = Integer.toUnsignedLong(trailer.getInt(4));
        if (wantCrc != crc.getValue()) {
            throw new MalformedResponseException(String.format("corrupt gzip body: CRC-32 %08x, the trailer says %08x",
                    crc.getValue(), wantCrc), null);
        }
        if (wantSize != (memberBytes & 0xffffffffL)) {
            throw new MalformedResponseException("corrupt gzip body: decoded " + memberBytes
                    + " bytes, the trailer says " + wantSize + " (mod 2^32)", null);
        }
        members++;
        trailer = null;
        crc.reset();
        memberBytes = 0;
        inflater.reset();
        gzipHeader = new ByteArrayOutputStream(32); // another member may follow
    }

    private void inflate(ByteBuffer buffer, List<ByteBuffer> out) throws IOException {
        inflater.setInput(buffer);
        try {
            while (!inflater.finished()) {
                byte[] chunk = spare != null ? spare : new byte[CHUNK];
                spare = null;
                int n = inflater.inflate(chunk);
                if (n == 0) {
                    spare = chunk;
                }
                if (n > 0) {
                    decoded += n;
                    if (decoded > maxBytes) {
                        throw new DecompressionLimitException("the " + (gzip ? "gzip" : "deflate")
                                + " body decodes to more than " + maxBytes + " bytes; stopped");
                    }
                    if (gzip) {
                        crc.update(chunk, 0, n);
                        memberBytes += n;
                    }
                    out.add(ByteBuffer.wrap(chunk, 0, n));
                } else if (inflater.needsDictionary()) {
                    throw new MalformedResponseException("deflate body asks for a preset dictionary", null);
                } else if (!inflater.finished()) {
                    return; // it needs more input
                }
            }
        } catch (DataFormatException e) {
            throw new MalformedResponseException("corrupt " + (gzip ? "gzip" : "deflate") + " body: " + e.getMessage(), e);
        }
        if (gzip) {
            trailer = ByteBuffer.allocate(TRAILER).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (!done) {
            done = true;
            inflater.end();
            inner.onError(failure);
        }
    }

    @Override
    public void onComplete() {
        if (done) {
            return;
        }
        done = true;
        // gzip: whole when the last member's trailer was read and no other member began
        boolean whole = gzip ? members > 0 && trailer == null && gzipHeader != null && gzipHeader.size() == 0
                : inflater.finished();
        String part = trailer != null ? "its trailer" : "its compressed data";
        inflater.end();
        if (whole) {
            inner.onComplete();
        } else {
            inner.onError(new MalformedResponseException("the " + (gzip ? "gzip" : "deflate")
                    + " body ended before " + part + " did", null));
        }
    }

    @Override
    public CompletionStage<T> body() {
        return inner.body();
    }
}
