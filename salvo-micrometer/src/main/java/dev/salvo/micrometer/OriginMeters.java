package dev.salvo.micrometer;

import dev.salvo.client.Origin;
import dev.salvo.client.PoolStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;

/** The meters of one origin, tagged {@code client.name} with its host[:port]; registered once, then kept. */
final class OriginMeters {
    private final MeterRegistry registry;
    private final Tags tags;
    private final Origin origin;
    /** The origin's host[:port], made once: it is part of every call's timer key. */
    private final String clientName;
    private final Timer queueWait;
    private final Counter sent;
    private final Counter received;
    private final ConcurrentHashMap<String, Counter> retries = new ConcurrentHashMap<>();
    private final AtomicBoolean pools = new AtomicBoolean();

    OriginMeters(MeterRegistry registry, Tags common, Origin origin) {
        this.registry = registry;
        this.origin = origin;
        this.clientName = origin.authority();
        this.tags = common.and("client.name", clientName);
        this.queueWait = Timer.builder(SalvoMetrics.QUEUE_WAIT).description("wait in the queue before the first attempt")
                .tags(tags).register(registry);
        this.sent = Counter.builder(SalvoMetrics.BYTES_SENT).baseUnit("bytes").description("request body bytes")
                .tags(tags).register(registry);
        this.received = Counter.builder(SalvoMetrics.BYTES_RECEIVED).baseUnit("bytes").description("response body bytes")
                .tags(tags).register(registry);
    }

    String clientName() {
        return clientName;
    }

    Timer queueWait() {
        return queueWait;
    }

    Counter sent() {
        return sent;
    }

    Counter received() {
        return received;
    }

    void retried(String reason) {
        retries.computeIfAbsent(reason, r -> Counter.builder(SalvoMetrics.RETRIES).description("retries scheduled")
                .tags(tags).tag("reason", r).register(registry)).increment();
    }

    /** Registers this origin's pool gauges on {@code view}, once. */
    void registerPools(PoolView view) {
        if (!pools.compareAndSet(false, true)) {
            return;
        }
        poolGauge(SalvoMetrics.POOL_CONNECTIONS, tags.and("state", "idle"), view, PoolStats::idle);
        poolGauge(SalvoMetrics.POOL_CONNECTIONS, tags.and("state", "in-use"), view, PoolStats::inUse);
        poolGauge(SalvoMetrics.POOL_CONNECTIONS, tags.and("state", "connecting"), view, PoolStats::connecting);
        poolGauge(SalvoMetrics.POOL_PENDING, tags, view, PoolStats::pending);
        poolGauge(SalvoMetrics.POOL_MAX, tags, view, PoolStats::maxConnections);
    }

    private void poolGauge(String name, Tags gaugeTags, PoolView view, ToIntFunction<PoolStats> field) {
        // the view holds the client weakly, so the gauge may hold the view strongly
        Gauge.builder(name, view, v -> v.sum(origin, field)).tags(gaugeTags).strongReference(true).register(registry);
    }
}
