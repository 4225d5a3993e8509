package dev.salvo.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What a request sends: bytes, text, a form, a file, a multipart form or a stream. Immutable, except
 * that a body made from one {@link InputStream} can be read once: it is not {@link #isReplayable()},
 * so a retry or a 307/308 redirect that would send it again ends the call with
 * {@link BodyNotReplayableException} instead of sending it empty. A body of unknown length
 * ({@link #length()} -1) goes out chunked on HTTP/1.1.
 *
 * <p>Transports read it through {@link #bytes()} (in memory), {@link #file()} (a file) or
 * {@link #openStream()} (any body).
 */
public final class RequestBody {
    private static final RequestBody EMPTY = new RequestBody(new byte[0], null, null, 0, true, null);

    private final byte[] bytes;
    private final Path file;
    private final Supplier<InputStream> streams;
    private final long length;
    private final boolean replayable;
    private final String contentType;
    private final AtomicBoolean opened = new AtomicBoolean();

    private RequestBody(byte[] bytes, Path file, Supplier<InputStream> streams, long length, boolean replayable,
            String contentType) {
        this.bytes = bytes;
        this.file = file;
        this.streams = streams;
        this.length = length;
        this.replayable = replayable;
        this.contentType = contentType;
    }

    /** No body. */
    public static RequestBody empty() {
        return EMPTY;
    }

    /** These bytes (copied), with no content type of its own. */
    public static RequestBody of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return bytes.length == 0 ? EMPTY : new RequestBody(bytes.clone(), null, null, bytes.length, true, null);
    }

    /** {@code text} in UTF-8, {@code text/plain; charset=UTF-8} unless the request names a Content-Type. */
    public static RequestBody of(String text) {
        Objects.requireNonNull(text, "text");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return new RequestBody(utf8, null, null, utf8.length, true, "text/plain; charset=UTF-8");
    }

    /** An {@code application/x-www-form-urlencoded} form, fields in the map's iteration order. */
    public static RequestBody ofForm(Map<String, String> fields) {
        Objects.requireNonNull(fields, "fields");
        StringJoiner form = new StringJoiner("&");
        fields.forEach((name, value) -> form.add(
                URLEncoder.encode(Objects.requireNonNull(name, "field name"), StandardCharsets.UTF_8) + '='
                        + URLEncoder.encode(Objects.requireNonNull(value, "value of " + name), StandardCharsets.UTF_8)));
        byte[] encoded = form.toString().getBytes(StandardCharsets.US_ASCII);
        return new RequestBody(encoded, null, null, encoded.length, true, "application/x-www-form-urlencoded");
    }

    /**
     * The file at {@code path}, streamed (never loaded whole); its length is read now, so a missing or
     * unreadable file fails here with IllegalArgumentException.
     */
    public static RequestBody ofFile(Path path) {
        Objects.requireNonNull(path, "path");
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException("not a readable file: " + path);
        }
        try {
            return new RequestBody(null, path, () -> open(path), Files.size(path), true, null);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the size of " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * One stream of unknown length, sent chunked; it can be read once, so the call is not retried
     * (a retry would end with {@link BodyNotReplayableException}). Salvo closes it.
     */
    public static RequestBody ofInputStream(InputStream stream) {
        Objects.requireNonNull(stream, "stream");
        return new RequestBody(null, null, () -> stream, -1, false, null);
    }

    /**
     * A new stream from {@code streams} for every attempt, so retries and redirects can send it again;
     * {@code length} is its exact length, or -1 when unknown (sent chunked).
     */
    public static RequestBody ofInputStream(Supplier<InputStream> streams, long length) {
        Objects.requireNonNull(streams, "streams");
        if (length < -1) {
            throw new IllegalArgumentException("length must be -1 (unknown) or more, got " + length);
        }
        return new RequestBody(null, null, streams, length, true, null);
    }

    /** A builder of a {@code multipart/form-data} body whose file parts are streamed. */
    public static MultipartBody.Builder multipart() {
        return MultipartBody.newBuilder();
    }

    static RequestBody ofParts(Supplier<InputStream> streams, long length, String contentType) {
        return new RequestBody(null, null, streams, length, true, contentType);
    }

    /** The length in bytes; -1 when unknown until sent. */
    public long length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** Whether it can be sent again (every kind but a single {@link InputStream}). */
    public boolean isReplayable() {
        return replayable;
    }

    /** The Content-Type it implies (text, form, multipart); the request's own header wins. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** An in-memory body as a read-only buffer, without a copy; empty for files and streams. */
    public Optional<ByteBuffer> bytes() {
        return bytes == null ? Optional.empty() : Optional.of(ByteBuffer.wrap(bytes).asReadOnlyBuffer());
    }

    /** A file body's path; empty for every other kind. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * The body as a new stream, which the caller closes. A body that is not replayable opens once; the
     * second time fails with {@link BodyNotReplayableException}.
     */
    public InputStream openStream() throws IOException {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        if (!replayable && !opened.compareAndSet(false, true)) {
            throw new BodyNotReplayableException("this request body is a single InputStream and was already sent",
                    null);
        }
        try {
            return Objects.requireNonNull(streams.get(), "the body's stream supplier returned null");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static InputStream open(Path path) {
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        String kind = bytes != null ? "bytes" : file != null ? "file " + file : replayable ? "streams" : "stream";
        return "RequestBody[" + kind + ", " + (length < 0 ? "unknown length" : length + " bytes") + ']';
    }
}
