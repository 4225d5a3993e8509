/**
 * Salvo's client: concurrent HTTP calls that return {@link java.util.concurrent.CompletableFuture}s.
 *
 * <p><b>Threading.</b> {@link dev.salvo.client.Salvo} and every transport are thread-safe.
 * Values ({@link dev.salvo.client.Request}, {@link dev.salvo.client.Response},
 * {@link dev.salvo.client.Headers}, policies, batches) are immutable; their builders are not
 * thread-safe. Stages chained on a returned future ({@code thenApply}, {@code whenComplete}, …),
 * mappers, {@code OnEach} and {@code OnStep} hooks run on the client's callback executor, never on
 * a transport's I/O thread; a thread blocked in {@code join()} wakes without a hand-off. The JDK's
 * static combinators ({@code CompletableFuture.allOf}) run on whatever thread completes the last
 * input: prefer {@code gather}. Event listeners run on the thread where the phase happens and must
 * not block; so do {@link dev.salvo.client.BodyHandler}s and the
 * {@link dev.salvo.client.BodySubscriber}s they return (they receive the body on the transport's
 * thread). A body handed over as a stream is read on the caller's thread.
 *
 * <p><b>Nulls.</b> No parameter accepts null (NullPointerException at once, naming it); no method
 * returns null: absence is {@link java.util.Optional} or an empty collection.
 *
 * <p><b>Errors.</b> Misuse (a bad URL, a header with CR/LF, a negative limit) throws
 * IllegalArgumentException at the call. I/O faults never throw from {@code send}: the future
 * fails with a {@link dev.salvo.client.SalvoIOException} subtype that keeps the original cause.
 * Statuses 4xx/5xx are data.
 *
 * <p><b>Cancellation.</b> Cancelling a returned future aborts the exchange (or removes the call
 * from the queue) and frees its slot before {@code cancel} returns.
 *
 * <p><b>Bodies.</b> {@code send(request)} reads the body whole, within a limit
 * ({@link dev.salvo.client.ResponseTooLargeException}); {@code send(request, handler)} streams it
 * (see {@link dev.salvo.client.BodyHandler}). A call whose body is streamed holds its slot until the
 * body is read to the end, closed or cancelled, or the deadline ends it.
 */
package dev.salvo.client;
