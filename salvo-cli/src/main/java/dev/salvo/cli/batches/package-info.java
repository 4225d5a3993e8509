/**
 * {@code salvo batches} and scenario S3 (seed 001's {@code adv_http.py}): batches whose requests
 * must go in order, the batches themselves run at the same time. The batch file format is
 * documented in docs/cli.md and read by {@link dev.salvo.cli.batches.BatchFile}.
 *
 * <p><b>Threading.</b> Step lines are printed from the client's callback threads through the
 * thread-safe {@link dev.salvo.cli.common.Output}; per-batch clocks are only touched by the one
 * thread running that batch's current step. <b>Nulls.</b> No method accepts or returns null.
 */
package dev.salvo.cli.batches;
