/**
 * {@code salvo fetch} and scenario S2 (seed 001's {@code sync_vs_async.py}): a list of URLs
 * fetched all at once under limits, or one after another, or both, with per-URL times, the total,
 * the statuses and, with {@code --jsonl}, one JSON object per URL. Flags are checked and files read
 * before any request is sent; bad ones are {@link dev.salvo.cli.common.BadInputException}s.
 *
 * <p><b>Threading.</b> Results of the async run are handled on the client's callback threads, in
 * completion order, concurrently: lines go through the thread-safe
 * {@link dev.salvo.cli.common.Output}, {@code --jsonl} lines through a synchronized writer, counts
 * through atomics. <b>Nulls.</b> No method accepts or returns null; unset options are null fields
 * of the picocli-bound option classes only.
 */
package dev.salvo.cli.fetch;
