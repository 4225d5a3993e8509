/**
 * Salvo's load generator: drives a {@link dev.salvo.client.spi.Transport} in a closed model (a fixed
 * number of connections sending back to back) or an open model (a fixed request rate, latency
 * measured from each request's intended send time so that coordinated omission is corrected),
 * sends one request or the flows of a {@link dev.salvo.bench.Scenario}, checks {@link dev.salvo.bench.Slo}
 * objectives, renders the result as text, JSON (full histograms included, read back by
 * {@link dev.salvo.bench.JsonResult}) or a self-contained HTML page, and merges the results of
 * several machines exactly ({@link dev.salvo.bench.BenchMerge}).
 *
 * <p><b>Threading.</b> {@link dev.salvo.bench.BenchRun} is thread-safe: {@code progress()},
 * {@code stop()} and {@code result()} may be called from any thread while the run's own threads
 * (a clock thread, in the open model a pacer thread, with a scenario a think thread that sends each
 * flow's next step, and the transport's I/O threads) do the work.
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
