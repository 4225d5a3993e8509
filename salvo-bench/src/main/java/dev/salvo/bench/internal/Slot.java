package dev.salvo.bench.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One of the run's {@code -c} lanes: holds at most one request in flight. In the closed model a
 * slot is a connection sending back to back; in the open model a permit the pacer must take.
 */
final class Slot {
    final int index;
    /** The request in flight, or null when idle. */
    volatile InFlight current;
    /** Scenario runs: the flow this slot is going through, or null between flows. */
    volatile FlowRun flow;
    /** Work-in-progress counter of {@link ClosedLoop#pump}, so that synchronous completions loop instead of recursing. */
    final AtomicInteger pumps = new AtomicInteger();

    Slot(int index) {
        this.index = index;
    }
}
