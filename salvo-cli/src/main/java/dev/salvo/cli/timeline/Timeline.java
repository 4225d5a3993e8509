package dev.salvo.cli.timeline;

import dev.salvo.cli.common.Elapsed;
import dev.salvo.client.CallEvent;
import dev.salvo.client.EventListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records one run: as an {@link EventListener} of the client that runs it, or by hand through
 * {@link #record} for calls made without Salvo (a plain blocking loop). Times count from the
 * timeline's creation. Thread-safe; listener calls never block for long.
 */
public final class Timeline implements EventListener {
    private final String label;
    private final long origin = System.nanoTime();
    private final Map<Long, Times> calls = new ConcurrentHashMap<>();
    private final AtomicLong manualIds = new AtomicLong(Long.MIN_VALUE);

    public Timeline(String label) {
        this.label = label;
    }

    @Override
    public void onEvent(CallEvent event) {
        Times times = calls.computeIfAbsent(event.requestId(), id -> new Times(event.request().toString()));
        times.update(event.phase(), event.nanoTime());
    }

    /** Records a call made outside Salvo, from {@link System#nanoTime()} values. */
    public void record(String request, long queuedNanos, long startNanos, long endNanos, boolean failed) {
        Times times = new Times(request);
        times.update(CallEvent.Phase.QUEUED, queuedNanos);
        times.update(CallEvent.Phase.STARTED, startNanos);
        times.update(failed ? CallEvent.Phase.FAILED : CallEvent.Phase.COMPLETED, endNanos);
        calls.put(manualIds.getAndIncrement(), times);
    }

    /** The run, which took {@code elapsed} as its caller measured it; calls not yet ended end now. */
    public Run finish(Elapsed elapsed) {
        long now = System.nanoTime();
        List<Map.Entry<Long, Times>> entries = new ArrayList<>(calls.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        List<Bar> bars = entries.stream().map(e -> e.getValue().toBar(origin, now))
                .sorted(Comparator.comparingLong(Bar::queued)).toList();
        return new Run(label, elapsed.nanos(), bars);
    }

    /** Phase times of one call; the first STARTED counts (retries and redirects stay in one bar). */
    private static final class Times {
        private final String request;
        private long queued = -1;
        private long started = -1;
        private long ended = -1;
        private boolean failed;

        Times(String request) {
            this.request = request;
        }

        synchronized void update(CallEvent.Phase phase, long at) {
            switch (phase) {
                case QUEUED -> queued = at;
                case STARTED -> started = started < 0 ? at : started;
                case COMPLETED -> ended = at;
                case FAILED -> {
                    ended = at;
                    failed = true;
                }
                case RESPONSE_HEADERS -> { }
            }
        }

        synchronized Bar toBar(long origin, long now) {
            long q = Math.max(origin, queued < 0 ? (started < 0 ? now : started) : queued) - origin;
            long s = Math.max(q, (started < 0 ? (ended < 0 ? now : ended) : started) - origin);
            long e = Math.max(s, (ended < 0 ? now : ended) - origin);
            return new Bar(request, q, s, e, failed);
        }
    }
}
