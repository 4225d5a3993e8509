package dev.salvo.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes a gzip (RFC 1952) or deflate (zlib, RFC 1950) body as it arrives and hands the decoded pieces
 * to the caller's subscriber: one decoded list for each list received, so the caller's demand is the
 * transport's (a piece that decodes to nothing asks for one more). More than {@code maxBytes} decoded
 * fails the body with {@link DecompressionLimitException} and cancels the exchange. Signals arrive one at
 * a time (the {@link BodySubscriber} contract), so the state needs no lock.
 */
final class DecodingSubscriber<T> implements BodySubscriber<T> {
    private static final int CHUNK = 16 * 1024;

    private final BodySubscriber<T> inner;
    private final boolean gzip;
    private final long maxBytes;
    private final Inflater inflater;
    private ByteArrayOutputStream gzipHeader;
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
        if (gzipHeader != null) {
            while (buffer.hasRemaining()) {
                gzipHeader.write(buffer.get());
                int length = GzipHeader.length(gzipHeader.toByteArray());
                if (length > 0) {
                    gzipHeader = null;
                    break;
                }
            }
            if (gzipHeader != null) {
                return;
            }
        }
        if (inflater.finished()) {
            return; // the gzip trailer (CRC and size)
        }
        inflater.setInput(buffer);
        try {
            while (true) {
                byte[] chunk = new byte[CHUNK];
                int n = inflater.inflate(chunk);
                if (n > 0) {
                    decoded += n;
                    if (decoded > maxBytes) {
                        throw new DecompressionLimitException("the " + (gzip ? "gzip" : "deflate")
                                + " body decodes to more than " + maxBytes + " bytes; stopped");
                    }
                    out.add(ByteBuffer.wrap(chunk, 0, n));
                } else if (inflater.needsDictionary()) {
                    throw new MalformedResponseException("deflate body asks for a preset dictionary", null);
                } else {
                    return;
                }
            }
        } catch (DataFormatException e) {
            throw new MalformedResponseException("corrupt " + (gzip ? "gzip" : "deflate") + " body: " + e.getMessage(), e);
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
        boolean whole = inflater.finished();
        inflater.end();
        if (whole) {
            inner.onComplete();
        } else {
            inner.onError(new MalformedResponseException("the " + (gzip ? "gzip" : "deflate")
                    + " body ended before its compressed data did", null));
        }
    }

    @Override
    public CompletionStage<T> body() {
        return inner.body();
    }
}
