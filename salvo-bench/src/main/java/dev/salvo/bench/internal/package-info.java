/**
 * The engine behind {@link dev.salvo.bench.BenchRun}: load drivers, the per-request bookkeeping,
 * the clock that cuts per-second intervals and enforces timeouts, and the SVG drawing of the
 * HTML report.
 *
 * <p><b>Threading.</b> {@code Tally} and {@code Slot} are written from the transport's I/O
 * threads and read by the clock thread: counters are atomic, latencies go through HdrHistogram
 * {@code Recorder}s. {@code ClosedLoop} sends from completion callbacks; {@code OpenLoop} sends
 * from its own pacer thread; a scenario's later steps leave from {@code Run}'s think thread. A
 * {@code FlowRun} belongs to one slot at a time. Drawing and reading classes are stateless.
 *
 * <p><b>Nulls.</b> Nothing here accepts or returns null unless a field comment says so.
 */
package dev.salvo.bench.internal;
