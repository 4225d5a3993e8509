/**
 * {@code salvo bench}: the command line of the load generator in {@code dev.salvo.bench}.
 *
 * <p><b>Threading.</b> Picocli fills the options on the calling thread; the command then runs on
 * it until the report is printed. The progress line is drawn by {@code Output}'s ticker thread,
 * and Ctrl-C stops the run from the JVM's shutdown hook, which waits for the partial report.
 *
 * <p><b>Nulls.</b> Unset options are null fields inside the command only; nothing is passed on
 * or returned as null.
 */
package dev.salvo.cli.bench;
