package dev.salvo.client.spi;

import dev.salvo.client.CallEvent;
import dev.salvo.client.Headers;
import dev.salvo.client.HttpVersion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * What a {@link Transport} reports to about one exchange while it runs. Implementations are
 * thread-safe: a transport may call them from its I/O threads.
 */
public interface Exchange {

    /** The id of the call this exchange belongs to, for logs; 0 when none. */
    long requestId();

    /**
     * The status line and headers arrived (after any 1xx); returns the subscriber the body goes to,
     * following the protocol of {@link Transport}. Called once per exchange; must not block.
     */
    Flow.Subscriber<List<ByteBuffer>> responseHeaders(int status, Headers headers);

    /**
     * As {@link #responseHeaders(int, Headers)}, saying which HTTP version the response came on;
     * transports that know it call this one. The default forgets the version.
     */
    default Flow.Subscriber<List<ByteBuffer>> responseHeaders(int status, Headers headers, HttpVersion version) {
        return responseHeaders(status, headers);
    }

    /**
     * The response's trailer fields arrived, after the last body bytes and before the body's
     * {@code onComplete}; not called when there are none. Must not block.
     */
    default void trailers(Headers trailers) {
    }

    /**
     * The transport is sending the request again on its own, because the connection it used
     * turned out to be closed before any of the response arrived (a pooled keep-alive connection
     * the server had dropped). Salvo reports it as a new attempt; it does not count against the
     * retry policy. Must not block.
     */
    default void resending(IOException reason) {
    }

    /**
     * Whether anyone listens to {@code phase} of this exchange (one it reports through {@link #reached},
     * {@link #connectionAcquired} or {@link #requestBodySent}). When false, a transport may skip it and
     * what it costs to find it out (a write listener, a name resolution of its own); when true it
     * reports it if it knows it. Constant for the exchange; the default is true.
     */
    default boolean listensTo(CallEvent.Phase phase) {
        return true;
    }

    /**
     * The transport reached one of its own phases for this exchange: one for which
     * {@link CallEvent.Phase#isTransportPhase()} holds (DNS, connect, TLS, request headers sent, first
     * response byte). A transport reports those it knows, each at most once per exchange, in the order of
     * {@link CallEvent.Phase}. Must not block; cheap when no one listens.
     *
     * @throws IllegalArgumentException for a phase Salvo itself reports
     */
    default void reached(CallEvent.Phase phase) {
    }

    /**
     * The exchange got its connection.
     *
     * @param reused   whether the connection served an exchange before (pooled keep-alive, or an HTTP/2 connection)
     * @param streamId the HTTP/2 stream of this exchange; 0 on HTTP/1.1
     */
    default void connectionAcquired(boolean reused, int streamId) {
    }

    /** The request body was written whole: {@code bytes} of content. Not called for a request without a body. */
    default void requestBodySent(long bytes) {
    }
}
