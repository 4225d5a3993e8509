package dev.salvo.server;

import static dev.salvo.server.H2Wire.DATA;
import static dev.salvo.server.H2Wire.GOAWAY;
import static dev.salvo.server.H2Wire.HEADERS;
import static dev.salvo.server.H2Wire.RST_STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault endpoints on h2 (docs/server.md, "Fault endpoints"): garbage and close break the whole
 * connection as on HTTP/1.1; reset, close-mid-body and the write timeout cost one stream only;
 * a stalled stream leaves the others going and the idle timeout still closes the connection.
 */
class Http2FaultsTest {
    private static final Duration WRITE_TIMEOUT = Duration.ofMillis(400);
    private static final Duration IDLE_TIMEOUT = Duration.ofMillis(1500);
    private static SalvoServer server;

    @BeforeAll
    static void start() {
        server = SalvoServer.start(ServerConfig.newBuilder().writeTimeout(WRITE_TIMEOUT).idleTimeout(IDLE_TIMEOUT).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void garbageBreaksTheConnectionAndItsOtherStreams() throws IOException {
        try (H2TestClient h2 = H2TestClient.priorKnowledge(server)) {
            CompletableFuture<H2TestClient.Reply> sibling = h2.sendAsync(HttpMethod.GET, "/delay/5", null, Map.of());
            CompletableFuture<H2TestClient.Reply> garbage = h2.sendAsync(HttpMethod.GET, "/fault/garbage", null, Map.of());
            assertThrows(CompletionException.class, () -> garbage.orTimeout(10, TimeUnit.SECONDS).join());
            assertThrows(CompletionException.class, () -> sibling.orTimeout(10, TimeUnit.SECONDS).join());
            assertTrue(h2.connection().closeFuture().awaitUninterruptibly(10, TimeUnit.SECONDS), "connection still open");
        }
        try (H2Wire wire = H2Wire.open(server)) {
            wire.get(1, "/fault/garbage").flush();
            String rest = new String(wire.rest(), StandardCharsets.ISO_8859_1);
            assertTrue(rest.endsWith("GARBAGE 999 \u0001\u0002 not http\r\n\r\n"), rest);
        }
        assertFreshConnectionServed();
    }

    @Test
    void closeCutsTheConnectionWithoutGoAway() throws IOException {
        try (H2Wire wire = H2Wire.open(server)) {
            wire.get(1, "/delay/5").get(3, "/fault/close").flush();
            assertNull(wire.until(f -> f.type() == GOAWAY || f.type() == HEADERS), "an answer or a GOAWAY before the close");
        }
        assertFreshConnectionServed();
    }

    @Test
    void resetResetsOnlyItsStream() throws IOException {
        try (H2Wire wire = H2Wire.open(server)) {
            wire.get(1, "/fault/reset").get(3, "/fault/reset?code=7").get(5, "/get").flush();
            H2Wire.Frame one = wire.until(f -> f.stream() == 1);
            assertEquals(RST_STREAM, one.type(), one.toString());
            assertEquals(0x2, one.errorCode(), "INTERNAL_ERROR");
            H2Wire.Frame three = wire.until(f -> f.stream() == 3);
            assertEquals(RST_STREAM, three.type(), three.toString());
            assertEquals(H2Wire.REFUSED_STREAM, three.errorCode());
            H2Wire.Frame five = wire.until(f -> f.stream() == 5 && f.type() == HEADERS);
            assertNotNull(five, "the connection did not survive a stream reset");
            assertEquals(200, five.status());
        }
    }

    @Test
    void closeMidBodyResetsItsStreamAfterTenBytes() throws IOException {
        try (H2Wire wire = H2Wire.open(server)) {
            wire.get(1, "/fault/close-mid-body").flush();
            H2Wire.Frame head = wire.until(f -> f.stream() == 1);
            assertEquals(HEADERS, head.type());
            assertEquals("1000", head.headers().get("content-length").toString());
            int body = 0;
            H2Wire.Frame f = wire.until(x -> x.stream() == 1);
            for (; f != null && f.type() == DATA; f = wire.until(x -> x.stream() == 1)) {
                assertTrue(!f.endsStream(), "the stream ended as if whole");
                body += f.payload().length;
            }
            assertEquals(10, body);
            assertNotNull(f, "connection closed instead of the stream reset");
            assertEquals(RST_STREAM, f.type());
            assertEquals(200, wire.statusOfGet(3, "/get"), "the connection goes on");
        }
    }

    @Test
    void stalledStreamLeavesTheOthersAndTheIdleTimeoutStillCloses() throws IOException {
        try (H2Wire wire = H2Wire.open(server)) {
            wire.get(1, "/fault/stall").get(3, "/get").flush();
            H2Wire.Frame other = wire.until(f -> f.type() == HEADERS);
            assertEquals(3, other.stream(), "only the other stream answers");
            assertEquals(200, other.status());
            long start = System.nanoTime();
            H2Wire.Frame end = wire.until(f -> f.stream() == 1 || f.type() == GOAWAY);
            assertNotNull(end, "closed without GOAWAY");
            assertEquals(GOAWAY, end.type(), "the stalled stream answered: " + end);
            double took = (System.nanoTime() - start) / 1e9;
            assertTrue(took >= IDLE_TIMEOUT.toMillis() / 2000.0, "closed after " + took + " s, before the idle timeout");
            assertNull(wire.until(f -> false), "still open after GOAWAY");
        }
    }

    @Test
    void streamWithoutWindowUpdatesIsResetAfterTheWriteTimeoutAndTheOthersGoOn() throws IOException {
        try (H2Wire wire = H2Wire.open(server)) {
            // the connection's window is wide open; stream 1 keeps the initial 65,535 bytes and never gets more
            wire.windowUpdate(0, 1 << 30).get(1, "/bytes/10000000").flush();
            int received = 0;
            while (received < 65_535) {
                H2Wire.Frame f = wire.until(x -> x.stream() == 1);
                assertNotNull(f, "connection closed");
                if (f.type() == DATA) {
                    received += f.payload().length;
                }
            }
            long blocked = System.nanoTime();
            assertEquals(200, wire.statusOfGet(3, "/bytes/1000"), "another stream waits behind the stalled one");
            H2Wire.Frame reset = wire.until(f -> f.stream() == 1 && f.type() != DATA);
            assertNotNull(reset, "connection closed instead of the stream reset");
            assertEquals(RST_STREAM, reset.type(), reset.toString());
            double took = (System.nanoTime() - blocked) / 1e9;
            assertTrue(took >= WRITE_TIMEOUT.toMillis() / 1000.0 * 0.9, "reset after " + took + " s, before the write timeout");
            assertEquals(200, wire.statusOfGet(5, "/get"), "the connection goes on");
        }
    }

    @Test
    void streamWhoseClientReadsSlowlyButSteadilyIsNotReset() throws IOException, InterruptedException {
        int size = 200_000;
        try (H2Wire wire = H2Wire.open(server)) {
            wire.windowUpdate(0, 1 << 30).get(1, "/bytes/" + size).flush();
            int received = 0;
            int granted = 65_535;
            while (received < size) {
                H2Wire.Frame f = wire.until(x -> x.stream() == 1);
                assertNotNull(f, "connection closed");
                assertEquals(true, f.type() == DATA || f.type() == HEADERS, "the stream was cut: " + f);
                if (f.type() == DATA) {
                    received += f.payload().length;
                }
                if (received == granted && received < size) {
                    // a slow reader: each window a little over half the write timeout apart, but never none for a whole one
                    Thread.sleep(WRITE_TIMEOUT.toMillis() * 6 / 10);
                    wire.windowUpdate(1, 16_384).flush();
                    granted += 16_384;
                }
            }
            assertEquals(size, received);
        }
    }

    private static void assertFreshConnectionServed() {
        try (H2TestClient h2 = H2TestClient.priorKnowledge(server)) {
            assertEquals(200, h2.get("/get").status());
        }
    }
}
