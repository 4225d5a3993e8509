/**
 * What every command shares: one-line errors with exit code 2 for bad input, {@code -v} logging,
 * the terminal progress line, clean stops on Ctrl-C, elapsed-time formats, the client and server
 * a command talks to.
 *
 * <p><b>Threading.</b> {@link dev.salvo.cli.common.Output} is thread-safe (lines from callback
 * threads do not interleave); {@link dev.salvo.cli.common.CleanStop} is thread-safe. Option
 * holders are filled by picocli on the main thread and read-only afterwards.
 * <b>Nulls.</b> No method accepts or returns null.
 */
package dev.salvo.cli.common;
