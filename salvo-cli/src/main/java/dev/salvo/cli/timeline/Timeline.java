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
        if (event.phase() == CallEvent.Phase.RESPONSE_HEADERS) {
            times.protocol(event.detail());
        }
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

    /**
     * Phase times of one call: the first time of each phase (retries and redirects stay in one bar,
     * their parts those of the first attempt), the last COMPLETED or FAILED.
     */
    private static final class Times {
        private static final CallEvent.Phase[] PHASES = CallEvent.Phase.values();
        private final String request;
        private final long[] at = new long[PHASES.length];
        private boolean failed;
        private String protocol = "";

        Times(String request) {
            this.request = request;
            java.util.Arrays.fill(at, -1);
        }

        synchronized void update(CallEvent.Phase phase, long nanos) {
            boolean end = phase == CallEvent.Phase.COMPLETED || phase == CallEvent.Phase.FAILED;
            if (end) {
                at[CallEvent.Phase.COMPLETED.ordinal()] = nanos;
                failed = phase == CallEvent.Phase.FAILED;
            } else if (at[phase.ordinal()] < 0) {
                at[phase.ordinal()] = nanos;
            }
        }

        /** The protocol of the latest response (after redirects and retries, the one delivered). */
        synchronized void protocol(String name) {
            protocol = name;
        }

        synchronized Bar toBar(long origin, long now) {
            long queued = at(CallEvent.Phase.QUEUED);
            long started = at(CallEvent.Phase.STARTED);
            long ended = at(CallEvent.Phase.COMPLETED);
            long q = Math.max(origin, queued < 0 ? (started < 0 ? now : started) : queued) - origin;
            long s = Math.max(q, (started < 0 ? (ended < 0 ? now : ended) : started) - origin);
            long e = Math.max(s, (ended < 0 ? now : ended) - origin);
            return new Bar(request, q, s, e, failed, started < 0 ? List.of() : segments(origin, s, e), protocol);
        }

        /** The parts the phases tell apart, clipped to the bar {@code s}–{@code e} (times since {@code origin}). */
        private List<Bar.Segment> segments(long origin, long s, long e) {
            List<Bar.Segment> parts = new ArrayList<>(4);
            long connectFrom = first(CallEvent.Phase.DNS_START, CallEvent.Phase.CONNECT_START);
            add(parts, Bar.Part.CONNECT, connectFrom, at(CallEvent.Phase.CONNECT_END), origin, s, e);
            add(parts, Bar.Part.TLS, at(CallEvent.Phase.TLS_START), at(CallEvent.Phase.TLS_END), origin, s, e);
            long sent = first(CallEvent.Phase.REQUEST_BODY_SENT, CallEvent.Phase.REQUEST_HEADERS_SENT,
                    CallEvent.Phase.CONNECTION_ACQUIRED, CallEvent.Phase.TLS_END, CallEvent.Phase.CONNECT_END,
                    CallEvent.Phase.STARTED);
            long answer = first(CallEvent.Phase.RESPONSE_FIRST_BYTE, CallEvent.Phase.RESPONSE_HEADERS);
            add(parts, Bar.Part.WAIT, sent, answer, origin, s, e);
            long bodyEnd = first(CallEvent.Phase.RESPONSE_BODY_RECEIVED, CallEvent.Phase.COMPLETED);
            add(parts, Bar.Part.BODY, answer, bodyEnd, origin, s, e);
            return parts;
        }

        private static void add(List<Bar.Segment> parts, Bar.Part part, long from, long to, long origin, long s, long e) {
            if (from < 0 || to < 0) {
                return;
            }
            long a = Math.min(e, Math.max(s, from - origin));
            long b = Math.min(e, Math.max(a, to - origin));
            parts.add(new Bar.Segment(part, a, b));
        }

        private long at(CallEvent.Phase phase) {
            return at[phase.ordinal()];
        }

        /** The time of the first of {@code phases} (in the order given) that happened; -1 when none did. */
        private long first(CallEvent.Phase... phases) {
            for (CallEvent.Phase phase : phases) {
                if (at[phase.ordinal()] >= 0) {
                    return at[phase.ordinal()];
                }
            }
            return -1;
        }
    }
}
