package dev.salvo.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodyResponse;
import dev.salvo.client.CallEvent;
import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.DeadlineExceededException;
import dev.salvo.client.EventListener;
import dev.salvo.client.Interceptor;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.RetryPolicy;
import dev.salvo.client.Salvo;
import dev.salvo.client.contract.Await;
import dev.salvo.client.contract.ScriptedServer;
import dev.salvo.netty.NettyTransport;
import dev.salvo.server.SalvoServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SalvoTracingTest {
    private static final Pattern TRACEPARENT = Pattern.compile("\"traceparent\"\\s*:\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static SalvoServer server;

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

    @BeforeAll
    static void start() {
        server = SalvoServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private OpenTelemetry openTelemetry(Sampler sampler) {
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().setSampler(sampler)
                        .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    private static Salvo.Builder traced(SalvoTracing tracing, EventListener more) {
        return Salvo.newBuilder().interceptor(tracing.interceptor()).eventListener(tracing.eventListener().andThen(more));
    }

    private Salvo client(boolean netty) {
        Salvo.Builder builder = traced(SalvoTracing.create(openTelemetry(Sampler.alwaysOn())), EventListener.NONE);
        return (netty ? builder.transport(NettyTransport.create()) : builder).build();
    }

    /** The finished spans, once there are {@code count}: each call's span ends once, maybe just after its future. */
    private List<SpanData> spans(int count) {
        Await.until(count + " finished spans", () -> exporter.getFinishedSpanItems().size() >= count);
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertEquals(count, spans.size(), () -> "spans " + spans);
        return spans;
    }

    private static void assertRequestAttributes(SpanData span, String method, String url) {
        assertEquals(method, span.getAttributes().get(HttpAttributes.METHOD));
        assertEquals(url, span.getAttributes().get(HttpAttributes.URL_FULL));
        assertEquals("127.0.0.1", span.getAttributes().get(HttpAttributes.SERVER_ADDRESS));
        assertEquals(URI.create(url).getPort(), span.getAttributes().get(HttpAttributes.SERVER_PORT));
    }

    private static void assertFailed(SpanData span, Class<? extends Throwable> type) {
        assertEquals(type.getName(), span.getAttributes().get(HttpAttributes.ERROR_TYPE), span::toString);
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertNull(span.getAttributes().get(HttpAttributes.STATUS_CODE));
    }

    @ParameterizedTest(name = "netty={0}")
    @ValueSource(booleans = {false, true})
    void aCallIsOneClientSpanWithTheSemanticConventionsAttributes(boolean netty) {
        try (Salvo http = client(netty)) {
            assertEquals(200, Await.value(http.send(Request.get(server.url("/get?a=1")))).status());
            SpanData span = spans(1).get(0);
            assertEquals("GET", span.getName());
            assertEquals(SpanKind.CLIENT, span.getKind());
            assertEquals(SalvoTracing.INSTRUMENTATION_SCOPE, span.getInstrumentationScopeInfo().getName());
            assertRequestAttributes(span, "GET", server.url("/get?a=1"));
            assertEquals(200, span.getAttributes().get(HttpAttributes.STATUS_CODE));
            assertNull(span.getAttributes().get(HttpAttributes.ERROR_TYPE));
            assertNull(span.getAttributes().get(HttpAttributes.RESEND_COUNT));
            assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
            assertFalse(span.getParentSpanContext().isValid(), "no current span at send: a root span");
            assertTrue(span.getEvents().isEmpty());
            assertEquals(0, http.inFlight());
        }
    }

    @Test
    void statuses4xxAnd5xxAreDataAndErrorsOfTheClientSpan() {
        try (Salvo http = client(true)) {
            assertEquals(404, Await.value(http.send(Request.get(server.url("/status/404")))).status());
            assertEquals(500, Await.value(http.send(Request.get(server.url("/status/500")))).status());
            List<SpanData> spans = spans(2);
            for (int i = 0; i < 2; i++) {
                SpanData span = spans.get(i);
                long status = i == 0 ? 404 : 500;
                assertEquals(status, span.getAttributes().get(HttpAttributes.STATUS_CODE));
                assertEquals(Long.toString(status), span.getAttributes().get(HttpAttributes.ERROR_TYPE));
                assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
                assertTrue(span.getEvents().isEmpty(), "a status is not an exception");
            }
        }
    }

    @Test
    void anUnknownMethodIsOtherAndItsSpanIsNamedHttp() {
        try (Salvo http = client(false)) {
            String url = server.url("/anything/x");
            assertEquals(200, Await.value(http.send(Request.newBuilder(url).method("PROPFIND").build())).status());
            SpanData span = spans(1).get(0);
            assertEquals("HTTP", span.getName());
            assertRequestAttributes(span, "_OTHER", url);
            assertEquals("PROPFIND", span.getAttributes().get(HttpAttributes.METHOD_ORIGINAL));
        }
    }

    @Test
    void refusedDeadlineAndCancelEndTheSpanWithTheirType() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        EventListener onStart = event -> {
            if (event.phase() == CallEvent.Phase.STARTED && event.request().uri().getPath().equals("/delay/10")) {
                started.countDown();
            }
        };
        SalvoTracing tracing = SalvoTracing.create(openTelemetry(Sampler.alwaysOn()));
        try (Salvo http = traced(tracing, onStart).transport(NettyTransport.create()).build()) {
            Await.failure(http.send(Request.get("http://127.0.0.1:" + Await.refusedPort() + "/get")), ConnectFailedException.class);
            assertFailed(spans(1).get(0), ConnectFailedException.class);
            exporter.reset();

            Await.failure(http.send(Request.newBuilder(server.url("/delay/5")).deadline(Duration.ofMillis(200)).build()),
                    DeadlineExceededException.class);
            assertFailed(spans(1).get(0), DeadlineExceededException.class);
            exporter.reset();

            CompletableFuture<Response> cancelled = http.send(Request.get(server.url("/delay/10")));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertTrue(cancelled.cancel(true));
            assertThrows(CancellationException.class, cancelled::join);
            SpanData span = spans(1).get(0);
            assertFailed(span, CancellationException.class);
            assertEquals("exception", span.getEvents().get(0).getName());
            Await.until("no call in flight", () -> http.inFlight() == 0);
        }
    }

    @Test
    void aRetryThenSuccessIsOneSpanWithARetryEventAndTheResendCount() throws Exception {
        List<String> heads = new CopyOnWriteArrayList<>();
        AtomicInteger connections = new AtomicInteger();
        try (ScriptedServer flaky = new ScriptedServer(socket -> {
            heads.add(ScriptedServer.readHead(socket.getInputStream()));
            ScriptedServer.write(socket, connections.incrementAndGet() == 1
                    ? "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        })) {
            RetryPolicy quick = RetryPolicy.newBuilder().maxAttempts(3).backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                    .retryOnStatus(Set.of(503)).build();
            SalvoTracing tracing = SalvoTracing.create(openTelemetry(Sampler.alwaysOn()));
            try (Salvo http = traced(tracing, EventListener.NONE).retryPolicy(quick).build()) {
                assertEquals(200, Await.value(http.send(Request.get(flaky.url("/flaky")))).status());
            }
            SpanData span = spans(1).get(0);
            assertEquals(200, span.getAttributes().get(HttpAttributes.STATUS_CODE));
            assertEquals(1, span.getAttributes().get(HttpAttributes.RESEND_COUNT));
            assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
            assertEquals(1, span.getEvents().size());
            EventData retry = span.getEvents().get(0);
            assertEquals("salvo.retry", retry.getName());
            assertEquals("503", retry.getAttributes().get(HttpAttributes.RETRY_REASON));
            assertEquals(1, retry.getAttributes().get(HttpAttributes.ATTEMPT));
            assertTrue(retry.getAttributes().get(HttpAttributes.RETRY_WAIT_MS) <= 5);
            // both attempts carried the same span's context
            assertEquals(2, heads.size());
            for (String head : heads) {
                assertTrue(head.toLowerCase().contains("traceparent: " + traceparent(span)), head);
            }
        }
    }

    @Test
    void redirectsFollowedAreEventsOfTheOneSpan() {
        try (Salvo http = client(true)) {
            assertEquals(200, Await.value(http.send(Request.get(server.url("/redirect/2")))).status());
            SpanData span = spans(1).get(0);
            assertRequestAttributes(span, "GET", server.url("/redirect/2"));
            assertEquals(200, span.getAttributes().get(HttpAttributes.STATUS_CODE));
            assertEquals(2, span.getAttributes().get(HttpAttributes.RESEND_COUNT));
            List<EventData> events = span.getEvents();
            assertEquals(List.of("salvo.redirect", "salvo.redirect"), events.stream().map(EventData::getName).toList());
            for (EventData event : events) {
                assertEquals(302, event.getAttributes().get(HttpAttributes.STATUS_CODE));
            }
            assertEquals(server.url("/get"), events.get(1).getAttributes().get(HttpAttributes.LOCATION));
        }
    }

    @ParameterizedTest(name = "netty={0}")
    @ValueSource(booleans = {false, true})
    void theServerSeesTheSpansTraceparent(boolean netty) {
        try (Salvo http = client(netty)) {
            Response response = Await.value(http.send(Request.get(server.url("/headers"))));
            SpanData span = spans(1).get(0);
            assertEquals(traceparent(span), seenTraceparent(response));
        }
    }

    @Test
    void theCallersCurrentSpanIsTheParent() {
        OpenTelemetry otel = openTelemetry(Sampler.alwaysOn());
        try (Salvo http = traced(SalvoTracing.create(otel), EventListener.NONE).build()) {
            Span parent = otel.getTracer("test").spanBuilder("parent").startSpan();
            CompletableFuture<Response> call;
            try (Scope ignored = parent.makeCurrent()) {
                call = http.send(Request.get(server.url("/headers")));
            }
            Response response = Await.value(call);
            parent.end();
            SpanData client = spans(2).stream().filter(s -> s.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
            assertEquals(parent.getSpanContext().getTraceId(), client.getTraceId());
            assertEquals(parent.getSpanContext().getSpanId(), client.getParentSpanId());
            assertEquals(traceparent(client), seenTraceparent(response));
        }
    }

    @Test
    void aStreamedBodyEndsTheSpanWhenTheBodyEnds() throws Exception {
        try (Salvo http = client(true)) {
            BodyResponse<InputStream> response = Await.value(http.send(Request.get(server.url("/bytes/100000")), BodyHandler.ofInputStream()));
            assertEquals(List.of(), exporter.getFinishedSpanItems(), "the call still runs while its body is unread");
            try (InputStream body = response.body()) {
                assertEquals(100_000, body.readAllBytes().length);
            }
            SpanData span = spans(1).get(0);
            assertEquals(200, span.getAttributes().get(HttpAttributes.STATUS_CODE));
            assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        }
    }

    @Test
    void anInnerInterceptorThatSendsAgainStaysInTheSpan() {
        // a 401 first, then the same call once more from the callback executor, as an authenticator would
        Interceptor again = new Interceptor() {
            @Override
            public <T> CompletableFuture<BodyResponse<T>> intercept(Request request, BodyHandler<T> handler, Chain chain) {
                Request denied = request.toBuilder().uri(server.url("/status/401")).build();
                return chain.proceed(denied, handler).thenCompose(first -> chain.proceed(request, handler));
            }
        };
        SalvoTracing tracing = SalvoTracing.create(openTelemetry(Sampler.alwaysOn()));
        try (Salvo http = traced(tracing, EventListener.NONE).interceptor(again).build()) {
            assertEquals(200, Await.value(http.send(Request.get(server.url("/get")))).status());
            SpanData span = spans(1).get(0);
            assertEquals(200, span.getAttributes().get(HttpAttributes.STATUS_CODE));
            assertEquals(1, span.getAttributes().get(HttpAttributes.RESEND_COUNT), "the second send is seen through its headers");
            assertNull(span.getAttributes().get(HttpAttributes.ERROR_TYPE));
        }
    }

    @Test
    void aSampledOutCallIsPropagatedAndNotRecorded() {
        SalvoTracing tracing = SalvoTracing.create(openTelemetry(Sampler.alwaysOff()));
        try (Salvo http = traced(tracing, EventListener.NONE).build()) {
            Response response = Await.value(http.send(Request.get(server.url("/headers"))));
            String seen = seenTraceparent(response);
            assertTrue(seen.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"), seen);
            assertEquals(0, Integer.parseInt(seen.substring(53), 16) & 1, () -> "sampled flag set: " + seen);
            assertEquals(List.of(), exporter.getFinishedSpanItems());
        }
    }

    @Test
    void aHeaderThePropagatorWritesAndTheRequestRefusesFailsTheCallAndEndsTheSpan() {
        TextMapPropagator injecting = new TextMapPropagator() {
            @Override
            public Collection<String> fields() {
                return List.of("x-trace");
            }

            @Override
            public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
                setter.set(carrier, "x-trace", "a\r\nInjected: yes");
            }

            @Override
            public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
                return context;
            }
        };
        SalvoTracing tracing = SalvoTracing.newBuilder(openTelemetry(Sampler.alwaysOn())).propagator(injecting).build();
        try (Salvo http = traced(tracing, EventListener.NONE).build()) {
            Await.failure(http.send(Request.get(server.url("/get"))), IllegalArgumentException.class);
            assertFailed(spans(1).get(0), IllegalArgumentException.class);
        }
    }

    @Test
    void urlsLoseTheirCredentials() {
        assertEquals("http://REDACTED:REDACTED@h:1/p?sig=REDACTED&a=1&Signature=REDACTED#f",
                HttpAttributes.redacted(URI.create("http://user:secret@h:1/p?sig=abc&a=1&Signature=x#f")));
        assertEquals("https://h/p?a=1&b", HttpAttributes.redacted(URI.create("https://h/p?a=1&b")));
        assertEquals("https://h/p", HttpAttributes.redacted(URI.create("https://h/p")));
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(NullPointerException.class, () -> SalvoTracing.create(null));
        assertThrows(NullPointerException.class, () -> SalvoTracing.newBuilder(OpenTelemetry.noop()).propagator(null));
    }

    private static String traceparent(SpanData span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex();
    }

    private static String seenTraceparent(Response response) {
        Matcher m = TRACEPARENT.matcher(new String(response.body(), StandardCharsets.UTF_8));
        assertTrue(m.find(), "the server saw no traceparent");
        return m.group(1);
    }
}
