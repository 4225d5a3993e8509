/**
 * The {@code salvo} command: {@link dev.salvo.cli.Main} registers every subcommand in one place.
 *
 * <p><b>Threading.</b> Commands run on the main thread; what they start (clients, servers, worker
 * pools) they close before returning. <b>Nulls.</b> No method accepts or returns null.
 */
package dev.salvo.cli;
