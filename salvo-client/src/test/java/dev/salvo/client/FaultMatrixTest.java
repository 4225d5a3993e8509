package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every fault ends in a typed failure, and the client's counters return to zero. */
class FaultMatrixTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    private Salvo http;

    private Salvo client(Salvo.Builder builder) {
        http = builder.build();
        return http;
    }

    @AfterEach
    void countersReturnToZero() {
        Await.until("inFlight and queued back to 0", () -> http.inFlight() == 0 && http.queued() == 0);
        http.close();
    }

    @Test
    void connectionRefused() {
        Salvo salvo = client(Salvo.newBuilder());
        ConnectFailedException e = Await.failure(
                salvo.send(Request.get("http://127.0.0.1:" + Await.refusedPort() + "/")), ConnectFailedException.class);
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
        assertTrue(e.getCause() != null);
        assertCountersZero(salvo);
    }

    @Test
    void serverClosesMidBody() {
        Salvo salvo = client(Salvo.newBuilder());
        Await.failure(salvo.send(server.get("/fault/close-mid-body")), ConnectionClosedException.class);
        assertCountersZero(salvo);
    }

    @Test
    void serverStallsPastTheDeadline() {
        Salvo salvo = client(Salvo.newBuilder().deadline(Duration.ofMillis(300)));
        long start = System.nanoTime();
        DeadlineExceededException e = Await.failure(salvo.send(server.get("/fault/stall")),
                DeadlineExceededException.class);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 5, "ends near the deadline, took " + seconds);
        assertTrue(e.getMessage().contains("in flight"), e.getMessage());
        assertCountersZero(salvo);
    }

    @Test
    void garbageStatusLine() {
        Salvo salvo = client(Salvo.newBuilder());
        Await.failure(salvo.send(server.get("/fault/garbage")), MalformedResponseException.class);
        assertCountersZero(salvo);
    }

    @Test
    void cancelWhileQueuedFreesTheQueueAtOnce() {
        Salvo salvo = client(Salvo.newBuilder().maxInFlight(1));
        CompletableFuture<Response> running = salvo.send(server.get("/delay/0.5"));
        CompletableFuture<Response> waiting = salvo.send(server.get("/get"));
        Await.until("second call queued", () -> salvo.queued() == 1);
        assertTrue(waiting.cancel(true));
        assertEquals(0, salvo.queued(), "queue slot freed before cancel returns");
        assertEquals(1, salvo.inFlight());
        assertEquals(200, Await.value(running).status());
        Await.failure(waiting, CancellationException.class);
    }

    @Test
    void cancelWhileInFlightFreesTheSlotAtOnce() {
        Salvo salvo = client(Salvo.newBuilder().maxInFlight(1));
        CompletableFuture<Response> stalled = salvo.send(server.get("/fault/stall"));
        CompletableFuture<Response> next = salvo.send(server.get("/get"));
        Await.until("stall in flight", () -> salvo.inFlight() == 1 && salvo.queued() == 1);
        assertTrue(stalled.cancel(true));
        assertEquals(200, Await.value(next).status(), "the freed slot runs the queued call");
        assertTrue(stalled.isCancelled());
    }

    @Test
    void mapperThrows() {
        Salvo salvo = client(Salvo.newBuilder());
        IllegalStateException boom = new IllegalStateException("cannot parse");
        CompletableFuture<String> mapped = salvo.send(server.get("/get"), response -> {
            throw boom;
        });
        assertSame(boom, Await.failure(mapped, IllegalStateException.class));
        assertCountersZero(salvo);
    }

    @Test
    void closeWithWorkQueued() {
        Salvo salvo = client(Salvo.newBuilder().maxInFlight(2).closeTimeout(Duration.ofSeconds(5)));
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(salvo.send(server.get("/delay/0.3")));
        }
        Await.until("two in flight", () -> salvo.inFlight() == 2);
        salvo.close();
        int ok = 0;
        int closed = 0;
        for (CompletableFuture<Response> call : calls) {
            Throwable failure = call.handle((r, e) -> e == null ? null : Outcome.unwrap(e)).join();
            if (failure == null) {
                ok++;
            } else {
                assertInstanceOf(ClientClosedException.class, failure);
                closed++;
            }
        }
        assertEquals(2, ok, "calls in flight finish within the close timeout");
        assertEquals(8, closed, "queued calls fail with ClientClosedException");
        assertCountersZero(salvo);
        Await.failure(salvo.send(server.get("/get")), ClientClosedException.class);
    }

    @Test
    void closeCancelsWhatOutlivesTheCloseTimeout() {
        Salvo salvo = client(Salvo.newBuilder().closeTimeout(Duration.ofMillis(200)));
        CompletableFuture<Response> stalled = salvo.send(server.get("/fault/stall"));
        Await.until("in flight", () -> salvo.inFlight() == 1);
        long start = System.nanoTime();
        salvo.close();
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "close is bounded");
        Await.failure(stalled, ClientClosedException.class);
        assertCountersZero(salvo);
    }

    @Test
    void queueBoundRejectsWithATypedError() {
        Salvo salvo = client(Salvo.newBuilder().maxInFlight(1).maxQueued(1));
        CompletableFuture<Response> first = salvo.send(server.get("/delay/0.2"));
        CompletableFuture<Response> second = salvo.send(server.get("/get"));
        QueueFullException e = Await.failure(salvo.send(server.get("/get")), QueueFullException.class);
        assertTrue(e.getMessage().contains("maxQueued 1"), e.getMessage());
        Await.value(first);
        Await.value(second);
    }

    @Test
    void deadlineWhileQueuedSaysSo() {
        Salvo salvo = client(Salvo.newBuilder().maxInFlight(1));
        CompletableFuture<Response> blocker = salvo.send(server.get("/delay/1"));
        CompletableFuture<Response> late = salvo.send(Request.newBuilder(server.url("/get"))
                .deadline(Duration.ofMillis(200)).build());
        DeadlineExceededException e = Await.failure(late, DeadlineExceededException.class);
        assertTrue(e.getMessage().contains("queued"), e.getMessage());
        blocker.cancel(true);
    }

    private static void assertCountersZero(Salvo salvo) {
        Await.until("counters zero", () -> salvo.inFlight() == 0 && salvo.queued() == 0);
    }
}
