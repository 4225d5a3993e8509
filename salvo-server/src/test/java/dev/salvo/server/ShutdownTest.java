package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** close() lets in-flight requests finish, within a bound, under every strategy. */
class ShutdownTest {

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void inFlightRequestsFinishBeforeCloseReturns(Strategy strategy) throws Exception {
        SalvoServer server = SalvoServer.start(ServerConfig.newBuilder().strategy(strategy).build());
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.setSoTimeout(10_000);
                s.getOutputStream().write("GET /delay/0.4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                clients.add(s);
            }
            // BLOCKING serves on its one event loop, which reads the next request only after the first
            TestHttp.awaitInFlight(server, strategy == Strategy.BLOCKING ? 1 : 3);
            long start = System.nanoTime();
            server.close();
            double took = (System.nanoTime() - start) / 1e9;
            assertTrue(took < 5, "close took " + took + " s");
            for (Socket s : clients) {
                String reply = TestHttp.readAll(s.getInputStream());
                assertTrue(reply.startsWith("HTTP/1.1 200"), strategy + " cut an in-flight request: " + reply);
            }
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", server.port()).close(), "no longer accepting");
    }

    @Test
    void h2StreamsInFlightFinishThenTheConnectionEnds() throws Exception {
        SalvoServer server = SalvoServer.start();
        try (H2Wire wire = H2Wire.open(server)) {
            // frames are read in order: once /get on stream 5 is answered, streams 1 and 3 are being served
            wire.get(1, "/delay/0.6").get(3, "/fault/stall").get(5, "/get").flush();
            assertEquals(200, wire.until(f -> f.stream() == 5 && f.type() == H2Wire.HEADERS).status());
            CompletableFuture<Double> closing = CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                server.close();
                return (System.nanoTime() - start) / 1e9;
            });
            H2Wire.Frame delayed = wire.until(f -> f.stream() == 1 || f.type() == H2Wire.GOAWAY);
            assertNotNull(delayed, "the connection closed before the in-flight stream was answered");
            assertEquals(H2Wire.HEADERS, delayed.type(), "in-flight stream cut: " + delayed);
            assertEquals(200, delayed.status());
            H2Wire.Frame goAway = wire.until(f -> f.type() == H2Wire.GOAWAY || f.stream() == 3 && f.type() == H2Wire.HEADERS);
            assertNotNull(goAway, "closed without GOAWAY");
            assertEquals(H2Wire.GOAWAY, goAway.type(), "the stalled stream was answered");
            assertNull(wire.until(f -> f.stream() == 3 && f.type() == H2Wire.HEADERS), "the stalled stream was answered");
            double took = closing.get(10, TimeUnit.SECONDS);
            assertTrue(took < 5, "close took " + took + " s");
        }
    }

    @Test
    void closeIsBoundedWhenWorkOutlastsTheShutdownTimeout() throws Exception {
        SalvoServer server = SalvoServer.start(ServerConfig.newBuilder().shutdownTimeout(Duration.ofMillis(300)).build());
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /delay/8 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            TestHttp.awaitInFlight(server, 1);
            long start = System.nanoTime();
            server.close();
            double took = (System.nanoTime() - start) / 1e9;
            assertTrue(took < 4, "close took " + took + " s despite a 0.3 s bound");
            assertTrue(closedByPeer(s), "the unfinished request's connection is closed");
        }
        server.close();
    }

    /** True when the peer closed the connection without sending anything (end of stream or reset). */
    static boolean closedByPeer(Socket s) throws IOException {
        try {
            return s.getInputStream().read() == -1;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    @Test
    void startFailsClearlyWhenThePortIsTaken() {
        try (SalvoServer first = SalvoServer.start()) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> SalvoServer.start(ServerConfig.newBuilder().port(first.port()).build()));
            assertTrue(e.getMessage().contains(Integer.toString(first.port())), e.getMessage());
            assertTrue(e.getCause() instanceof IOException);
        }
    }
}
