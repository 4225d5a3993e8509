package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test-only fault endpoints misbehave exactly as documented, and the server survives them. */
class FaultEndpointsTest {
    static SalvoServer server;

    @BeforeAll
    static void start() {
        server = SalvoServer.start(ServerConfig.newBuilder().idleTimeout(Duration.ofMillis(800)).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void closeMidBodySendsFewerBytesThanAnnounced() {
        String reply = TestHttp.raw(server, "GET /fault/close-mid-body HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
        assertTrue(reply.contains("content-length: 1000"), reply);
        assertEquals("0123456789", reply.substring(reply.indexOf("\r\n\r\n") + 4));
        assertEquals(200, TestHttp.get(server, "/get").statusCode());
    }

    @Test
    void garbageIsNotHttp() {
        String reply = TestHttp.raw(server, "GET /fault/garbage HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(reply.startsWith("GARBAGE"), reply);
        assertTrue(!reply.contains("HTTP/1.1"), reply);
    }

    @Test
    void closeEndsTheConnectionWithNoAnswer() {
        assertEquals("", TestHttp.raw(server, "GET /fault/close HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertEquals(200, TestHttp.get(server, "/get").statusCode());
    }

    @Test
    void resetResetsTheConnection() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET /fault/reset HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            SocketException reset = assertThrows(SocketException.class, () -> s.getInputStream().read());
            assertTrue(reset.getMessage().toLowerCase().contains("reset"), reset.toString());
        }
        assertEquals(200, TestHttp.get(server, "/get").statusCode());
        assertEquals(400, TestHttp.get(server, "/fault/reset?code=99").statusCode());
    }

    @Test
    void stallNeverAnswersUntilIdleTimeoutCloses() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET /fault/stall HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            InputStream in = s.getInputStream();
            assertEquals(-1, in.read(), "no byte, then the server closes");
            double took = (System.nanoTime() - start) / 1e9;
            assertTrue(took >= 0.6 && took < 4.5, "closed by the 0.8 s idle timeout after " + took + " s");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the idle timeout did not close a stalled connection", e);
        }
    }

    @Test
    void stallOncePausesOnlyTheFirstWindowPerKey() {
        List<CompletableFuture<Double>> during;
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            during = IntStream.range(0, 3).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                assertEquals(200, TestHttp.get(server, "/fault/stall-once/400?key=t1").statusCode());
                return (System.nanoTime() - start) / 1e9;
            }, threads)).toList();
        }
        during.forEach(f -> assertTrue(f.join() >= 0.25, "every request inside the pause waits for its end, took " + f.join()));
        long again = System.nanoTime();
        assertEquals(0, TestHttp.json(TestHttp.get(server, "/fault/stall-once/400?key=t1")).at("/stalled_ms").asInt());
        assertTrue((System.nanoTime() - again) / 1e9 < 0.3, "after the pause, answers at once");
    }
}
