package dev.salvo.micrometer;

import dev.salvo.client.CallEvent;
import dev.salvo.client.EventListener;
import dev.salvo.client.Origin;
import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The listener behind {@link SalvoMetrics}: keeps each running call's start (by request id) until it ends,
 * and records into meters it registers once and keeps (no registry lookup per call).
 */
final class CallRecorder implements EventListener {
    static final String UNKNOWN = "UNKNOWN";

    private final MeterRegistry registry;
    private final Tags tags;
    private final Function<Request, String> uriTemplate;
    private final ConcurrentHashMap<Long, Running> calls = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Origin, OriginMeters> origins = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    /** The monitored client's pools, once {@link #monitorPools} was called; null before. */
    private volatile PoolView pools;

    CallRecorder(MeterRegistry registry, Tags tags, Function<Request, String> uriTemplate) {
        this.registry = registry;
        this.tags = tags;
        this.uriTemplate = uriTemplate;
    }

    MeterRegistry registry() {
        return registry;
    }

    Tags tags() {
        return tags;
    }

    void monitorPools(Salvo client) {
        PoolView view = new PoolView(client);
        pools = view;
        origins.values().forEach(meters -> meters.registerPools(view));
        client.poolStats().forEach(stats -> origin(stats.origin()));
    }

    @Override
    public boolean wants(CallEvent.Phase phase) {
        return switch (phase) {
            case QUEUED, STARTED, REQUEST_BODY_SENT, RESPONSE_BODY_RECEIVED, RETRY_SCHEDULED, COMPLETED, FAILED -> true;
            default -> false;
        };
    }

    @Override
    public void onEvent(CallEvent event) {
        switch (event.phase()) {
            case QUEUED -> calls.put(event.requestId(), new Running(event.request(), event.nanoTime(), origin(event.request())));
            case STARTED -> {
                Running call = calls.get(event.requestId());
                if (call != null && !call.started) {
                    call.started = true;
                    call.meters.queueWait().record(event.nanoTime() - call.queuedAt, TimeUnit.NANOSECONDS);
                }
            }
            case REQUEST_BODY_SENT -> origin(event.request()).sent().increment(event.value());
            case RESPONSE_BODY_RECEIVED -> origin(event.request()).received().increment(event.value());
            case RETRY_SCHEDULED -> origin(event.request()).retried(event.status() != 0 ? Integer.toString(event.status())
                    : event.failure().map(f -> f.getClass().getSimpleName()).orElse(UNKNOWN));
            case COMPLETED, FAILED -> {
                Running call = calls.remove(event.requestId());
                if (call != null) {
                    timer(call, event).record(event.nanoTime() - call.queuedAt, TimeUnit.NANOSECONDS);
                }
            }
            default -> { }
        }
    }

    private OriginMeters origin(Request request) {
        return origin(request.origin());
    }

    private OriginMeters origin(Origin origin) {
        OriginMeters meters = origins.get(origin);
        if (meters != null) {
            return meters;
        }
        return origins.computeIfAbsent(origin, o -> {
            OriginMeters created = new OriginMeters(registry, tags, o);
            PoolView view = pools;
            if (view != null) {
                created.registerPools(view);
            }
            return created;
        });
    }

    private Timer timer(Running call, CallEvent end) {
        String exception = end.failure().map(f -> f.getClass().getSimpleName()).orElse("none");
        String status = end.phase() == CallEvent.Phase.COMPLETED ? Integer.toString(end.status())
                : end.failure().orElse(null) instanceof IOException ? "IO_ERROR" : "CLIENT_ERROR";
        TimerKey key = new TimerKey(call.meters.clientName(), call.request.method(), template(call.request), status, exception);
        Timer timer = timers.get(key);
        if (timer != null) {
            return timer;
        }
        String outcome = end.phase() == CallEvent.Phase.COMPLETED ? Outcome.forStatus(end.status()).name() : Outcome.UNKNOWN.name();
        return timers.computeIfAbsent(key, k -> Timer.builder(SalvoMetrics.REQUESTS)
                .description("HTTP calls, from queued to the last body byte or the failure")
                .tags(tags)
                .tags("method", k.method(), "uri", k.uri(), "status", k.status(), "outcome", outcome,
                        "exception", k.exception(), "client.name", k.clientName())
                .register(registry));
    }

    private String template(Request request) {
        try {
            String uri = uriTemplate.apply(request);
            return uri == null ? UNKNOWN : uri;
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** A call between QUEUED and its end; {@code started} is touched only by the call's own, ordered, events. */
    private static final class Running {
        final Request request;
        final long queuedAt;
        final OriginMeters meters;
        volatile boolean started;

        Running(Request request, long queuedAt, OriginMeters meters) {
            this.request = request;
            this.queuedAt = queuedAt;
            this.meters = meters;
        }
    }

    /** What tells one {@value SalvoMetrics#REQUESTS} timer from another (outcome follows from status). */
    private record TimerKey(String clientName, String method, String uri, String status, String exception) {
    }
}
