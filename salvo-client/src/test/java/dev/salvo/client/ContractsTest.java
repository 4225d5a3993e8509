package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import dev.salvo.client.spi.Transport;
import dev.salvo.client.spi.Exchange;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the docs promise, checked where an outside review found the code and the docs apart. */
class ContractsTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    @Test
    void cancellingAMappedCallFreesItsSlotBeforeCancelReturns() {
        try (Salvo http = Salvo.newBuilder().maxInFlight(1).build()) {
            for (int i = 0; i < 20; i++) {
                CompletableFuture<Integer> mapped = http.send(server.get("/delay/5"), Response::status);
                assertEquals(1, http.inFlight());
                assertTrue(mapped.cancel(true));
                assertEquals(0, http.inFlight(), "slot freed before cancel returned (round " + i + ")");
            }
        }
    }

    @Test
    void stagesStayOffTheCompletingThreadWhenTheExecutorRefuses() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        try (Salvo http = Salvo.newBuilder().callbackExecutor(task -> {
            throw new RejectedExecutionException("full");
        }).build()) {
            CompletableFuture<Response> call = http.send(server.get("/get"));
            Await.value(call.whenComplete((response, error) -> ranOn.set(Thread.currentThread())));
        }
        assertTrue(ranOn.get().isVirtual(), "ran on " + ranOn.get());
        assertTrue(ranOn.get().getName().startsWith("salvo-callback"), "ran on " + ranOn.get());
    }

    @Test
    void aConnectTimeoutWithAGivenTransportIsRefusedAtBuild() {
        Salvo.Builder builder = Salvo.newBuilder().transport(Transports.jdk(Duration.ofSeconds(1)))
                .connectTimeout(Duration.ofSeconds(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains("set the connect timeout on the transport"), e.getMessage());
        // and in the other order
        assertThrows(IllegalArgumentException.class, () -> Salvo.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .sharedTransport(Transports.jdk(Duration.ofSeconds(1))).build());
    }

    @Test
    void salvoClosesAGivenTransportButNotASharedOne() {
        AtomicInteger closes = new AtomicInteger();
        Transport counting = new Transport() {
            private final Transport inner = Transports.jdk(Duration.ofSeconds(5));

            @Override
            public CompletableFuture<Void> execute(Request request, Exchange exchange) {
                return inner.execute(request, exchange);
            }

            @Override
            public void close() {
                closes.incrementAndGet();
                inner.close();
            }
        };
        try (Salvo shared = Salvo.newBuilder().sharedTransport(counting).build()) {
            assertEquals(200, Await.value(shared.send(server.get("/get"))).status());
        }
        assertEquals(0, closes.get(), "a shared transport stays open");
        try (Salvo owner = Salvo.newBuilder().transport(counting).build()) {
            assertEquals(200, Await.value(owner.send(server.get("/get"))).status());
        }
        assertEquals(1, closes.get(), "a given transport closes with the client");
    }

    @Test
    void eventsAndBatchesTakeAndGiveNoNull() {
        Batch batch = Batch.startWith(server.get("/get")).then(previous -> server.get("/status/" + previous.status()))
                .build();
        assertEquals(server.get("/get").uri(), batch.request(0, Optional.empty()).uri());
        assertThrows(NullPointerException.class, () -> batch.request(0, null));
        assertThrows(IllegalArgumentException.class, () -> batch.request(1, Optional.empty()));
        assertThrows(IndexOutOfBoundsException.class, () -> batch.request(2, Optional.empty()));
        try (Salvo http = Salvo.create()) {
            List<BatchResult> results = Await.value(http.batches(List.of(batch)));
            assertEquals(2, results.get(0).responses().size());
        }
        assertThrows(NullPointerException.class, () -> new CallEvent(CallEvent.Phase.QUEUED, 1, server.get("/"), 0, 1,
                0, null));
    }
}
