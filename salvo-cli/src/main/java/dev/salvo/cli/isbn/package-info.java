/**
 * {@code salvo isbn} and scenario S4 (seed 002's {@code isbn.py}): book lookups with a
 * <em>blocking</em> client, in the seed's four variants; only the one that submits every call
 * before waiting is concurrent.
 *
 * <p><b>Threading.</b> Lookups run on the caller's thread (sync_main) or on a virtual-thread
 * executor (the seed's {@code run_in_executor}); book lines are printed from those threads through
 * the thread-safe {@link dev.salvo.cli.common.Output}. <b>Nulls.</b> No method accepts or returns null.
 */
package dev.salvo.cli.isbn;
