package dev.salvo.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Merges the results of runs made at the same time on several machines into one exact result:
 * latency histograms are added (never percentiles averaged), counts summed, and the per-second
 * series added second by second. The merged run's connections and target rate are the sums, its
 * window the longest of the parts (so its requests/s is the combined rate when the runs started
 * together, as {@code --start-at} arranges). Stateless.
 */
public final class BenchMerge {
    private BenchMerge() {
    }

    /**
     * One result for all of {@code parts} (at least one), checked against {@code slos}, or against
     * the first part's objectives when {@code slos} is empty.
     */
    public static BenchResult of(List<BenchResult> parts, List<Slo> slos) {
        Objects.requireNonNull(parts, "parts");
        Objects.requireNonNull(slos, "slos");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge: give at least one result");
        }
        BenchResult first = parts.getFirst();
        Histogram latency = new Histogram(3);
        Histogram uncorrected = new Histogram(3);
        SortedMap<Integer, Long> statuses = new TreeMap<>();
        SortedMap<String, Long> protocols = new TreeMap<>();
        Map<ErrorKind, Long> errorCounts = new EnumMap<>(ErrorKind.class);
        Map<ErrorKind, Map<String, Long>> messages = new EnumMap<>(ErrorKind.class);
        long requests = 0;
        long bytes = 0;
        long late = 0;
        long missed = 0;
        int connections = 0;
        int runs = 0;
        double rate = 0;
        long counted = 0;
        boolean stopped = false;
        Duration window = Duration.ZERO;
        for (BenchResult part : parts) {
            latency.add(part.latency());
            uncorrected.add(part.uncorrectedLatency());
            part.statuses().forEach((code, count) -> statuses.merge(code, count, Long::sum));
            part.protocols().forEach((name, count) -> protocols.merge(name, count, Long::sum));
            part.errors().forEach((kind, summary) -> {
                errorCounts.merge(kind, summary.count(), Long::sum);
                summary.messages().forEach((message, count) ->
                        messages.computeIfAbsent(kind, k -> new LinkedHashMap<>()).merge(message, count, Long::sum));
            });
            requests += part.requests();
            bytes += part.bytes();
            late += part.lateSends();
            missed += part.missedSends();
            connections += part.config().connections();
            rate += part.config().rate();
            counted += part.config().requests().orElse(0);
            runs += part.runs();
            stopped |= part.stoppedEarly();
            window = window.compareTo(part.duration()) >= 0 ? window : part.duration();
        }
        Map<ErrorKind, ErrorSummary> errors = new EnumMap<>(ErrorKind.class);
        errorCounts.forEach((kind, count) -> errors.put(kind, new ErrorSummary(count, messages.getOrDefault(kind, Map.of()))));
        BenchConfig.Builder config = BenchConfig.builder(first.config().request()).connections(connections)
                .warmup(first.config().warmup()).timeout(first.config().timeout());
        if (counted > 0 && parts.stream().allMatch(p -> p.config().requests().isPresent())) {
            config.requests(counted);
        } else {
            config.duration(parts.stream().map(p -> p.config().duration()).max(Duration::compareTo).orElseThrow());
        }
        if (rate > 0) {
            config.rate(rate);
        }
        (slos.isEmpty() ? first.config().slos() : slos).forEach(config::slo);
        return new BenchResult(config.build(), window, requests, bytes, latency, uncorrected, statuses, protocols, errors,
                series(parts), late, missed, stopped, runs);
    }

    /** Second {@code i} of the merge adds second {@code i} of every part that has one. */
    private static List<SecondSample> series(List<BenchResult> parts) {
        int longest = parts.stream().mapToInt(p -> p.series().size()).max().orElse(0);
        List<SecondSample> merged = new ArrayList<>(longest);
        for (int i = 0; i < longest; i++) {
            Histogram latency = new Histogram(3);
            SortedMap<Integer, Long> statuses = new TreeMap<>();
            Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
            double end = 0;
            double length = 0;
            for (BenchResult part : parts) {
                if (i < part.series().size()) {
                    SecondSample sample = part.series().get(i);
                    latency.add(sample.latencyHistogram());
                    sample.statuses().forEach((code, count) -> statuses.merge(code, count, Long::sum));
                    sample.errorKinds().forEach((kind, count) -> errors.merge(kind, count, Long::sum));
                    end = Math.max(end, sample.endSeconds());
                    length = Math.max(length, sample.lengthSeconds());
                }
            }
            merged.add(SecondSample.of(end, length, latency, statuses, errors));
        }
        return merged;
    }
}
