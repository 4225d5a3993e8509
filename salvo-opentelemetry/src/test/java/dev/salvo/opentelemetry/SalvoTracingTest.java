package dev.salvo.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodyResponse;
import dev.salvo.client.EventListener;
import dev.salvo.client.Interceptor;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import dev.salvo.client.contract.Await;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The span of a call: its name, attributes, parent and the context the server sees. */
class SalvoTracingTest extends TracingFixture {
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
    void aResponseKeptByTheCallerCarriesTheCallsTagButNotItsEndedSpan() {
        try (Salvo http = client(true)) {
            Response response = Await.value(http.send(Request.get(server.url("/get"))));
            assertEquals(200, spans(1).get(0).getAttributes().get(HttpAttributes.STATUS_CODE));
            TracedCall call = response.request().tag(TracedCall.class).orElseThrow();
            assertFalse(call.holdsSpan(), "the span ended, and the tag let go of it");
            assertTrue(response.request().headers().first("traceparent").isPresent());
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
    void theSpanIsCurrentForTheInterceptorsBelowIt() {
        AtomicReference<SpanContext> seen = new AtomicReference<>();
        Interceptor looking = new Interceptor() {
            @Override
            public <T> CompletableFuture<BodyResponse<T>> intercept(Request request, BodyHandler<T> handler, Chain chain) {
                seen.set(Span.current().getSpanContext());
                return chain.proceed(request, handler);
            }
        };
        SalvoTracing tracing = SalvoTracing.create(openTelemetry(Sampler.alwaysOn()));
        try (Salvo http = traced(tracing, EventListener.NONE).interceptor(looking).build()) {
            Await.value(http.send(Request.get(server.url("/get"))));
            assertEquals(spans(1).get(0).getSpanContext(), seen.get());
            assertFalse(Span.current().getSpanContext().isValid(), "the caller's context is back as it was");
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
}
