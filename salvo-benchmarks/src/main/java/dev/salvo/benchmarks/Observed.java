package dev.salvo.benchmarks;

import dev.salvo.client.EventListener;
import dev.salvo.client.Salvo;
import dev.salvo.micrometer.SalvoMetrics;
import dev.salvo.opentelemetry.SalvoTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 15's "on" side: Micrometer metrics on a {@code SimpleMeterRegistry} and OpenTelemetry tracing on the
 * SDK (every call sampled, W3C propagation, a batch processor with a 65,536-span queue, to an exporter that
 * counts and drops them: the SDK's whole path, no I/O). The queue holds what the loopback runs make; a loop
 * with no I/O outruns the exporter and the SDK drops (and logs) spans. {@link #observe} puts either or both
 * on a client.
 */
final class Observed implements AutoCloseable {
    private final LongAdder exported = new LongAdder();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    /** Numbers the observed clients: each gets its own SalvoMetrics, tagged {@code client=cN}, on the one registry. */
    private final AtomicInteger clients = new AtomicInteger();
    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOn())
            .addSpanProcessor(BatchSpanProcessor.builder(new CountingExporter(exported)).setMaxQueueSize(1 << 16)
                    .setMaxExportBatchSize(4096).setScheduleDelay(Duration.ofMillis(100)).build())
            .build();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final SalvoTracing tracing = SalvoTracing.create(otel);

    /** The client of {@code builder} with metrics (and its gauges) and/or tracing. */
    Salvo observe(Salvo.Builder builder, boolean withMetrics, boolean withTracing) {
        EventListener listener = EventListener.NONE;
        if (withTracing) {
            builder.interceptor(tracing.interceptor());
            listener = tracing.eventListener();
        }
        SalvoMetrics metrics = withMetrics
                ? SalvoMetrics.newBuilder(registry).tags(Tags.of("client", "c" + clients.incrementAndGet())).build() : null;
        if (metrics != null) {
            listener = listener.andThen(metrics.eventListener());
        }
        Salvo client = builder.eventListener(listener).build();
        if (metrics != null) {
            metrics.monitor(client);
        }
        return client;
    }

    /** The SDK's tracer and propagator Salvo's tracing uses here, for measuring the SDK alone ({@link ObservabilityFloorBenchmark}). */
    OpenTelemetrySdk sdk() {
        return otel;
    }

    /** The registry the observed clients' metrics go to. */
    MeterRegistry registry() {
        return registry;
    }

    /** What was recorded so far, once the spans still queued are exported: spans and timed calls. */
    String recorded() {
        tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
        long timed = registry.find(SalvoMetrics.REQUESTS).timers().stream().mapToLong(Timer::count).sum();
        return "spans_exported=" + exported.sum() + " calls_timed=" + timed;
    }

    @Override
    public void close() {
        otel.close();
    }

    /** Counts the spans it is given and drops them. */
    private record CountingExporter(LongAdder spans) implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.add(batch.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
