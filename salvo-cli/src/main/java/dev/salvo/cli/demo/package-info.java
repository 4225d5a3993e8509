/**
 * {@code salvo demo}: starts the embedded server, replays the seed scenarios S1–S6 the slow way
 * and the concurrent way, prints the summary table and optionally writes the HTML report.
 *
 * <p><b>Threading.</b> Scenarios run one after another on the main thread. <b>Nulls.</b> No
 * method accepts or returns null.
 */
package dev.salvo.cli.demo;
