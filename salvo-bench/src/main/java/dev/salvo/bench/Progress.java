package dev.salvo.bench;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A glimpse of a running bench, for a live view.
 *
 * @param elapsed           time since the run started (warmup included)
 * @param warmupLeft        warmup still to go; zero once measuring
 * @param measured          time measured so far (zero while warming up)
 * @param measureFor        how long a timed run measures; zero for a counted run
 * @param done              measured requests completed so far, errors included
 * @param target            the request count of a counted run; 0 for a timed run
 * @param requestsPerSecond completions per second over the last whole second, warmup included
 * @param averagePerSecond  measured completions per second since measuring began
 * @param p50Ms             median latency of the measured responses so far (updated once a second; 0 before)
 * @param p90Ms             90th percentile, likewise
 * @param p99Ms             99th percentile, likewise
 * @param statuses          status code → measured responses so far
 * @param errors            measured failures so far by kind (only kinds seen)
 */
public record Progress(Duration elapsed, Duration warmupLeft, Duration measured, Duration measureFor, long done,
        long target, double requestsPerSecond, double averagePerSecond, double p50Ms, double p90Ms, double p99Ms,
        SortedMap<Integer, Long> statuses, Map<ErrorKind, Long> errors) {

    public Progress {
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(warmupLeft, "warmupLeft");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(measureFor, "measureFor");
        statuses = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(statuses, "statuses")));
        Objects.requireNonNull(errors, "errors");
        errors = Collections.unmodifiableMap(errors.isEmpty() ? new EnumMap<>(ErrorKind.class) : new EnumMap<>(errors));
    }

    /** True while the warmup lasts. */
    public boolean warmingUp() {
        return warmupLeft.isPositive();
    }

    /** How far the measured part is, 0 to 1: time for a timed run, count for a counted one. */
    public double fraction() {
        double f = target > 0 ? (double) done / target
                : measureFor.isZero() ? 0 : (double) measured.toNanos() / measureFor.toNanos();
        return Math.max(0, Math.min(1, f));
    }

    /** Failed requests so far, all kinds. */
    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
