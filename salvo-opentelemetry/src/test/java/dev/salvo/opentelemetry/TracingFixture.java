package dev.salvo.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.EventListener;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import dev.salvo.client.contract.Await;
import dev.salvo.netty.NettyTransport;
import dev.salvo.server.SalvoServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** What the tracing tests share: the embedded server, an SDK that keeps the spans in memory, and checks on spans. */
abstract class TracingFixture {
    private static final Pattern TRACEPARENT = Pattern.compile("\"traceparent\"\\s*:\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    static SalvoServer server;

    final InMemorySpanExporter exporter = InMemorySpanExporter.create();

    @BeforeAll
    static void start() {
        server = SalvoServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    OpenTelemetry openTelemetry(Sampler sampler) {
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().setSampler(sampler)
                        .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    static Salvo.Builder traced(SalvoTracing tracing, EventListener more) {
        return Salvo.newBuilder().interceptor(tracing.interceptor()).eventListener(tracing.eventListener().andThen(more));
    }

    Salvo client(boolean netty) {
        Salvo.Builder builder = traced(SalvoTracing.create(openTelemetry(Sampler.alwaysOn())), EventListener.NONE);
        return (netty ? builder.transport(NettyTransport.create()) : builder).build();
    }

    /** The finished spans, once there are {@code count}: each call's span ends once, maybe just after its future. */
    List<SpanData> spans(int count) {
        Await.until(count + " finished spans", () -> exporter.getFinishedSpanItems().size() >= count);
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertEquals(count, spans.size(), () -> "spans " + spans);
        return spans;
    }

    static void assertRequestAttributes(SpanData span, String method, String url) {
        assertEquals(method, span.getAttributes().get(HttpAttributes.METHOD));
        assertEquals(url, span.getAttributes().get(HttpAttributes.URL_FULL));
        assertEquals("127.0.0.1", span.getAttributes().get(HttpAttributes.SERVER_ADDRESS));
        assertEquals(URI.create(url).getPort(), span.getAttributes().get(HttpAttributes.SERVER_PORT));
    }

    static void assertFailed(SpanData span, Class<? extends Throwable> type) {
        assertEquals(type.getName(), span.getAttributes().get(HttpAttributes.ERROR_TYPE), span::toString);
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertNull(span.getAttributes().get(HttpAttributes.STATUS_CODE));
    }

    static String traceparent(SpanData span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex();
    }

    static String seenTraceparent(Response response) {
        Matcher m = TRACEPARENT.matcher(new String(response.body(), StandardCharsets.UTF_8));
        assertTrue(m.find(), "the server saw no traceparent");
        return m.group(1);
    }
}
