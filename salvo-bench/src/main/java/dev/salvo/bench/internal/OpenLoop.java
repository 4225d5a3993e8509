package dev.salvo.bench.internal;

import dev.salvo.bench.BenchResult;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The open model: a pacer thread gives request {@code i} the intended send time
 * {@code start + i / rate} and sends it then on a free slot. When every slot is busy the send
 * waits and leaves late, but its latency still counts from the intended time: the server's
 * stall shows in the figures instead of silently lowering the rate (coordinated omission).
 */
final class OpenLoop implements Driver, Runnable {
    private static final long LATE_NANOS = BenchResult.LATE_AFTER.toNanos();
    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Run run;
    private final double intervalNanos;
    private final BlockingQueue<Slot> freeSlots;
    private final Thread pacer;
    private final LongAdder measuredSends = new LongAdder();
    private final LongAdder lateSends = new LongAdder();

    OpenLoop(Run run) {
        this.run = run;
        this.intervalNanos = 1e9 / run.config.rate();
        this.freeSlots = new ArrayBlockingQueue<>(run.slots.length);
        for (Slot slot : run.slots) {
            freeSlots.add(slot);
        }
        this.pacer = new Thread(this, "salvo-bench-pacer");
        this.pacer.setDaemon(true);
    }

    @Override
    public void start() {
        pacer.start();
    }

    @Override
    public void run() {
        for (long i = 0; !run.stopped(); i++) {
            long intended = run.startNanos + (long) (i * intervalNanos);
            if (intended >= run.endNanos()) {
                return;
            }
            boolean measured = intended >= run.warmupEndNanos;
            if (measured && !run.claimPermit()) {
                return;
            }
            Slot slot = waitForSlot(intended);
            if (slot == null) {
                return;
            }
            long now = System.nanoTime();
            if (measured) {
                measuredSends.increment();
                if (now - intended > LATE_NANOS) {
                    lateSends.increment();
                }
            }
            run.send(slot, intended, now, measured);
        }
    }

    /** Parks until {@code intended}, then takes a free slot; null when the run stops meanwhile. */
    private Slot waitForSlot(long intended) {
        long wait;
        while ((wait = intended - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (run.stopped()) {
                return null;
            }
        }
        try {
            Slot slot = freeSlots.poll();
            while (slot == null && !run.stopped()) {
                slot = freeSlots.poll(WAIT_SLICE_NANOS, TimeUnit.NANOSECONDS);
            }
            return run.stopped() ? null : slot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void slotFree(Slot slot) {
        freeSlots.offer(slot);
    }

    @Override
    public void stop() {
        pacer.interrupt();
    }

    @Override
    public long lateSends() {
        return lateSends.sum();
    }

    @Override
    public long missedSends(long windowNanos) {
        if (run.counted()) {
            return 0;
        }
        long due = (long) (windowNanos / intervalNanos);
        return Math.max(0, due - measuredSends.sum());
    }
}
