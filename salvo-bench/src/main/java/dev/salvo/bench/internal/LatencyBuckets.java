package dev.salvo.bench.internal;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Splits a latency histogram (µs) into buckets of geometrically growing width between its
 * fastest and slowest value, so a long tail stays readable, for the text and SVG histograms.
 */
public final class LatencyBuckets {
    private LatencyBuckets() {
    }

    /**
     * One bar: values in ({@code fromMs}, {@code toMs}] (the first bucket includes its lower end).
     */
    public record Bucket(double fromMs, double toMs, long count) {
    }

    /** At most {@code buckets} bars covering every recorded value; empty for an empty histogram. */
    public static List<Bucket> of(Histogram histogram, int buckets) {
        List<Bucket> bars = new ArrayList<>();
        if (histogram.getTotalCount() == 0) {
            return bars;
        }
        double min = Math.max(1, histogram.getMinValue());
        double max = Math.max(min, histogram.getMaxValue());
        int n = max / min < 1.01 ? 1 : buckets;
        double ratio = Math.pow(max / min, 1.0 / n);
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            upper[i] = i == n - 1 ? max : min * Math.pow(ratio, i + 1);
        }
        long[] counts = new long[n];
        for (HistogramIterationValue value : histogram.recordedValues()) {
            double v = histogram.highestEquivalentValue(value.getValueIteratedTo());
            int i = 0;
            while (i < n - 1 && v > upper[i]) {
                i++;
            }
            counts[i] += value.getCountAtValueIteratedTo();
        }
        double lower = min;
        for (int i = 0; i < n; i++) {
            bars.add(new Bucket(lower / 1000.0, upper[i] / 1000.0, counts[i]));
            lower = upper[i];
        }
        return bars;
    }
}
