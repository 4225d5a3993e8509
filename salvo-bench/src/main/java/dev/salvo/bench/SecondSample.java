package dev.salvo.bench;

import dev.salvo.bench.internal.HistogramCodec;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One interval (normally one second) of a run's measured window. The interval's latency
 * histogram is kept in HdrHistogram's compressed encoding (base64), so a long run stays small
 * and runs of several machines merge exactly, second by second.
 *
 * @param endSeconds    when the interval ended, in seconds since measuring began
 * @param lengthSeconds the interval's length (the last one may be shorter than a second)
 * @param requests      requests completed in the interval, errors included
 * @param errors        failed requests among them
 * @param p50Ms         median latency of the interval's responses (0 when none)
 * @param p90Ms         90th percentile latency (0 when none)
 * @param p99Ms         99th percentile latency (0 when none)
 * @param maxMs         the slowest response of the interval (0 when none)
 * @param statuses      status code → responses in the interval
 * @param errorKinds    failures of the interval by kind (only kinds seen)
 * @param latency       the interval's latency histogram (µs, from the intended send), compressed, base64
 */
public record SecondSample(double endSeconds, double lengthSeconds, long requests, long errors,
        double p50Ms, double p90Ms, double p99Ms, double maxMs, SortedMap<Integer, Long> statuses,
        Map<ErrorKind, Long> errorKinds, String latency) {

    public SecondSample {
        statuses = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(statuses, "statuses")));
        Objects.requireNonNull(errorKinds, "errorKinds");
        errorKinds = Collections.unmodifiableMap(errorKinds.isEmpty() ? new EnumMap<>(ErrorKind.class)
                : new EnumMap<>(errorKinds));
        Objects.requireNonNull(latency, "latency");
    }

    /** A sample of {@code histogram} (µs), its percentiles computed here. */
    public static SecondSample of(double endSeconds, double lengthSeconds, Histogram histogram,
            SortedMap<Integer, Long> statuses, Map<ErrorKind, Long> errorKinds) {
        long errors = errorKinds.values().stream().mapToLong(Long::longValue).sum();
        boolean any = histogram.getTotalCount() > 0;
        return new SecondSample(endSeconds, lengthSeconds, histogram.getTotalCount() + errors, errors,
                any ? histogram.getValueAtPercentile(50) / 1000.0 : 0, any ? histogram.getValueAtPercentile(90) / 1000.0 : 0,
                any ? histogram.getValueAtPercentile(99) / 1000.0 : 0, any ? histogram.getMaxValue() / 1000.0 : 0,
                statuses, errorKinds, HistogramCodec.encode(histogram));
    }

    /** Requests per second over this interval. */
    public double requestsPerSecond() {
        return lengthSeconds > 0 ? requests / lengthSeconds : 0;
    }

    /** A new copy of the interval's latency histogram (µs). */
    public Histogram latencyHistogram() {
        return HistogramCodec.decode(latency);
    }
}
