package dev.salvo.server.internal.strategy;

import java.time.Duration;
import java.util.Objects;

/**
 * The seed's "expensive function": a duration of either waiting (I/O kind, a sleep or a timer) or
 * real computation on one core (CPU kind).
 */
public record Work(Duration duration, Kind kind) {
    /** Whether the work waits or computes. */
    public enum Kind { IO, CPU }

    /** Keeps the computation's result observable so the JIT cannot drop the loop. */
    private static volatile long sink;

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

    private static void compute(long nanos) {
        long end = System.nanoTime() + nanos;
        long x = nanos;
        while (System.nanoTime() - end < 0) {
            for (int i = 0; i < 20_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                x ^= x >>> 29;
            }
        }
        sink = x;
    }
}
