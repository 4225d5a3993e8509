package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import dev.salvo.client.contract.Bodies;
import dev.salvo.client.spi.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In-flight limits, per-host limits, the FIFO queue, and seed 004's own timing check. */
class LimitsTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    private static double secondsToSend(int requests, int maxInFlight, double delay) {
        try (Salvo http = Salvo.newBuilder().maxInFlight(maxInFlight).build()) {
            Await.value(http.send(server.get("/get"))); // warm the connection pool
            long start = System.nanoTime();
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                calls.add(http.send(server.get("/delay/" + delay)));
            }
            calls.forEach(call -> assertEquals(200, Await.value(call).status()));
            return (System.nanoTime() - start) / 1e9;
        }
    }

    @Test
    void eightCallsOnFiveSlotsTakeTwoDelays() {
        double d = 0.4;
        double took = secondsToSend(8, 5, d);
        assertTrue(took >= 2 * d * 0.95 && took < 2 * d + 1.5, "8 on 5 slots: about 2d = " + 2 * d + " s, took " + took);
    }

    @Test
    void tenCallsOnTenSlotsTakeOneDelay() {
        double d = 0.4;
        double took = secondsToSend(10, 10, d);
        assertTrue(took >= d * 0.95 && took < d + 1.2, "10 on 10 slots: about d = " + d + " s, took " + took);
    }

    @Test
    void perHostLimitHoldsWhileOtherHostsProceed() {
        Map<Origin, AtomicInteger> running = new ConcurrentHashMap<>();
        Map<Origin, Integer> peak = new ConcurrentHashMap<>();
        EventListener peaks = event -> {
            Origin host = event.request().origin();
            switch (event.phase()) {
                case STARTED -> peak.merge(host, running.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet(),
                        Math::max);
                case COMPLETED, FAILED -> running.get(host).decrementAndGet();
                default -> { }
            }
        };
        // "localhost" and "127.0.0.1" are two host keys for the same server
        String other = server.url("/delay/0.2").replace("127.0.0.1", "localhost");
        try (Salvo http = Salvo.newBuilder().maxInFlight(6).maxPerHost(2).eventListener(peaks).build()) {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(http.send(server.get("/delay/0.2")));
            }
            CompletableFuture<Response> otherHost = http.send(Request.get(other));
            Await.until("other host started", () -> running.containsKey(Origin.of(other)));
            assertTrue(http.inFlight() <= 4, "2 per host: " + http.inFlight());
            calls.forEach(Await::value);
            Await.value(otherHost);
            assertEquals(2, peak.get(Request.get(server.url("/")).origin()));
        }
    }

    @Test
    void queuedCallsStartInFifoOrder() {
        List<Long> startOrder = new ArrayList<>();
        EventListener starts = event -> {
            if (event.phase() == CallEvent.Phase.STARTED) {
                synchronized (startOrder) {
                    startOrder.add(event.requestId());
                }
            }
        };
        try (Salvo http = Salvo.newBuilder().maxInFlight(1).eventListener(starts).build()) {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(http.send(server.get("/get")));
            }
            calls.forEach(Await::value);
        }
        List<Long> sorted = new ArrayList<>(startOrder);
        sorted.sort(Long::compare);
        assertEquals(sorted, startOrder);
    }

    @Test
    void oneHundredThousandQueuedWithEightInFlight() {
        int n = 100_000;
        AtomicInteger ok = new AtomicInteger();
        try (Salvo http = Salvo.newBuilder().maxInFlight(8).transport(instantTransport()).build()) {
            List<CompletableFuture<Response>> calls = new ArrayList<>(n);
            Request request = server.get("/get");
            for (int i = 0; i < n; i++) {
                calls.add(http.send(request));
            }
            assertTrue(http.inFlight() <= 8);
            for (CompletableFuture<Response> call : calls) {
                if (Await.value(call).status() == 200) {
                    ok.incrementAndGet();
                }
            }
            Await.until("drained", () -> http.inFlight() == 0 && http.queued() == 0);
        }
        assertEquals(n, ok.get());
    }

    @Test
    void manySendersNeverStrandACall() throws InterruptedException {
        int threads = 8;
        int perThread = 500;
        try (Salvo http = Salvo.newBuilder().maxInFlight(3).maxPerHost(2).transport(instantTransport()).build()) {
            List<CompletableFuture<Response>> calls = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String host = t % 2 == 0 ? "127.0.0.1" : "localhost";
                senders.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        calls.add(http.send(Request.get("http://" + host + ":9/x")));
                    }
                }));
            }
            go.countDown();
            for (Thread sender : senders) {
                sender.join();
            }
            calls.forEach(Await::value);
            assertEquals(threads * perThread, calls.size());
            Await.until("drained", () -> http.inFlight() == 0 && http.queued() == 0);
        }
    }

    /** Answers 200 at once, from another thread: exercises the dispatcher, not the network. */
    private static Transport instantTransport() {
        return (request, exchange) -> CompletableFuture.runAsync(
                () -> Bodies.deliver(exchange.responseHeaders(200, Headers.empty()), new byte[0]));
    }
}
