/**
 * {@code salvo bench} and {@code salvo bench merge}: the command line of the load generator in
 * {@code dev.salvo.bench}.
 *
 * <p><b>Threading.</b> Picocli fills the options on the calling thread; the command then runs on
 * it until the report is printed. On a terminal the live view is drawn by its own daemon thread
 * ({@code LiveView}, which locks around each frame), and Ctrl-C erases it and stops the run from
 * the JVM's shutdown hook, which waits for the partial report.
 *
 * <p><b>Nulls.</b> Unset options are null fields inside the command only; nothing is passed on
 * or returned as null.
 */
package dev.salvo.cli.bench;
