package dev.salvo.benchmarks.peers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Every measured run, by path, concurrency and client, in the order they ran; and the medians the
 * report shows. Each figure's median is taken on its own (the median p99 need not come from the
 * median-throughput run). Confined to the coordinator's thread.
 */
final class Measurements {
    private record Key(String path, int level, Peer peer) {
    }

    private final Map<Key, List<RunResult>> runs = new LinkedHashMap<>();

    void add(String path, int level, Peer peer, RunResult result) {
        runs.computeIfAbsent(new Key(path, level, peer), k -> new ArrayList<>()).add(result);
    }

    /** The runs of one client at one path and level, in the order they ran (empty if none). */
    List<RunResult> runs(String path, int level, Peer peer) {
        return runs.getOrDefault(new Key(path, level, peer), List.of());
    }

    /** Medians of each figure; errors are summed over the runs; the first error message kept. */
    RunResult median(String path, int level, Peer peer) {
        List<RunResult> all = runs(path, level, peer);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no runs of " + peer + " at " + path + " c=" + level);
        }
        return new RunResult(median(all, RunResult::requestsPerSecond),
                (long) median(all, RunResult::p50Nanos), (long) median(all, RunResult::p99Nanos),
                (long) median(all, RunResult::bytesPerRequest), (long) median(all, RunResult::cpuNanosPerRequest),
                all.stream().mapToLong(RunResult::errors).sum(),
                all.stream().map(RunResult::firstError).filter(e -> !e.equals("-")).findFirst().orElse("-"));
    }

    /**
     * The median over repetitions of {@code figure(salvo run) − figure(bare run)}, pairing the
     * runs of the same repetition (which ran next to each other).
     */
    double medianPairedDifference(String path, int level, Peer salvo, Peer bare, ToDoubleFunction<RunResult> figure) {
        List<RunResult> with = runs(path, level, salvo);
        List<RunResult> without = runs(path, level, bare);
        int n = Math.min(with.size(), without.size());
        double[] differences = new double[n];
        for (int i = 0; i < n; i++) {
            differences[i] = figure.applyAsDouble(with.get(i)) - figure.applyAsDouble(without.get(i));
        }
        return median(differences);
    }

    private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
        return median(runs.stream().mapToDouble(figure).toArray());
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
