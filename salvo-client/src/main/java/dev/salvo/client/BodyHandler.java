package dev.salvo.client;

import dev.salvo.client.spi.Arguments;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * Chooses, per call, what happens to a response body: given the final response's status and headers
 * (after redirects, and never for a response that is retried), returns the {@link BodySubscriber} that
 * receives it. Modelled on the JDK's {@code HttpResponse.BodyHandler}: see docs/design.md for why.
 * Pass one to {@link Salvo#send(Request, BodyHandler)}.
 *
 * <pre>{@code
 * http.send(request, BodyHandler.ofFile(Path.of("big.iso")));          // streamed to disk, atomically
 * try (InputStream in = http.send(request, BodyHandler.ofInputStream()).join().body()) { … }
 * long bytes = http.send(request, BodyHandler.discarding()).join().body();
 * }</pre>
 *
 * @param <T> the body's value
 */
@FunctionalInterface
public interface BodyHandler<T> {

    /** The subscriber for a body with this status and these headers. Must not block. */
    BodySubscriber<T> apply(int status, Headers headers);

    /**
     * The body read into memory, at most {@code maxBytes}: a larger one (announced or arriving) fails
     * the call with {@link ResponseTooLargeException} before the memory is spent.
     */
    static BodyHandler<byte[]> ofBytes(long maxBytes) {
        long max = Arguments.requirePositive(maxBytes, "maxBytes");
        return (status, headers) -> new BufferingSubscriber<>(max, headers, bytes -> bytes);
    }

    /**
     * The body as a stream the caller reads while it arrives. The call holds its slot until the stream
     * is read to the end or closed; closing it early aborts the exchange. Close it (try-with-resources):
     * a stream that is garbage collected unclosed is freed with a warning.
     */
    static BodyHandler<InputStream> ofInputStream() {
        return (status, headers) -> new StreamingSubscriber();
    }

    /**
     * The body as a publisher for one subscriber, with the transport's own backpressure: what the
     * subscriber does not request is not read from the socket.
     */
    static BodyHandler<Flow.Publisher<List<ByteBuffer>>> ofPublisher() {
        return (status, headers) -> new PublishingSubscriber();
    }

    /**
     * The body written to {@code file} as it arrives, through a temporary file beside it that is
     * renamed over {@code file} once the body is whole; on any failure nothing is left behind. The value
     * is {@code file}.
     */
    static BodyHandler<Path> ofFile(Path file) {
        Path target = Objects.requireNonNull(file, "file").toAbsolutePath();
        if (target.getParent() == null) {
            throw new IllegalArgumentException("file has no parent directory: " + file);
        }
        return (status, headers) -> new FileSubscriber(target);
    }

    /** The body read and dropped; the value is its length in bytes. */
    static BodyHandler<Long> discarding() {
        return (status, headers) -> new DiscardingSubscriber();
    }

    /**
     * This handler, reporting the bytes received so far to {@code progress} after each piece (for a
     * progress bar). {@code progress} runs on the thread delivering the body and must not block.
     */
    default BodyHandler<T> withProgress(LongConsumer progress) {
        Objects.requireNonNull(progress, "progress");
        BodyHandler<T> inner = this;
        return (status, headers) -> new CountingSubscriber<>(inner.apply(status, headers), progress);
    }
}
