package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import dev.salvo.client.contract.EndlessBodyServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the engine promises about bodies on top of any transport: slots, deadlines, replays, leaks, misuse. */
class StreamingCallsTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    @Test
    void aStreamHoldsItsSlotUntilReadToTheEnd() throws Exception {
        try (Salvo http = Salvo.newBuilder().maxInFlight(1).build()) {
            BodyResponse<InputStream> response = Await.value(http.send(server.get("/bytes/300000"),
                    BodyHandler.ofInputStream()));
            assertEquals(1, http.inFlight(), "the body is not read yet");
            try (InputStream in = response.body()) {
                assertEquals(300_000, in.readAllBytes().length);
            }
            Await.until("slot freed once the body was read", () -> http.inFlight() == 0);
        }
    }

    @Test
    void theDeadlineCoversReadingTheBody() throws Exception {
        try (EndlessBodyServer stalling = new EndlessBodyServer(1_000_000, 1000);
             Salvo http = Salvo.create()) {
            Request request = Request.newBuilder(stalling.url("/stall")).deadline(Duration.ofMillis(500)).build();
            InputStream in = Await.value(http.send(request, BodyHandler.ofInputStream())).body();
            IOException e = assertThrows(IOException.class, in::readAllBytes);
            assertInstanceOf(DeadlineExceededException.class, e, e.toString());
            Await.until("slot freed by the deadline", () -> http.inFlight() == 0);
        }
    }

    @Test
    void aBodyIdleTimeoutFailsAStalledBodyButNotASlowReader() throws Exception {
        try (EndlessBodyServer stalling = new EndlessBodyServer(1_000_000, 1000); Salvo http = Salvo.create()) {
            Request request = Request.newBuilder(stalling.url("/stall")).bodyIdleTimeout(Duration.ofMillis(300)).build();
            DeadlineExceededException e = Await.failure(http.send(request), DeadlineExceededException.class);
            assertTrue(e.getMessage().contains("idle"), e.getMessage());
            Await.until("slot freed", () -> http.inFlight() == 0);
        }
    }

    @Test
    void theIdleTimeoutAlsoBoundsTheWaitForTheResponseHeadButNotAWholeLongBody() throws Exception {
        try (Salvo http = Salvo.create()) {
            Request silent = Request.newBuilder(server.url("/fault/stall")).bodyIdleTimeout(Duration.ofMillis(300)).build();
            DeadlineExceededException e = Await.failure(http.send(silent), DeadlineExceededException.class);
            assertTrue(e.getMessage().contains("no response head"), e.getMessage());
            // a body taking longer than the idle timeout in all, but never idle that long, comes whole
            Request steady = Request.newBuilder(server.url("/drip?numbytes=8&duration=1.2&delay=0"))
                    .bodyIdleTimeout(Duration.ofMillis(600)).build();
            assertEquals(8, Await.value(http.send(steady)).body().length);
            Await.until("slots freed", () -> http.inFlight() == 0);
        }
    }

    @Test
    void anUnclosedStreamIsFoundAndFreed() {
        try (Salvo http = Salvo.newBuilder().maxInFlight(1).build()) {
            forgetAStream(http);
            Await.until("the Cleaner frees the forgotten stream's slot", () -> {
                System.gc();
                return http.inFlight() == 0;
            });
            assertEquals(200, Await.value(http.send(server.get("/get"))).status(), "the slot is usable again");
        }
    }

    @Test
    void aPublisherNeverSubscribedToIsFoundAndFreed() {
        try (Salvo http = Salvo.newBuilder().maxInFlight(1).build()) {
            forgetAPublisher(http);
            assertEquals(1, http.inFlight(), "the body is not read yet");
            Await.until("the Cleaner frees the forgotten publisher's slot", () -> {
                System.gc();
                return http.inFlight() == 0;
            });
            assertEquals(0, http.queued());
            assertEquals(200, Await.value(http.send(server.get("/get"))).status(), "the slot is usable again");
        }
    }

    private static void forgetAPublisher(Salvo http) {
        BodyResponse<?> response = Await.value(http.send(server.get("/bytes/500000"), BodyHandler.ofPublisher()));
        assertEquals(200, response.status());
    }

    private static void forgetAStream(Salvo http) {
        BodyResponse<InputStream> response = Await.value(http.send(server.get("/bytes/500000"), BodyHandler.ofInputStream()));
        assertEquals(200, response.status());
    }

    @Test
    void aOneShotBodyIsNotSentAgainOnRetry() {
        RetryPolicy retry503 = RetryPolicy.newBuilder().retryNonIdempotent(true).retryOnStatus(Set.of(503))
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
        try (Salvo http = Salvo.newBuilder().retryPolicy(retry503).build()) {
            Request oneShot = Request.newBuilder(server.url("/status/503"))
                    .POST(RequestBody.ofInputStream(new ByteArrayInputStream(new byte[1000]))).build();
            BodyNotReplayableException e = Await.failure(http.send(oneShot), BodyNotReplayableException.class);
            assertTrue(e.getMessage().contains("single InputStream"), e.getMessage());
            Request replayable = Request.newBuilder(server.url("/status/503"))
                    .POST(RequestBody.ofInputStream(() -> new ByteArrayInputStream(new byte[1000]), 1000)).build();
            assertEquals(503, Await.value(http.send(replayable)).status(), "a supplier is sent on every attempt");
            Await.until("slots freed", () -> http.inFlight() == 0);
        }
    }

    @Test
    void progressReportsTheBytesAsTheyArrive(@org.junit.jupiter.api.io.TempDir Path dir) {
        List<Long> seen = new CopyOnWriteArrayList<>();
        try (Salvo http = Salvo.create()) {
            Path file = dir.resolve("out.bin");
            Await.value(http.send(server.get("/bytes/1000000"), BodyHandler.ofFile(file).withProgress(seen::add)));
            assertEquals(1_000_000L, seen.get(seen.size() - 1));
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) > seen.get(i - 1), "grows: " + seen);
            }
            assertEquals(1_000_000L, Await.value(http.send(server.get("/bytes/1000000"), BodyHandler.discarding())).body());
        }
    }

    @Test
    void badBodiesAndHandlersFailAtOnce(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> BodyHandler.ofBytes(0));
        assertThrows(NullPointerException.class, () -> BodyHandler.ofFile(null));
        assertThrows(NullPointerException.class, () -> BodyHandler.discarding().withProgress(null));
        assertThrows(IllegalArgumentException.class, () -> RequestBody.ofFile(dir.resolve("missing")));
        assertThrows(IllegalArgumentException.class, () -> RequestBody.ofFile(dir));
        assertThrows(IllegalArgumentException.class, () -> RequestBody.ofInputStream(InputStream::nullInputStream, -2));
        assertThrows(IllegalStateException.class, () -> RequestBody.multipart().build());
        assertThrows(IllegalArgumentException.class, () -> RequestBody.multipart().field("a\r\nX-Evil: 1", "v"));
        assertThrows(NullPointerException.class, () -> RequestBody.ofForm(java.util.Collections.singletonMap("a", null)));
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("a", "1 2");
        fields.put("b", "&");
        RequestBody form = RequestBody.ofForm(fields);
        assertEquals("a=1+2&b=%26", java.nio.charset.StandardCharsets.US_ASCII.decode(form.bytes().orElseThrow()).toString());
        assertEquals("application/x-www-form-urlencoded",
                Request.newBuilder(server.url("/post")).POST(form).build().headers().first("Content-Type").orElseThrow());
        try (Salvo http = Salvo.create()) {
            IllegalStateException thrown = Await.failure(http.send(server.get("/get"), (status, headers) -> {
                throw new IllegalStateException("handler refused");
            }), IllegalStateException.class);
            assertEquals("handler refused", thrown.getMessage());
            Await.until("slot freed", () -> http.inFlight() == 0);
        }
    }
}
