package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.CallEvent.Phase;
import dev.salvo.client.contract.Await;
import dev.salvo.client.spi.Exchange;
import dev.salvo.client.spi.Transport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The phases Salvo reports for every transport, those a transport reports, and listeners that throw. */
class CallPhasesTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    private static List<Phase> phases(List<CallEvent> events, long id) {
        return events.stream().filter(e -> e.requestId() == id).map(CallEvent::phase).toList();
    }

    @Test
    void theBodyIsReportedWithItsSize() {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        try (Salvo http = Salvo.newBuilder().eventListener(events::add).build()) {
            assertEquals(200, Await.value(http.send(server.get("/bytes/12345"))).status());
        }
        assertEquals(List.of(Phase.QUEUED, Phase.STARTED, Phase.RESPONSE_HEADERS, Phase.RESPONSE_BODY_RECEIVED,
                Phase.COMPLETED), phases(events, 1));
        CallEvent body = events.get(3);
        assertEquals(12345, body.value());
        assertEquals(200, body.status());
        assertEquals("", body.detail());
        assertEquals("HTTP/1.1", events.get(2).detail(), "the headers say the protocol they came on");
    }

    @Test
    void retriesAreScheduledWithTheirWaitAndReason() {
        RetryPolicy retry503 = RetryPolicy.newBuilder().maxAttempts(2).retryOnStatus(Set.of(503))
                .backoff(Duration.ofMillis(5), Duration.ofMillis(5)).build();
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        try (Salvo http = Salvo.newBuilder().retryPolicy(retry503).eventListener(events::add).build()) {
            assertEquals(503, Await.value(http.send(server.get("/status/503"))).status());
            Await.failure(http.send(Request.get("http://127.0.0.1:" + Await.refusedPort() + "/")),
                    ConnectFailedException.class);
        }
        List<CallEvent> retries = events.stream().filter(e -> e.phase() == Phase.RETRY_SCHEDULED).toList();
        assertEquals(2, retries.size(), "one retry per call: " + events);
        CallEvent afterStatus = retries.get(0);
        assertEquals(503, afterStatus.status());
        assertTrue(afterStatus.failure().isEmpty());
        assertTrue(afterStatus.value() > 0 && afterStatus.value() <= Duration.ofMillis(5).toNanos(), "the wait");
        assertEquals(1, afterStatus.attempt());
        CallEvent afterFailure = retries.get(1);
        assertTrue(afterFailure.failure().orElseThrow() instanceof ConnectFailedException);
        assertEquals(0, afterFailure.status());
        assertEquals(List.of(Phase.QUEUED, Phase.STARTED, Phase.RETRY_SCHEDULED, Phase.STARTED, Phase.FAILED),
                phases(events, 2));
        assertEquals(2, events.stream().filter(e -> e.requestId() == 2).toList().get(3).attempt());
    }

    @Test
    void redirectsNameTheirTarget() {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        String target = server.url("/get");
        try (Salvo http = Salvo.newBuilder().eventListener(events::add).build()) {
            assertEquals(200, Await.value(http.send(server.get("/redirect-to?url=" + target))).status());
        }
        CallEvent redirect = events.stream().filter(e -> e.phase() == Phase.REDIRECT_FOLLOWED).findFirst().orElseThrow();
        assertEquals(target, redirect.detail());
        assertEquals(302, redirect.status());
        assertEquals(List.of(Phase.QUEUED, Phase.STARTED, Phase.RESPONSE_HEADERS, Phase.REDIRECT_FOLLOWED,
                Phase.STARTED, Phase.RESPONSE_HEADERS, Phase.RESPONSE_BODY_RECEIVED, Phase.COMPLETED), phases(events, 1));
    }

    /** Answers {@code exchange} with a 204 and no body, as a transport would. */
    private static CompletableFuture<Void> answerNoContent(Exchange exchange) {
        var subscriber = exchange.responseHeaders(204, Headers.empty());
        subscriber.onSubscribe(new java.util.concurrent.Flow.Subscription() {
            @Override
            public void request(long n) {
            }

            @Override
            public void cancel() {
            }
        });
        subscriber.onComplete();
        return CompletableFuture.completedFuture(null);
    }

    /** A transport that reports its own phases, then answers 204 with no body. */
    private static final class ReportingTransport implements Transport {
        final List<Throwable> refused = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> execute(Request request, Exchange exchange) {
            exchange.reached(Phase.CONNECT_START);
            exchange.reached(Phase.CONNECT_END);
            exchange.connectionAcquired(true, 3);
            exchange.reached(Phase.REQUEST_HEADERS_SENT);
            exchange.requestBodySent(42);
            exchange.reached(Phase.RESPONSE_FIRST_BYTE);
            try {
                exchange.reached(Phase.COMPLETED);
            } catch (IllegalArgumentException e) {
                refused.add(e);
            }
            return answerNoContent(exchange);
        }
    }

    @Test
    void transportsReportTheirPhasesInOrder() {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        ReportingTransport transport = new ReportingTransport();
        try (Salvo http = Salvo.newBuilder().transport(transport).eventListener(events::add).build()) {
            assertEquals(204, Await.value(http.send(server.get("/anything"))).status());
        }
        assertEquals(List.of(Phase.QUEUED, Phase.STARTED, Phase.CONNECT_START, Phase.CONNECT_END,
                Phase.CONNECTION_ACQUIRED, Phase.REQUEST_HEADERS_SENT, Phase.REQUEST_BODY_SENT, Phase.RESPONSE_FIRST_BYTE,
                Phase.RESPONSE_HEADERS, Phase.RESPONSE_BODY_RECEIVED, Phase.COMPLETED), phases(events, 1));
        CallEvent acquired = events.get(4);
        assertTrue(acquired.reused());
        assertEquals(3, acquired.value());
        assertEquals(42, events.get(6).value());
        assertFalse(events.get(2).reused());
        assertEquals(1, transport.refused.size(), "a transport cannot report Salvo's own phases");
        assertTrue(transport.refused.get(0).getMessage().contains("COMPLETED"));
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).nanoTime() >= events.get(i - 1).nanoTime(), "times never go back");
        }
    }

    @Test
    void theJdkTransportReportsTheRequestBodyItTook() {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        try (Salvo http = Salvo.newBuilder().eventListener(events::add).build()) {
            Await.value(http.send(Request.post(server.url("/post"), "text/plain", new byte[1234])));
            Await.value(http.send(Request.newBuilder(server.url("/post"))
                    .POST(RequestBody.ofInputStream(new java.io.ByteArrayInputStream(new byte[300_000]))).build()));
            Await.value(http.send(server.get("/get")));
        }
        assertEquals(List.of(Phase.QUEUED, Phase.STARTED, Phase.REQUEST_BODY_SENT, Phase.RESPONSE_HEADERS,
                Phase.RESPONSE_BODY_RECEIVED, Phase.COMPLETED), phases(events, 1));
        List<Long> sent = events.stream().filter(e -> e.phase() == Phase.REQUEST_BODY_SENT).map(CallEvent::value).toList();
        assertEquals(List.of(1234L, 300_000L), sent, "once per body, none for the GET");
    }

    /** A transport that notes whether its exchanges have listeners, then answers 204. */
    private static final class AskingTransport implements Transport {
        final List<Boolean> listens = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> execute(Request request, Exchange exchange) {
            listens.add(exchange.listensTo(CallEvent.Phase.CONNECT_START));
            return answerNoContent(exchange);
        }
    }

    @Test
    void aTransportIsToldWhetherAnyoneListensToItsPhases() {
        AskingTransport transport = new AskingTransport();
        try (Salvo deaf = Salvo.newBuilder().sharedTransport(transport).build();
             Salvo listening = Salvo.newBuilder().sharedTransport(transport).eventListener(e -> { }).build()) {
            Await.value(deaf.send(server.get("/a")));
            Await.value(listening.send(server.get("/b")));
            Await.value(transport.execute(server.get("/c")));
        }
        assertEquals(List.of(false, true, false), transport.listens,
                "no listener (and no trace log): skip them; a listener: report them; a direct transport call: nobody hears");
    }

    @Test
    void aListenerGetsOnlyThePhasesItWantsAndTheTransportIsAskedPerPhase() {
        java.util.Map<Phase, Boolean> asked = new java.util.concurrent.ConcurrentHashMap<>();
        Transport asking = new Transport() {
            @Override
            public CompletableFuture<Void> execute(Request request, Exchange exchange) {
                for (Phase phase : List.of(Phase.DNS_START, Phase.CONNECT_START, Phase.CONNECTION_ACQUIRED,
                        Phase.REQUEST_BODY_SENT, Phase.RESPONSE_FIRST_BYTE)) {
                    asked.put(phase, exchange.listensTo(phase));
                }
                return answerNoContent(exchange);
            }
        };
        List<Phase> heard = new CopyOnWriteArrayList<>();
        EventListener metrics = new EventListener() {
            @Override
            public void onEvent(CallEvent event) {
                heard.add(event.phase());
            }

            @Override
            public boolean wants(Phase phase) {
                return phase == Phase.COMPLETED || phase == Phase.REQUEST_BODY_SENT;
            }
        };
        try (Salvo http = Salvo.newBuilder().sharedTransport(asking).eventListener(metrics).build()) {
            Await.value(http.send(server.get("/a")));
        }
        assertEquals(List.of(Phase.COMPLETED), heard, "only what it wants");
        assertEquals(java.util.Map.of(Phase.DNS_START, false, Phase.CONNECT_START, false, Phase.CONNECTION_ACQUIRED, false,
                Phase.REQUEST_BODY_SENT, true, Phase.RESPONSE_FIRST_BYTE, false), asked);

        heard.clear();
        List<Phase> everything = new CopyOnWriteArrayList<>();
        try (Salvo http = Salvo.newBuilder().sharedTransport(asking)
                .eventListener(metrics.andThen(e -> everything.add(e.phase()))).build()) {
            Await.value(http.send(server.get("/b")));
        }
        assertEquals(List.of(Phase.COMPLETED), heard, "each listener of andThen gets what it wants");
        assertEquals(List.of(Phase.QUEUED, Phase.STARTED, Phase.RESPONSE_HEADERS, Phase.RESPONSE_BODY_RECEIVED,
                Phase.COMPLETED), everything);
        assertTrue(asked.get(Phase.CONNECT_START), "one of them wants every phase");
    }

    @Test
    void aListenerThatThrowsNeverBreaksACallAndIsLoggedOnce() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<Phase> seen = new CopyOnWriteArrayList<>();
        try (Salvo http = Salvo.newBuilder().eventListener(e -> {
            seen.add(e.phase());
            throw new IllegalStateException("listener bug " + e.phase());
        }).build()) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 3; i++) {
                assertEquals(200, Await.value(http.send(server.get("/get"))).status());
            }
            Await.failure(http.send(Request.get("http://127.0.0.1:" + Await.refusedPort() + "/")),
                    ConnectFailedException.class);
            Await.until("slots freed", () -> http.inFlight() == 0 && http.queued() == 0);
        } finally {
            System.setErr(original);
        }
        assertEquals(4, seen.stream().filter(p -> p == Phase.QUEUED).count(), "every phase still reached the listener");
        assertTrue(seen.contains(Phase.FAILED));
        String log = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, log.split("event listener failed", -1).length - 1, log);
        assertTrue(log.contains("listener bug QUEUED"), "the first failure with its cause: " + log);
    }

    @Test
    void eventsCheckTheirArguments() {
        Request request = server.get("/");
        assertThrows(NullPointerException.class, () -> new CallEvent(Phase.QUEUED, 1, request, 0, 1, 0,
                java.util.Optional.empty(), 0, null));
        assertFalse(Phase.COMPLETED.isTransportPhase());
        assertTrue(Phase.TLS_END.isTransportPhase());
        assertFalse(Phase.CONNECTION_ACQUIRED.isTransportPhase(), "has a method of its own");
    }
}
