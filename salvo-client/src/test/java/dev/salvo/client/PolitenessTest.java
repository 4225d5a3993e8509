package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rate limits, host backoff and the circuit breaker, measured at the server. */
class PolitenessTest {
    @RegisterExtension
    static final LocalServer local = new LocalServer();

    /** How long a busy machine may hold a request between its permit and its arrival at the server. */
    private static final double JITTER_SECONDS = 0.25;

    @Test
    void aRateLimitHoldsAtTheServerUnderConcurrency() {
        double rate = 20;
        int burst = 5;
        int calls = 45;
        try (RecordingServer server = new RecordingServer(exchange -> 200);
             Salvo http = Salvo.newBuilder().maxInFlight(64).rateLimit(server.origin(), rate, burst).build()) {
            List<CompletableFuture<Response>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                futures.add(http.send(Request.get(server.url("/r" + i))));
            }
            futures.forEach(f -> assertEquals(200, Await.value(f).status()));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(calls, server.hits());
            List<Long> at = server.arrivals.stream().sorted().toList();
            // every window [at(i), at(j)] holds at most burst + rate × its length, plus what a scheduling
            // stall of up to JITTER_SECONDS on a busy machine can bunch together (permits granted on time,
            // requests delayed and arriving together); an unlimited client sends all 45 within milliseconds
            for (int i = 0; i < at.size(); i++) {
                for (int j = i; j < at.size(); j++) {
                    double window = (at.get(j) - at.get(i)) / 1e9;
                    int inWindow = j - i + 1;
                    assertTrue(inWindow <= burst + rate * (window + JITTER_SECONDS) + 1,
                            inWindow + " requests arrived within " + window + " s");
                }
            }
            double expected = (calls - burst) / rate;
            assertTrue(seconds >= expected - 0.1, "45 calls at 20/s after a burst of 5 took " + seconds + " s");
            assertTrue(seconds < expected + 10, "sanity bound: " + seconds + " s");
            assertEquals(0, http.inFlight() + http.queued());
        }
    }

    @Test
    void aCallOverTheRateWaitsInTheQueueAndItsDeadlineApplies() {
        try (RecordingServer server = new RecordingServer(exchange -> 200);
             Salvo http = Salvo.newBuilder().rateLimit(0.5, 1).build()) {
            assertEquals(200, Await.value(http.send(Request.get(server.url("/first")))).status());
            CompletableFuture<Response> late = http.send(Request.newBuilder(server.url("/late"))
                    .deadline(Duration.ofMillis(300)).build());
            assertEquals(1, http.queued(), "waiting for a permit, not refused");
            DeadlineExceededException e = Await.failure(late, DeadlineExceededException.class);
            assertTrue(e.getMessage().contains("while queued"), e.getMessage());
            assertEquals(1, server.hits());
            assertEquals(0, http.inFlight() + http.queued());
        }
    }

    @Test
    void aRetryAfterPausesTheWholeOriginButNoOther() throws Exception {
        AtomicBoolean busy = new AtomicBoolean(true);
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch resumed = new CountDownLatch(1);
        try (RecordingServer server = new RecordingServer(exchange -> {
                 if (busy.getAndSet(false)) {
                     exchange.getResponseHeaders().add("Retry-After", "1");
                     return 503;
                 }
                 return 200;
             });
             Salvo http = Salvo.newBuilder().eventListener(event -> {
                 if (event.phase() == CallEvent.Phase.HOST_PAUSED || event.phase() == CallEvent.Phase.HOST_RESUMED) {
                     events.add(event);
                 }
                 if (event.phase() == CallEvent.Phase.HOST_RESUMED) {
                     resumed.countDown();
                 }
             }).build()) {
            assertEquals(503, Await.value(http.send(Request.get(server.url("/busy")))).status());
            long pausedAt = server.arrivals.get(0);
            List<CompletableFuture<Response>> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(http.send(Request.get(server.url("/after" + i))));
            }
            assertEquals(3, http.queued(), "the origin's queue is paused");
            assertEquals(200, Await.value(http.send(local.get("/get"))).status(), "another origin is not paused");
            held.forEach(f -> assertEquals(200, Await.value(f).status()));
            assertTrue(resumed.await(20, TimeUnit.SECONDS));
            for (long arrival : server.arrivals.subList(1, 4)) {
                assertTrue(arrival - pausedAt >= 950_000_000L, "arrived " + (arrival - pausedAt) / 1e6 + " ms after the 503");
            }
            assertEquals(List.of(CallEvent.Phase.HOST_PAUSED, CallEvent.Phase.HOST_RESUMED),
                    events.stream().map(CallEvent::phase).toList());
            assertEquals(503, events.get(0).status());
            assertEquals(0, http.inFlight() + http.queued());
        }
    }

    @Test
    void hostBackoffCanBeTurnedOff() {
        AtomicBoolean busy = new AtomicBoolean(true);
        try (RecordingServer server = new RecordingServer(exchange -> {
                 exchange.getResponseHeaders().add("Retry-After", "30");
                 return busy.getAndSet(false) ? 429 : 200;
             });
             Salvo http = Salvo.newBuilder().hostBackoff(Duration.ZERO).build()) {
            assertEquals(429, Await.value(http.send(Request.get(server.url("/a")))).status());
            assertEquals(200, Await.value(http.send(Request.get(server.url("/b")))).status());
        }
    }

    @Test
    void aCircuitBreakerOpensFailsFastAndClosesAfterAGoodProbe() {
        AtomicBoolean failing = new AtomicBoolean(true);
        CircuitBreakerPolicy policy = CircuitBreakerPolicy.newBuilder().window(4).minimumCalls(4).failureRate(0.5)
                .openFor(Duration.ofMillis(300)).build();
        try (RecordingServer server = new RecordingServer(exchange -> failing.get() ? 500 : 200);
             Salvo http = Salvo.newBuilder().circuitBreaker(policy).build()) {
            for (int i = 0; i < 4; i++) {
                assertEquals(500, Await.value(http.send(Request.get(server.url("/x")))).status(), "5xx are data");
            }
            CircuitOpenException open = Await.failure(http.send(Request.get(server.url("/x"))), CircuitOpenException.class);
            assertTrue(open.getMessage().contains(server.origin().toString()), open.getMessage());
            assertEquals(4, server.hits(), "an open breaker sends nothing");
            assertEquals(200, Await.value(http.send(local.get("/get"))).status(), "another origin has its own breaker");
            failing.set(false);
            AtomicInteger refused = new AtomicInteger();
            Await.until("the breaker lets a probe through", () -> {
                CompletableFuture<Response> probe = http.send(Request.get(server.url("/probe")));
                try {
                    return probe.join().status() == 200;
                } catch (RuntimeException e) {
                    refused.incrementAndGet();
                    return false;
                }
            });
            assertTrue(refused.get() > 0, "refused until openFor passed");
            for (int i = 0; i < 5; i++) {
                assertEquals(200, Await.value(http.send(Request.get(server.url("/y")))).status(), "closed again");
            }
            assertEquals(0, http.inFlight() + http.queued());
        }
    }

    @Test
    void anOpeningBreakerFailsTheCallsQueuedForItsOrigin() {
        CountDownLatch release = new CountDownLatch(1);
        CircuitBreakerPolicy policy = CircuitBreakerPolicy.newBuilder().window(1).minimumCalls(1).build();
        try (RecordingServer server = new RecordingServer(exchange -> {
                 try {
                     release.await(20, TimeUnit.SECONDS);
                 } catch (InterruptedException e) {
                     Thread.currentThread().interrupt();
                 }
                 return 502;
             });
             Salvo http = Salvo.newBuilder().maxPerHost(1).circuitBreaker(policy).build()) {
            CompletableFuture<Response> first = http.send(Request.get(server.url("/first")));
            List<CompletableFuture<Response>> queued = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                queued.add(http.send(Request.get(server.url("/q" + i))));
            }
            Await.until("the first call reached the server", () -> server.hits() == 1);
            assertEquals(3, http.queued());
            release.countDown();
            assertEquals(502, Await.value(first).status());
            queued.forEach(f -> Await.failure(f, CircuitOpenException.class));
            assertEquals(1, server.hits());
            assertEquals(0, http.inFlight() + http.queued());
        }
    }
}
