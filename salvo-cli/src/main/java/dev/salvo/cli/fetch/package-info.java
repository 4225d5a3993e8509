/**
 * {@code salvo fetch} and scenario S2 (seed 001's {@code sync_vs_async.py}): a list of URLs
 * fetched one after another, then all at once, with per-URL times, the total and the statuses.
 *
 * <p><b>Threading.</b> Lines of the async run are printed from the client's callback threads, in
 * completion order, through the thread-safe {@link dev.salvo.cli.common.Output}.
 * <b>Nulls.</b> No method accepts or returns null.
 */
package dev.salvo.cli.fetch;
