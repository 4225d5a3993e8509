package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import dev.salvo.client.contract.ScriptedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dispatcher as the one owner of admission: per-origin limits, a queue bound that counts only
 * calls that must wait, retries and redirects that are never refused, and limits the user set
 * never capped by defaults they did not set.
 */
class AdmissionTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    @Test
    void queueBoundRefusesOnlyCallsThatWouldWait() {
        try (Salvo http = Salvo.newBuilder().maxInFlight(1).maxQueued(0).build()) {
            CompletableFuture<Response> first = http.send(server.get("/delay/0.5"));
            assertEquals(1, http.inFlight(), "a call that can start at once is accepted with maxQueued(0)");
            QueueFullException refused = Await.failure(http.send(server.get("/get")), QueueFullException.class);
            assertTrue(refused.getMessage().contains("1 in flight"), refused.getMessage());
            assertEquals(200, Await.value(first).status());
            assertEquals(200, Await.value(http.send(server.get("/get"))).status());
            assertEquals(0, http.inFlight() + http.queued());
        }
    }

    @Test
    void anIdleOriginIsNotRefusedForAnotherOriginsQueue() {
        String otherOrigin = server.url("/get").replace("127.0.0.1", "localhost");
        try (Salvo http = Salvo.newBuilder().maxPerHost(1).maxQueued(1).build()) {
            CompletableFuture<Response> running = http.send(server.get("/delay/0.5"));
            CompletableFuture<Response> waiting = http.send(server.get("/get"));
            assertEquals(1, http.queued());
            assertEquals(200, Await.value(http.send(Request.get(otherOrigin))).status());
            assertEquals(200, Await.value(running).status());
            assertEquals(200, Await.value(waiting).status());
            assertEquals(0, http.inFlight() + http.queued());
        }
    }

    @Test
    void aRetryIsNeverRefusedByTheQueueBound() throws Exception {
        CountDownLatch got503 = new CountDownLatch(1);
        AtomicInteger hits = new AtomicInteger();
        try (ScriptedServer flaky = new ScriptedServer(socket -> {
            while (ScriptedServer.readHead(socket.getInputStream()) != null) {
                if (hits.incrementAndGet() == 1) {
                    ScriptedServer.write(socket, "HTTP/1.1 503 Busy\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n");
                    got503.countDown();
                } else {
                    ScriptedServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                }
            }
        }); Salvo http = Salvo.newBuilder().maxInFlight(2).maxQueued(0)
                .retryPolicy(RetryPolicy.newBuilder().maxAttempts(2).retryOnStatus(Set.of(503)).build()).build()) {
            CompletableFuture<Response> slow = http.send(server.get("/delay/2"));
            CompletableFuture<Response> retried = http.send(Request.get(flaky.url("/")));
            assertTrue(got503.await(20, TimeUnit.SECONDS));
            Await.until("the retried call gave its slot back", () -> http.inFlight() == 1);
            CompletableFuture<Response> filler = http.send(server.get("/delay/2"));
            assertEquals(2, http.inFlight(), "both slots busy when the retry comes back");
            Response response = Await.value(retried);
            assertEquals(200, response.status());
            assertEquals(2, hits.get());
            Await.value(slow);
            Await.value(filler);
            assertEquals(0, http.inFlight() + http.queued());
        }
    }

    @Test
    void aLimitTheUserSetIsNotCappedByADefault() {
        Map<String, AtomicInteger> phases = new ConcurrentHashMap<>();
        AtomicInteger startedBeforeFirstCompletion = new AtomicInteger();
        EventListener counter = event -> {
            if (event.phase() == CallEvent.Phase.STARTED && phases.get("COMPLETED") == null) {
                startedBeforeFirstCompletion.incrementAndGet();
            }
            phases.computeIfAbsent(event.phase().name(), k -> new AtomicInteger()).incrementAndGet();
        };
        try (Salvo http = Salvo.newBuilder().maxInFlight(100).eventListener(counter).build()) {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(http.send(server.get("/delay/2")));
            }
            assertEquals(100, http.inFlight(), "maxInFlight(100) alone lets 100 run to one origin");
            calls.forEach(Await::value);
            assertEquals(100, startedBeforeFirstCompletion.get());
        }
        try (Salvo http = Salvo.newBuilder().maxPerHost(80).build()) {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                calls.add(http.send(server.get("/delay/2")));
            }
            assertEquals(80, http.inFlight(), "maxPerHost(80) alone raises the total limit to 80");
            calls.forEach(Await::value);
        }
    }

    @Test
    void aCrossOriginRedirectMovesTheCallToTheNewOriginsLimit() {
        String target = server.url("/delay/1").replace("127.0.0.1", "localhost");
        Map<Long, Long> startedAt = new ConcurrentHashMap<>();
        Map<Long, Long> completedAt = new ConcurrentHashMap<>();
        Map<Long, Origin> lastOrigin = new ConcurrentHashMap<>();
        EventListener times = event -> {
            switch (event.phase()) {
                case STARTED -> {
                    startedAt.putIfAbsent(event.requestId(), event.nanoTime());
                    lastOrigin.put(event.requestId(), event.request().origin());
                }
                case COMPLETED -> completedAt.put(event.requestId(), event.nanoTime());
                default -> { }
            }
        };
        try (Salvo http = Salvo.newBuilder().maxPerHost(1).eventListener(times).build()) {
            CompletableFuture<Response> redirected = http.send(server.get("/redirect-to?url=" + target));
            CompletableFuture<Response> sameOrigin = http.send(server.get("/get"));
            assertEquals(200, Await.value(redirected).status());
            assertEquals(200, Await.value(sameOrigin).status());
            assertEquals(Origin.of(target), lastOrigin.get(1L));
            assertTrue(startedAt.get(2L) < completedAt.get(1L),
                    "the first origin's slot was freed when the call moved to the second origin");
            assertEquals(0, http.inFlight() + http.queued());
        }
    }

    @Test
    void perHostLimitsAreKeyedByOriginNotHost() throws Exception {
        // same host and port, other scheme: two origins. An https origin here is refused at once
        // (the embedded server speaks plain HTTP), which must not take the http origin's slot.
        try (Salvo http = Salvo.newBuilder().maxPerHost(1).deadline(Duration.ofSeconds(10)).build()) {
            CompletableFuture<Response> plain = http.send(server.get("/delay/3"));
            CompletableFuture<Response> tls = http.send(Request.get(server.url("/get").replace("http://", "https://")));
            Await.failure(tls, SalvoIOException.class);
            assertTrue(!plain.isDone(), "the https call did not wait for the http origin's slot");
            assertEquals(200, Await.value(plain).status());
        }
    }
}
