package dev.salvo.server.internal.strategy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Objects;

/**
 * The seed's "expensive function": a duration of either waiting (I/O kind, a sleep or a timer) or
 * real computation on one core (CPU kind: that much CPU time, so it competes for cores).
 */
public record Work(Duration duration, Kind kind) {
    /** Whether the work waits or computes. */
    public enum Kind { IO, CPU }

    /** Keeps the computation's result observable so the JIT cannot drop the loop. */
    private static volatile long sink;
    /** CPU work stops after this many times its cost in wall time, however little CPU it got. */
    static final int WALL_CAP = 4;

    public Work {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(kind, "kind");
    }

    /** Waiting of the given length. */
    public static Work io(Duration duration) {
        return new Work(duration, Kind.IO);
    }

    /** True when there is nothing to spend. */
    public boolean isFree() {
        return duration.isZero() || duration.isNegative();
    }

    /** Does the work on the calling thread: sleeps (IO) or computes (CPU) for {@link #duration()}. */
    public void runBlocking() {
        if (isFree()) {
            return;
        }
        if (kind == Kind.IO) {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            compute(duration.toNanos());
        }
    }

    /**
     * Computes until this thread has used {@code nanos} of CPU time (wall time where the JVM cannot
     * measure thread CPU time), so N computations on fewer than N cores take longer, as real
     * CPU-bound work does. On a machine so busy that this would take over {@value #WALL_CAP}× the
     * cost in wall time, it stops there, so a request never runs away.
     */
    private static void compute(long nanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
        long start = cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime();
        long wallEnd = System.nanoTime() + WALL_CAP * nanos;
        long x = nanos;
        do {
            for (int i = 0; i < 20_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                x ^= x >>> 29;
            }
        } while ((cpuClock ? threads.getCurrentThreadCpuTime() : System.nanoTime()) - start < nanos
                && System.nanoTime() - wallEnd < 0);
        sink = x;
    }
}
