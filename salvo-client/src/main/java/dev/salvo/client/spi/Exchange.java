package dev.salvo.client.spi;

import dev.salvo.client.Headers;
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
}
