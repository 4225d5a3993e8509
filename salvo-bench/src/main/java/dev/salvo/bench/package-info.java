/**
 * Salvo's load generator: drives a {@link dev.salvo.client.spi.Transport} in a closed model (a fixed
 * number of connections sending back to back) or an open model (a fixed request rate, latency
 * measured from each request's intended send time so that coordinated omission is corrected),
 * and renders the result as text, JSON or a self-contained HTML page.
 *
 * <p><b>Threading.</b> {@link dev.salvo.bench.BenchRun} is thread-safe: {@code progress()},
 * {@code stop()} and {@code result()} may be called from any thread while the run's own threads
 * (a clock thread, in the open model a pacer thread, and the transport's I/O threads) do the work.
 * {@link dev.salvo.bench.BenchConfig}, {@link dev.salvo.bench.BenchResult} and the other values
 * are immutable; builders are not thread-safe. The reports are stateless.
 *
 * <p><b>Nulls.</b> No parameter accepts null (NullPointerException naming it); no method returns
 * null: absence is an empty collection or {@link java.util.OptionalLong}.
 *
 * <p><b>Errors.</b> A bad setting throws IllegalArgumentException from the builder with a message
 * fit for a user. Failed requests never end a run: they are counted by {@link dev.salvo.bench.ErrorKind}.
 */
package dev.salvo.bench;
