package dev.salvo.client.spi;

import dev.salvo.client.Request;
import dev.salvo.client.Response;
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
 *   <li>Cancelling the returned future aborts the exchange and releases its connection.
 *   <li>Redirects are not followed (Salvo's redirect policy does that) and statuses are data.
 *   <li>{@link Exchange#responseHeaders} is called once, when the status line and headers arrive.
 *   <li>The future may complete on an I/O thread: Salvo moves user code off it.
 * </ul>
 */
public interface Transport extends AutoCloseable {

    /** Sends {@code request}; the future completes with the whole response or a typed failure. */
    CompletableFuture<Response> execute(Request request, Exchange exchange);

    /** Sends {@code request} with no one listening to its phases. */
    default CompletableFuture<Response> execute(Request request) {
        return execute(request, Exchange.NONE);
    }

    /** Releases connections and threads; calls in flight fail. Idempotent. */
    @Override
    default void close() {
    }
}
