package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Event phases with ids and times; mappers and completions off the I/O threads. */
class EventsAndMappingTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    @Test
    void phasesArriveInOrderWithIncreasingTimes() {
        List<CallEvent> events = new ArrayList<>();
        try (Salvo http = Salvo.newBuilder().eventListener(e -> {
            synchronized (events) {
                events.add(e);
            }
        }).build()) {
            Await.value(http.send(server.get("/get")));
            Await.failure(http.send(Request.get("http://127.0.0.1:" + Await.refusedPort() + "/")), ConnectFailedException.class);
        }
        List<CallEvent> first = events.stream().filter(e -> e.requestId() == 1).toList();
        assertEquals(List.of(CallEvent.Phase.QUEUED, CallEvent.Phase.STARTED, CallEvent.Phase.RESPONSE_HEADERS,
                CallEvent.Phase.RESPONSE_BODY_RECEIVED, CallEvent.Phase.COMPLETED),
                first.stream().map(CallEvent::phase).toList());
        for (int i = 1; i < first.size(); i++) {
            assertTrue(first.get(i).nanoTime() >= first.get(i - 1).nanoTime());
        }
        assertEquals(200, first.get(4).status());
        CallEvent failed = events.stream().filter(e -> e.requestId() == 2 && e.phase() == CallEvent.Phase.FAILED)
                .findFirst().orElseThrow();
        assertTrue(failed.failure().orElseThrow() instanceof ConnectFailedException);
        assertTrue(first.get(0).failure().isEmpty(), "no failure on QUEUED");
    }

    @Test
    void mappersAndCompletionsRunOnCallbackThreads() {
        try (Salvo http = Salvo.create()) {
            CompletableFuture<String> mapped = http.send(server.get("/get"), r -> Thread.currentThread().getName());
            String mapperThread = Await.value(mapped);
            assertTrue(mapperThread.startsWith("salvo-callback-"), mapperThread);
            CompletableFuture<String> dependent = http.send(server.get("/get"))
                    .thenApply(r -> Thread.currentThread().getName());
            assertTrue(Await.value(dependent).startsWith("salvo-callback-"), "dependent stages run on callback threads");
            CompletableFuture<String> chained = http.send(server.get("/get"))
                    .thenCompose(r -> http.send(server.get("/get")))
                    .whenComplete((r, e) -> { })
                    .handle((r, e) -> Thread.currentThread().getName());
            assertTrue(Await.value(chained).startsWith("salvo-callback-"), "derived stages too");
        }
    }

    @Test
    void cancellingAMappedFutureCancelsTheCall() {
        try (Salvo http = Salvo.newBuilder().maxInFlight(1).build()) {
            CompletableFuture<Integer> mapped = http.send(server.get("/fault/stall"), Response::status);
            Await.until("in flight", () -> http.inFlight() == 1);
            mapped.cancel(true);
            Await.until("slot freed", () -> http.inFlight() == 0);
        }
    }

    @Test
    void sendBlockingThrowsTheTypedFailure() throws Exception {
        try (Salvo http = Salvo.create()) {
            assertEquals(200, http.sendBlocking(server.get("/get")).status());
            assertEquals(500, http.sendBlocking(server.get("/status/500")).status(), "5xx is data");
            try {
                http.sendBlocking(server.get("/fault/garbage"));
                throw new AssertionError("expected MalformedResponseException");
            } catch (MalformedResponseException expected) {
                assertTrue(expected.getMessage().contains("/fault/garbage"), expected.getMessage());
            }
        }
    }
}
