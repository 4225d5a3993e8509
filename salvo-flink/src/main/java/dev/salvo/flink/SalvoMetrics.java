package dev.salvo.flink;

import dev.salvo.client.CallEvent;
import dev.salvo.client.EventListener;
import dev.salvo.client.Salvo;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * One subtask's Salvo metrics, fed by the client's events, in the subgroup {@code salvo} of the
 * subtask's metric group: gauges {@code inFlight} and {@code queued}, histogram
 * {@code latencyMs} (queued to completed or failed, over the last 10,000 calls), counters
 * {@code errors.<kind>} and {@code responses.<1xx..5xx>}. Thread-safe: events arrive on I/O
 * threads, so every step is a lock-free update or a short synchronized one.
 */
final class SalvoMetrics implements EventListener {
    static final String GROUP = "salvo";
    private static final int HISTOGRAM_WINDOW = 10_000;

    private final MetricGroup group;
    private final Histogram latencyMs;
    private final Map<ErrorKind, Counter> errors = new EnumMap<>(ErrorKind.class);
    private final Counter[] responses = new Counter[5];
    private final Map<Long, Long> queuedAt = new ConcurrentHashMap<>();

    private SalvoMetrics(MetricGroup group) {
        this.group = group;
        this.latencyMs = group.histogram("latencyMs", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        MetricGroup errorGroup = group.addGroup("errors");
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind, errorGroup.counter(kind.label(), new ThreadSafeSimpleCounter()));
        }
        MetricGroup responseGroup = group.addGroup("responses");
        for (int i = 0; i < responses.length; i++) {
            responses[i] = responseGroup.counter((i + 1) + "xx", new ThreadSafeSimpleCounter());
        }
    }

    /** Metrics in the subgroup {@code salvo} of {@code parent}. */
    static SalvoMetrics register(MetricGroup parent) {
        return new SalvoMetrics(parent.addGroup(GROUP));
    }

    /** Adds the gauges that read {@code client}'s counters. */
    void watch(Salvo client) {
        group.gauge("inFlight", (Gauge<Integer>) client::inFlight);
        group.gauge("queued", (Gauge<Integer>) client::queued);
    }

    /** Counts a failure that no client event reports (bad input, Flink's timeout). */
    void countError(ErrorKind kind) {
        errors.get(kind).inc();
    }

    @Override
    public void onEvent(CallEvent event) {
        switch (event.phase()) {
            case QUEUED -> queuedAt.put(event.requestId(), event.nanoTime());
            case COMPLETED -> {
                recordLatency(event);
                int statusClass = event.status() / 100;
                if (statusClass >= 1 && statusClass <= responses.length) {
                    responses[statusClass - 1].inc();
                }
            }
            case FAILED -> {
                recordLatency(event);
                event.failure().ifPresent(failure -> countError(ErrorKind.of(failure)));
            }
            default -> { }
        }
    }

    private void recordLatency(CallEvent event) {
        Long start = queuedAt.remove(event.requestId());
        if (start != null) {
            latencyMs.update((event.nanoTime() - start) / 1_000_000);
        }
    }
}
