package dev.salvo.benchmarks;

import dev.salvo.client.EventListener;
import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import dev.salvo.client.spi.Transport;
import dev.salvo.micrometer.SalvoMetrics;
import dev.salvo.opentelemetry.SalvoTracing;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 15's overhead figure: requests/s of a client with Micrometer metrics (a {@code SimpleMeterRegistry},
 * pool gauges monitored) and OpenTelemetry tracing (the SDK, every call sampled, spans through a batch
 * processor to an exporter that counts and drops them, W3C propagation) vs a plain client, each on its own
 * transport of the same kind, in one run of {@link AbRounds}. Prints each round, the ratio of medians
 * (on ÷ off), and how many spans were exported and calls timed, which shows nothing was dropped. The sixth
 * argument turns on only one of the two ({@code metrics}, {@code tracing}) to tell their costs apart; default
 * {@code both}. Usage: {@code ObservabilityOverhead [concurrency] [seconds per round] [rounds] [path] [transport] [what]}.
 */
public final class ObservabilityOverhead {
    private ObservabilityOverhead() {
    }

    public static void main(String[] args) throws Exception {
        AbRounds.Setup setup = AbRounds.Setup.parse(args);
        String what = args.length > 5 ? args[5] : "both";
        if (!what.equals("both") && !what.equals("metrics") && !what.equals("tracing")) {
            throw new IllegalArgumentException("what must be both, metrics or tracing, got " + what);
        }
        CountingExporter exporter = new CountingExporter();
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOn())
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).setMaxQueueSize(1 << 16).setMaxExportBatchSize(4096)
                        .setScheduleDelay(Duration.ofMillis(100)).build())
                .build();
        MeterRegistry registry = new SimpleMeterRegistry();
        SalvoMetrics metrics = SalvoMetrics.create(registry);
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider)
                     .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
             ServerProcess server = ServerProcess.start();
             Transport plainTransport = setup.newTransport();
             Transport observedTransport = setup.newTransport();
             Salvo plain = Salvo.newBuilder().transport(plainTransport).maxInFlight(setup.concurrency()).build();
             Salvo observed = observed(Salvo.newBuilder().transport(observedTransport).maxInFlight(setup.concurrency()),
                     what.equals("metrics") ? null : SalvoTracing.create(otel), what.equals("tracing") ? null : metrics)) {
            if (!what.equals("tracing")) {
                metrics.monitor(observed);
            }
            Request request = Request.get(server.baseUrl() + setup.path());
            String summary = setup.summary(AbRounds.compare(plain::send, observed::send, request, setup));
            tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
            long timed = registry.find(SalvoMetrics.REQUESTS).timers().stream().mapToLong(Timer::count).sum();
            System.out.printf("%s what=%s spans_exported=%d calls_timed=%d%n", summary, what, exporter.spans.sum(), timed);
        }
    }

    /** The client with {@code tracing} and {@code metrics}, either of which may be null (off). */
    private static Salvo observed(Salvo.Builder builder, SalvoTracing tracing, SalvoMetrics metrics) {
        EventListener listener = EventListener.NONE;
        if (tracing != null) {
            builder.interceptor(tracing.interceptor());
            listener = tracing.eventListener();
        }
        if (metrics != null) {
            listener = listener.andThen(metrics.eventListener());
        }
        return builder.eventListener(listener).build();
    }

    /** Counts the spans it is given and drops them: the SDK's whole path, but no I/O. */
    private static final class CountingExporter implements SpanExporter {
        final LongAdder spans = new LongAdder();

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
