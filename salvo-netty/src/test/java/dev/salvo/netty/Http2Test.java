package dev.salvo.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.CallEvent;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.Request;
import dev.salvo.client.RequestBody;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import dev.salvo.client.contract.Await;
import dev.salvo.client.contract.SlowSubscriber;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP/2 path over h2c with prior knowledge: multiplexing, bodies, cancel, trailers. */
class Http2Test {
    private final H2Server server = new H2Server(100);
    private final Salvo http = Salvo.newBuilder().maxInFlight(1000).maxPerHost(1000)
            .transport(NettyTransport.newBuilder().eventLoopThreads(1).protocol(HttpVersion.HTTP_2).build())
            .build();

    @AfterEach
    void close() {
        http.close();
        server.close();
    }

    @Test
    void aGetComesBackOverOneConnection() {
        Response response = Await.value(http.send(Request.get(server.url("/get?x=1"))));
        assertEquals(200, response.status());
        assertEquals("path=/get?x=1", response.bodyString());
        assertEquals("h2", response.headers().first("x-protocol").orElseThrow());
        assertEquals(HttpVersion.HTTP_2, response.version());
        assertEquals(1, server.connections.get());
    }

    @Test
    void concurrentCallsShareOneConnectionAsStreams() {
        List<CompletableFuture<Response>> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add(http.send(Request.get(server.url("/delay/200?i=" + i))));
        }
        all.forEach(f -> assertEquals("delayed", Await.value(f).bodyString()));
        assertTrue(server.connections.get() <= 3, "100 streams per connection: " + server.connections.get());
        assertTrue(server.maxActive.get() > 1, "streams ran at once: " + server.maxActive.get());
        Await.until("slots freed", () -> http.inFlight() == 0 && http.queued() == 0);
    }

    @Test
    void aServerWithRoomForAllTakesThemOnOneConnection() {
        try (H2Server roomy = new H2Server(1000)) {
            List<CompletableFuture<Response>> all = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                all.add(http.send(Request.get(roomy.url("/delay/300?i=" + i))));
            }
            all.forEach(f -> assertEquals("delayed", Await.value(f).bodyString()));
            assertEquals(1, roomy.connections.get());
            assertTrue(roomy.maxActive.get() > 100, "more at once than a server of 100 streams would allow: " + roomy.maxActive.get());
        }
    }

    @Test
    void callsBeyondOneConnectionsStreamsOpenTheConnectionsTheyNeedAtOnce() {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        try (H2Server narrow = new H2Server(100);
             Salvo wide = Salvo.newBuilder().maxInFlight(1000).maxPerHost(1000).eventListener(events::add)
                     .transport(NettyTransport.newBuilder().eventLoopThreads(1).protocol(HttpVersion.HTTP_2).build()).build()) {
            List<CompletableFuture<Response>> all = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                all.add(wide.send(Request.get(narrow.url("/delay/300?i=" + i))));
            }
            all.forEach(f -> assertEquals("delayed", Await.value(f).bodyString()));
            assertEquals(10, narrow.connections.get(), "1,000 calls at 100 streams a connection");
            List<CallEvent.Phase> dials = events.stream().map(CallEvent::phase)
                    .filter(p -> p == CallEvent.Phase.CONNECT_START || p == CallEvent.Phase.CONNECT_END).toList();
            // the first connection alone (its SETTINGS say how many fit), then several together: one at a
            // time, a third could start only once the second was ready, after its CONNECT_END
            assertEquals(List.of(CallEvent.Phase.CONNECT_START, CallEvent.Phase.CONNECT_END), dials.subList(0, 2));
            int secondEnd = dials.subList(2, dials.size()).indexOf(CallEvent.Phase.CONNECT_END) + 2;
            long startedBefore = dials.subList(0, secondEnd).stream().filter(p -> p == CallEvent.Phase.CONNECT_START).count();
            assertTrue(startedBefore >= 3, "connections opened together: " + dials);
            Await.until("slots freed", () -> wide.inFlight() == 0 && wide.queued() == 0);
        }
    }

    @Test
    void tenThousandAtOnceRideAFewConnections() {
        try (H2Server wide = new H2Server(1000);
             Salvo many = Salvo.newBuilder().maxInFlight(10_000).maxPerHost(10_000)
                     .transport(NettyTransport.newBuilder().eventLoopThreads(1).protocol(HttpVersion.HTTP_2).build()).build()) {
            List<CompletableFuture<Response>> all = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                all.add(many.send(Request.get(wide.url("/delay/100"))));
            }
            all.forEach(f -> assertEquals(200, Await.value(f).status()));
            assertTrue(wide.connections.get() <= 10, "1,000 streams a connection: " + wide.connections.get());
            Await.until("slots freed", () -> many.inFlight() == 0 && many.queued() == 0);
        }
    }

    /**
     * Each lane sends its next call from the completion of the one before, on a callback thread:
     * these calls reach the connection's event loop in batches, whose streams go out together.
     */
    @Test
    void callsSentFromCompletionCallbacksAllGoOutAndComeBack() {
        int lanes = 32;
        int perLane = 100;
        List<String> wrong = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Integer>> done = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            done.add(lane(lane, 0, perLane, wrong));
        }
        done.forEach(f -> assertEquals(perLane, Await.value(f)));
        assertEquals(List.of(), wrong);
        assertEquals(1, server.connections.get(), "100 streams fit on one connection");
        Await.until("slots freed", () -> http.inFlight() == 0 && http.queued() == 0);
    }

    /** Sends calls {@code i} to {@code n} of {@code lane} one after another; completes with how many came back. */
    private CompletableFuture<Integer> lane(int lane, int i, int n, List<String> wrong) {
        if (i == n) {
            return CompletableFuture.completedFuture(n);
        }
        String body = lane + ":" + i;
        Request echo = Request.newBuilder(server.url("/echo")).POST(RequestBody.of(body)).build();
        return http.send(echo).thenCompose(response -> {
            if (!response.bodyString().equals(body)) {
                wrong.add(body + " came back as " + response.bodyString());
            }
            return lane(lane, i + 1, n, wrong);
        });
    }

    @Test
    void bodiesGoOutInlineAndStreamed() {
        String text = "y".repeat(300_000);
        Request inline = Request.newBuilder(server.url("/echo")).POST(RequestBody.of("hello")).build();
        assertEquals("hello", Await.value(http.send(inline)).bodyString());
        Request streamed = Request.newBuilder(server.url("/echo"))
                .POST(RequestBody.ofInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))).build();
        assertEquals(text, Await.value(http.send(streamed)).bodyString());
        assertEquals(1_000_000, Await.value(http.send(Request.get(server.url("/bytes/1000000")))).bodyLength());
    }

    @Test
    void aBodyThatArrivedWholeWhileItsReaderWasBehindIsDeliveredWhole() {
        SlowSubscriber slow = SlowSubscriber.to(Await.value(
                http.send(Request.get(server.url("/bytes/60000")), BodyHandler.ofPublisher())).body());
        Await.until("the first piece taken", () -> slow.received() > 0);
        // a call answered on the same connection after it: the first stream's frames, its end among them, are in
        assertEquals(200, Await.value(http.send(Request.get(server.url("/get")))).status());
        while (!slow.ended().isDone()) {
            long before = slow.received();
            slow.request(1);
            Await.until("the next piece or the end", () -> slow.received() > before || slow.ended().isDone());
        }
        assertEquals(60_000L, Await.value(slow.ended()));
        Await.until("slots freed", () -> http.inFlight() == 0);
    }

    @Test
    void aSlowConsumerHoldsBackItsOwnStreamOnlyWhileTheOthersOnTheConnectionGoOn() {
        SlowSubscriber slow = SlowSubscriber.to(Await.value(
                http.send(Request.get(server.url("/bytes/4000000")), BodyHandler.ofPublisher())).body());
        Await.until("the first piece taken", () -> slow.received() > 0); // then nothing: its stream's window closes
        List<CompletableFuture<Response>> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            others.add(http.send(Request.get(server.url("/bytes/100000?i=" + i))));
        }
        others.forEach(f -> assertEquals(100_000, Await.value(f).body().length));
        assertEquals(1, server.connections.get(), "the others rode the same connection past the stalled stream");
        assertTrue(slow.received() < 4_000_000, "the stalled stream did not run ahead: " + slow.received());
        slow.cancel();
        Await.until("the cancelled stream's slot freed", () -> http.inFlight() == 0);
    }

    @Test
    void trailersReachTheResponse() {
        Response response = Await.value(http.send(Request.get(server.url("/trailers"))));
        assertEquals("body", response.bodyString());
        assertEquals(java.util.Optional.of("abc"), response.trailers().first("x-checksum"));
        assertEquals(java.util.Optional.empty(), Await.value(http.send(Request.get(server.url("/get")))).trailers().first("x-checksum"));
    }

    @Test
    void cancelResetsTheStreamAndKeepsTheConnection() {
        CompletableFuture<Response> stalled = http.send(Request.get(server.url("/stall")));
        Await.until("the request arrived", () -> server.stalled.get() == 1);
        assertTrue(stalled.cancel(true));
        Await.until("RST_STREAM arrived", () -> server.resets.get() == 1);
        Await.until("slot freed", () -> http.inFlight() == 0);
        assertEquals(200, Await.value(http.send(Request.get(server.url("/get")))).status());
        assertEquals(1, server.connections.get(), "the connection stayed up");
    }
}
