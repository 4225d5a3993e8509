package dev.salvo.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.io.InputStream;
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
import org.junit.jupiter.api.Test;

/** How a call's span ends: failures, retries, redirects, streamed bodies, an inner resend, a refused header. */
class SpanLifecycleTest extends TracingFixture {
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
    void aTracingSharedByTwoClientsStillEndsEverySpanOnce() {
        // both clients number their first call 1: nothing is looked up by call id, so each span ends once with its own status
        SalvoTracing tracing = SalvoTracing.create(openTelemetry(Sampler.alwaysOn()));
        try (Salvo first = traced(tracing, EventListener.NONE).build();
             Salvo second = traced(tracing, EventListener.NONE).transport(NettyTransport.create()).build()) {
            CompletableFuture<Response> a = first.send(Request.get(server.url("/delay/0.2")));
            CompletableFuture<Response> b = second.send(Request.get(server.url("/delay/0.2")));
            assertEquals(200, Await.value(a).status());
            assertEquals(200, Await.value(b).status());
            List<SpanData> spans = spans(2);
            assertNotEquals(spans.get(0).getSpanId(), spans.get(1).getSpanId());
            for (SpanData span : spans) {
                assertEquals(200, span.getAttributes().get(HttpAttributes.STATUS_CODE));
            }
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
            assertEquals(1, span.getAttributes().get(HttpAttributes.RESEND_COUNT), "the second send carries the interceptor's tag");
            assertNull(span.getAttributes().get(HttpAttributes.ERROR_TYPE));
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
}
