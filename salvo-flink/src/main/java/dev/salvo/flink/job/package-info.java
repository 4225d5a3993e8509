/**
 * The ready fetch job and its command, {@code salvo flink-fetch}: request lines in, JSON lines
 * out through Flink's FileSink, exactly once through checkpoints.
 *
 * <p><b>Threading.</b> {@link dev.salvo.flink.job.FetchJob} and its builder are used on one
 * thread, when the job is defined; the functions it ships run as {@code dev.salvo.flink}
 * describes. {@link dev.salvo.flink.job.CommittedOutput} is an immutable value.
 *
 * <p><b>Nulls.</b> No parameter accepts null, except the async timeout of the builder, where null
 * keeps the default.
 *
 * <p><b>Errors.</b> A bad setting, a missing or empty input file, or an output path that is a
 * file is refused with IllegalArgumentException when the job is built; the command prints it on
 * one line and exits with 2. A bad line becomes a {@code bad_input} record.
 */
package dev.salvo.flink.job;
