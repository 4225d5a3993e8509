package dev.salvo.micrometer;

import dev.salvo.client.CallEvent;
import dev.salvo.client.Origin;
import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The meters of one {@link SalvoMetrics}, shared by every client it serves: registered once per origin and
 * per distinct {@value SalvoMetrics#REQUESTS} tag set, then kept (no registry lookup per call).
 */
final class Meters {
    static final String UNKNOWN = "UNKNOWN";
    /** The {@code status} tag of each code from 100 to 599, made once rather than per call. */
    private static final String[] STATUS_TAGS = new String[600];

    static {
        for (int code = 100; code < STATUS_TAGS.length; code++) {
            STATUS_TAGS[code] = Integer.toString(code).intern();
        }
    }

    private final MeterRegistry registry;
    private final Tags tags;
    private final Function<Request, String> uriTemplate;
    private final ConcurrentHashMap<Origin, OriginMeters> origins = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    /** The monitored client's pools, once {@link #monitorPools} was called; null before. */
    private volatile PoolView pools;

    Meters(MeterRegistry registry, Tags tags, Function<Request, String> uriTemplate) {
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

    OriginMeters origin(Origin origin) {
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

    /** The {@value SalvoMetrics#REQUESTS} timer of a call to {@code request}'s origin that ended with {@code end}. */
    Timer timer(OriginMeters meters, Request request, CallEvent end) {
        String exception = end.failure().map(f -> f.getClass().getSimpleName()).orElse("none");
        String status = end.phase() == CallEvent.Phase.COMPLETED ? statusTag(end.status())
                : end.failure().orElse(null) instanceof IOException ? "IO_ERROR" : "CLIENT_ERROR";
        TimerKey key = new TimerKey(meters.clientName(), request.method(), template(request), status, exception);
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

    private static String statusTag(int code) {
        return code >= 100 && code < STATUS_TAGS.length ? STATUS_TAGS[code] : Integer.toString(code);
    }

    private String template(Request request) {
        try {
            String uri = uriTemplate.apply(request);
            return uri == null ? UNKNOWN : uri;
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** What tells one {@value SalvoMetrics#REQUESTS} timer from another (outcome follows from status). */
    private record TimerKey(String clientName, String method, String uri, String status, String exception) {
    }
}
