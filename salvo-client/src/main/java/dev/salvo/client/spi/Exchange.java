package dev.salvo.client.spi;

import dev.salvo.client.Headers;

import java.io.IOException;

/**
 * What a {@link Transport} reports back about one exchange while it runs. Implementations are
 * thread-safe: a transport may call them from its I/O threads.
 */
public interface Exchange {

    /** An exchange nobody listens to. */
    Exchange NONE = new Exchange() {
        @Override
        public long requestId() {
            return 0;
        }

        @Override
        public void responseHeaders(int status, Headers headers) {
        }
    };

    /** The id of the call this exchange belongs to, for logs; 0 when none. */
    long requestId();

    /** The status line and headers arrived (before the body). Must not block. */
    void responseHeaders(int status, Headers headers);

    /**
     * The transport is sending the request again on its own, because the connection it used
     * turned out to be closed before any of the response arrived (a pooled keep-alive connection
     * the server had dropped). Salvo reports it as a new attempt; it does not count against the
     * retry policy. Must not block.
     */
    default void resending(IOException reason) {
    }
}
