package dev.salvo.benchmarks.peers;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP client under test, behind the smallest interface the harness needs: a GET whose
 * future completes once the whole body is in memory. Each adapter builds its request from the URL
 * string on every call, as an application would, and is configured as its documentation
 * recommends for throughput, with pools at least as large as the highest concurrency.
 */
public interface PeerClient extends AutoCloseable {

    /**
     * GETs {@code url}; completes with the body's length in bytes after a 200, exceptionally for
     * any other status or failure. Never throws for I/O.
     */
    CompletableFuture<Integer> get(String url);

    /** Closes the client and its threads. */
    @Override
    void close() throws Exception;

    /** The failure for a status other than 200. */
    static IOException unexpectedStatus(int status, String url) {
        return new IOException("status " + status + " from " + url);
    }
}
