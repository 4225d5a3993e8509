package dev.salvo.bench.internal;

import dev.salvo.bench.BenchResult;
import dev.salvo.bench.ErrorKind;
import dev.salvo.bench.ErrorSummary;
import dev.salvo.bench.SecondSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The run's own thread: every 10 ms it times out slow requests, once a second it cuts the
 * interval histograms into a {@link SecondSample}, and when the run is due to end (time up, count
 * reached, or stop asked) it stops the driver and assembles the {@link BenchResult}.
 */
final class RunClock implements Runnable {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** A final interval shorter than this is folded into the totals without a sample of its own. */
    private static final long SHORTEST_SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Run run;
    private final Thread thread;
    private final Histogram total = new Histogram(3);
    private final Histogram totalUncorrected = new Histogram(3);
    private final List<SecondSample> series = new ArrayList<>();
    private long lastCutNanos;
    private long lastRateNanos;
    private long lastRateDone;
    private volatile double currentRate;
    /** p50, p90, p99 (ms) of the measured responses up to the last cut. */
    private volatile double[] livePercentiles = {0, 0, 0};

    RunClock(Run run) {
        this.run = run;
        this.thread = new Thread(this, "salvo-bench-clock");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void wake() {
        LockSupport.unpark(thread);
    }

    double currentRate() {
        return currentRate;
    }

    double[] livePercentiles() {
        return livePercentiles;
    }

    @Override
    public void run() {
        try {
            lastCutNanos = run.warmupEndNanos;
            lastRateNanos = run.startNanos;
            long now = System.nanoTime();
            while (!endDue(now)) {
                run.sweepTimeouts(now);
                if (now - lastRateNanos >= SECOND_NANOS) {
                    long done = run.tally.anyDone();
                    currentRate = (done - lastRateDone) * 1e9 / (now - lastRateNanos);
                    lastRateDone = done;
                    lastRateNanos = now;
                }
                if (now - lastCutNanos >= SECOND_NANOS && now > run.warmupEndNanos) {
                    cut(now);
                }
                LockSupport.parkNanos(TICK_NANOS);
                now = System.nanoTime();
            }
            run.stopAt(now);
            run.finish(result(now));
        } catch (RuntimeException | Error e) {
            run.fail(e);
            throw e;
        }
    }

    private boolean endDue(long now) {
        return run.stopRequested() || run.countReached() || (!run.counted() && now >= run.endNanos());
    }

    private void cut(long now) {
        Tally.Cut cut = run.tally.cut();
        total.add(cut.fromIntended());
        totalUncorrected.add(cut.fromSend());
        long length = now - lastCutNanos;
        if (length >= SHORTEST_SAMPLE_NANOS || series.isEmpty()) {
            series.add(SecondSample.of((now - run.warmupEndNanos) / 1e9, length / 1e9, cut.fromIntended(),
                    cut.statuses(), cut.errors()));
        } else {
            series.set(series.size() - 1, folded(series.getLast(), cut));
        }
        lastCutNanos = now;
        if (total.getTotalCount() > 0) {
            livePercentiles = new double[] {total.getValueAtPercentile(50) / 1000.0,
                total.getValueAtPercentile(90) / 1000.0, total.getValueAtPercentile(99) / 1000.0};
        }
    }

    /** {@code last} with a too-short final {@code cut} added to it, so the series sums to the totals. */
    private static SecondSample folded(SecondSample last, Tally.Cut cut) {
        Histogram latency = last.latencyHistogram();
        latency.add(cut.fromIntended());
        java.util.SortedMap<Integer, Long> statuses = new java.util.TreeMap<>(last.statuses());
        cut.statuses().forEach((code, count) -> statuses.merge(code, count, Long::sum));
        Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
        errors.putAll(last.errorKinds());
        cut.errors().forEach((kind, count) -> errors.merge(kind, count, Long::sum));
        return SecondSample.of(last.endSeconds(), last.lengthSeconds(), latency, statuses, errors);
    }

    private BenchResult result(long now) {
        long windowEnd = run.counted() && run.countReached() ? run.lastMeasuredDoneNanos() : Math.min(now, run.endNanos());
        windowEnd = Math.max(windowEnd, run.warmupEndNanos);
        cut(Math.max(windowEnd, lastCutNanos));
        long window = windowEnd - run.warmupEndNanos;
        Map<ErrorKind, ErrorSummary> errors = new EnumMap<>(ErrorKind.class);
        run.tally.errorsByKind().forEach((kind, samples) -> errors.put(kind,
                new ErrorSummary(samples.count(), samples.messages())));
        long requests = total.getTotalCount() + errors.values().stream().mapToLong(ErrorSummary::count).sum();
        Driver driver = run.driver();
        return new BenchResult(run.config, Duration.ofNanos(window), requests, run.tally.bytes(), total,
                totalUncorrected, run.tally.statuses(), run.tally.protocols(), errors, series, driver.lateSends(),
                driver.missedSends(window), run.stopRequested(), 1);
    }
}
