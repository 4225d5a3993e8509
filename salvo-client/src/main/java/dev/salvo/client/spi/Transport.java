package dev.salvo.client.spi;

import dev.salvo.client.PoolStats;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Moves one request to its server and its response back: the one seam between Salvo and the
 * network. Salvo ships a JDK {@code HttpClient} transport (the default), a Netty one (module
 * {@code salvo-netty}) and an adapter for any blocking client ({@link dev.salvo.client.Transports#blocking}).
 *
 * <p>Contract, which {@code TransportContract} tests check for every implementation:
 * <ul>
 *   <li>{@link #execute} returns at once and never throws for I/O faults; they complete the future
 *       exceptionally with a {@link dev.salvo.client.SalvoIOException} subclass that keeps the original cause.
 *   <li>The request body is sent as {@link dev.salvo.client.RequestBody} says: with its length, or chunked
 *       when the length is unknown; a body is opened once per exchange.
 *   <li>When the status line and headers arrive, {@link Exchange#responseHeaders} is called once and
 *       returns the subscriber of the body. The transport calls its {@code onSubscribe}, then
 *       {@code onNext} only within the demand it requested — when there is none, the transport stops
 *       reading the socket — then exactly one of {@code onComplete} or {@code onError}. A subscriber's
 *       {@code cancel} aborts the exchange (the connection is closed, not drained).
 *   <li>The future completes after that last signal (or after a cancel), so a call holds its
 *       connection exactly as long as its body is being read.
 *   <li>Cancelling the returned future aborts the exchange and releases its connection.
 *   <li>Redirects are not followed (Salvo's redirect policy does that) and statuses are data.
 *   <li>Signals and the future may complete on an I/O thread: Salvo moves user code off it.
 * </ul>
 */
public interface Transport extends AutoCloseable {

    /** Sends {@code request}, delivering the body to the subscriber {@code exchange} returns. */
    CompletableFuture<Void> execute(Request request, Exchange exchange);

    /**
     * Sends {@code request} with no client in front and reads the response whole, at most the
     * request's {@link Request#maxResponseBytes()} (64 MiB when unset): for tests and tools that drive
     * a transport directly.
     */
    default CompletableFuture<Response> execute(Request request) {
        return BufferedExchange.send(this, request);
    }

    /**
     * A snapshot of this transport's connection pools, one entry per origin and HTTP version it has
     * talked to (until closed); empty for a transport that keeps no pool of its own, which is the
     * default. Cheap enough to poll from a metrics gauge; any thread; never blocks on I/O.
     */
    default List<PoolStats> poolStats() {
        return List.of();
    }

    /** Releases connections and threads; calls in flight fail. Idempotent. */
    @Override
    default void close() {
    }
}
