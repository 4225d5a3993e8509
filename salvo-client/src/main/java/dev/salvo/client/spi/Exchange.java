package dev.salvo.client.spi;

import dev.salvo.client.Headers;

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
}
