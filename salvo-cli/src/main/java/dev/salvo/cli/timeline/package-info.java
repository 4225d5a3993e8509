/**
 * Timelines of runs of requests, recorded from the client's {@link dev.salvo.client.CallEvent}s:
 * for each request when it was queued, when it started and when it ended. The report draws them
 * as waterfalls.
 *
 * <p><b>Threading.</b> {@link dev.salvo.cli.timeline.Timeline} takes events from any thread;
 * {@link dev.salvo.cli.timeline.Run} and {@link dev.salvo.cli.timeline.Bar} are immutable.
 * <b>Nulls.</b> No method accepts or returns null.
 */
package dev.salvo.cli.timeline;
