/**
 * Salvo on Apache Flink: {@link dev.salvo.flink.SalvoAsync} turns records into Salvo calls inside
 * Flink's Async I/O operator, with one client and Netty transport per subtask.
 *
 * <p><b>Threading.</b> {@link dev.salvo.flink.ToRequest} runs on the task thread;
 * {@link dev.salvo.flink.ToOutput} and {@link dev.salvo.flink.OnFailure} run on Salvo's callback
 * executor (a virtual thread per call), never on an I/O thread, except that a record whose
 * {@code ToRequest} throws, or that hits Flink's timeout, meets {@code OnFailure} on the task
 * thread. So these functions must be thread-safe and should not block. {@code SalvoAsync} and its
 * builder's products are immutable; the builder is not thread-safe.
 *
 * <p><b>Nulls.</b> No parameter accepts null (NullPointerException at once, naming it); the user
 * functions must not return null (the record then fails the job, naming the function).
 *
 * <p><b>Errors.</b> Bad settings throw IllegalArgumentException when the job is built, before it
 * is submitted. A failed call is a {@link dev.salvo.flink.CallFailure}: an output record, or a
 * failed job ({@link dev.salvo.flink.SalvoCallException}), by the user's choice.
 *
 * <p><b>No module descriptor.</b> Unlike the other modules, salvo-flink has no {@code module-info.java},
 * and cannot have one: Flink's jars are automatic modules that split packages between them
 * ({@code org.apache.flink.api.common} is in both flink-core and flink-core-api,
 * {@code org.apache.flink.streaming.api.functions.sink.filesystem} in both flink-streaming-java and
 * flink-file-sink-common), and a named module that reads two modules exporting one package is
 * rejected by javac and at start ("reads package … from both …"). Reading any automatic module
 * reads them all, so no choice of {@code requires} avoids it. Flink loads user code from the class
 * path, where the module runs as it is.
 */
package dev.salvo.flink;
