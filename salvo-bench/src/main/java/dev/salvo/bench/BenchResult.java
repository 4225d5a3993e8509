package dev.salvo.bench;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The measured outcome of a run. Latency histograms hold microseconds; {@link #latency()} is
 * measured from each request's intended send time (coordinated omission corrected) in the open
 * model and from its actual send time in the closed model, where both are the same.
 *
 * @param config             what ran
 * @param duration           the measured window (warmup excluded)
 * @param requests           measured requests completed, errors included
 * @param bytes              response bytes received (status line, headers and body)
 * @param latency            response latency in µs, corrected in the open model
 * @param uncorrectedLatency response latency in µs from the actual send time
 * @param statuses           status code → responses
 * @param protocols          protocol the responses came on ({@code HTTP/1.1}, {@code HTTP/2}) → responses
 * @param errors             failures by kind (every kind present, zero counts included)
 * @param series             one sample per second of the measured window
 * @param lateSends          open model: sends that left more than {@link #LATE_AFTER} after their intended time
 * @param missedSends        open model: sends due within the window that never left
 * @param stoppedEarly       true when {@link BenchRun#stop()} cut the run short
 * @param runs               how many runs this result covers: 1, or more for a {@link BenchMerge merged} one
 */
public record BenchResult(BenchConfig config, Duration duration, long requests, long bytes, Histogram latency,
        Histogram uncorrectedLatency, SortedMap<Integer, Long> statuses, SortedMap<String, Long> protocols,
        Map<ErrorKind, ErrorSummary> errors,
        List<SecondSample> series, long lateSends, long missedSends, boolean stoppedEarly, int runs) {

    /** A send is late when it leaves more than this after its intended time. */
    public static final Duration LATE_AFTER = Duration.ofMillis(1);

    /** Below this share of the target rate, a report warns that the rate was not reached. */
    public static final double RATE_REACHED_SHARE = 0.95;

    public BenchResult {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(duration, "duration");
        latency = Objects.requireNonNull(latency, "latency").copy();
        uncorrectedLatency = Objects.requireNonNull(uncorrectedLatency, "uncorrectedLatency").copy();
        statuses = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(statuses, "statuses")));
        protocols = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(protocols, "protocols")));
        errors = Collections.unmodifiableMap(new EnumMap<>(Objects.requireNonNull(errors, "errors")));
        series = List.copyOf(series);
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
    }

    /** The verdict of every objective of the config, in order; empty when it has none. */
    public List<Slo.Verdict> sloVerdicts() {
        return config.slos().stream().map(slo -> slo.check(this)).toList();
    }

    /** True when every objective holds (also when there are none). */
    public boolean slosPassed() {
        return sloVerdicts().stream().allMatch(Slo.Verdict::passed);
    }

    /** A copy of the latency histogram (µs). */
    @Override
    public Histogram latency() {
        return latency.copy();
    }

    /** A copy of the uncorrected latency histogram (µs). */
    @Override
    public Histogram uncorrectedLatency() {
        return uncorrectedLatency.copy();
    }

    /** Responses received (any status). */
    public long responses() {
        return latency.getTotalCount();
    }

    /** Failed requests, all kinds. */
    public long errorCount() {
        return errors.values().stream().mapToLong(ErrorSummary::count).sum();
    }

    /** Failed requests of one kind. */
    public long errorCount(ErrorKind kind) {
        ErrorSummary summary = errors.get(Objects.requireNonNull(kind, "kind"));
        return summary == null ? 0 : summary.count();
    }

    public double durationSeconds() {
        return duration.toNanos() / 1e9;
    }

    /** Completed requests per second over the measured window. */
    public double requestsPerSecond() {
        double seconds = durationSeconds();
        return seconds > 0 ? requests / seconds : 0;
    }

    public double bytesPerSecond() {
        double seconds = durationSeconds();
        return seconds > 0 ? bytes / seconds : 0;
    }

    /** The corrected latency at {@code percentile} (0–100), in milliseconds; 0 with no responses. */
    public double latencyMs(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The uncorrected latency at {@code percentile} (0–100), in milliseconds. */
    public double uncorrectedLatencyMs(double percentile) {
        return uncorrectedLatency.getTotalCount() == 0 ? 0 : uncorrectedLatency.getValueAtPercentile(percentile) / 1000.0;
    }

    /**
     * True for an open-model run that completed less than {@link #RATE_REACHED_SHARE} of its target
     * rate, or missed more than the rest of its due sends.
     */
    public boolean rateMissed() {
        if (!config.isOpenModel() || durationSeconds() <= 0) {
            return false;
        }
        double due = durationSeconds() * config.rate();
        return requestsPerSecond() < RATE_REACHED_SHARE * config.rate() || missedSends > (1 - RATE_REACHED_SHARE) * due;
    }
}
