package dev.salvo.benchmarks.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.server.SalvoServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every client adapter and the closed loop against the embedded server on 127.0.0.1. */
class LoopbackTest {
    private static SalvoServer server;

    @BeforeAll
    static void startServer() {
        server = SalvoServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Peer.class)
    void everyClientReadsTheWholeBodyAndFailsOnOtherStatuses(Peer peer) throws Exception {
        try (PeerClient client = peer.create(8, false)) {
            assertEquals(1024, client.get(server.url("/bytes/1024")).get(30, TimeUnit.SECONDS));
            assertTrue(client.get(server.url("/get")).get(30, TimeUnit.SECONDS) > 0);
            CompletableFuture<Integer> notFound = client.get(server.url("/status/404"));
            ExecutionException failure = assertThrows(ExecutionException.class, () -> notFound.get(30, TimeUnit.SECONDS));
            assertTrue(String.valueOf(failure.getCause()).contains("404"), failure.getCause()::toString);
        }
    }

    /**
     * Issue 13: through a relay that keeps each connection's first bytes, every h2c client reads
     * bodies and statuses as over HTTP/1.1, and really speaks HTTP/2: the preface first (prior
     * knowledge), or for the JDK's clients an {@code Upgrade: h2c} answered with 101.
     */
    @ParameterizedTest
    @EnumSource(Peer.class)
    void everyH2cClientSpeaksHttp2(Peer peer) throws Exception {
        if (!peer.speaksH2c()) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> peer.create(8, true));
            assertTrue(refused.getMessage().contains("h2c"), refused::getMessage);
            return;
        }
        try (FirstBytesRelay relay = new FirstBytesRelay(server.port()); PeerClient client = peer.create(8, true)) {
            assertEquals(1024, client.get(relay.url("/bytes/1024")).get(30, TimeUnit.SECONDS));
            RunResult r = ClosedLoop.run(client, relay.url("/get"), 8, 200, Duration.ofSeconds(60));
            assertEquals(0, r.errors(), r.firstError());
            CompletableFuture<Integer> notFound = client.get(relay.url("/status/404"));
            ExecutionException failure = assertThrows(ExecutionException.class, () -> notFound.get(30, TimeUnit.SECONDS));
            assertTrue(String.valueOf(failure.getCause()).contains("404"), failure.getCause()::toString);

            List<FirstBytesRelay.Connection> connections = relay.connections();
            assertFalse(connections.isEmpty());
            boolean upgrades = peer == Peer.JDK || peer == Peer.SALVO_JDK || peer == Peer.SALVO_JDK_POOL || peer == Peer.JDK_TRANSPORT;
            for (FirstBytesRelay.Connection c : connections) {
                if (upgrades) {
                    assertTrue(c.sent().contains("Upgrade: h2c") || c.sent().contains("upgrade: h2c"), c::sent);
                } else {
                    assertTrue(c.sent().startsWith("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), c::sent);
                }
            }
            if (upgrades) {
                assertTrue(connections.stream().anyMatch(c -> c.received().startsWith("HTTP/1.1 101")),
                        () -> connections.get(0).received());
            } else {
                // 8 lanes at once fit in one connection's 1,000 streams
                assertEquals(1, connections.size(), "connections opened");
            }
        }
    }

    @Test
    void closedLoopCountsEveryRequestOnce() throws Exception {
        try (PeerClient client = Peer.NETTY_TRANSPORT.create(8, false)) {
            RunResult r = ClosedLoop.run(client, server.url("/get"), 8, 2_000, Duration.ofSeconds(60));
            assertEquals(0, r.errors(), r.firstError());
            assertTrue(r.requestsPerSecond() > 0 && r.p50Nanos() > 0 && r.p50Nanos() <= r.p99Nanos(), r::toString);
            assertTrue(r.bytesPerRequest() > 0 && r.cpuNanosPerRequest() > 0, r::toString);
        }
    }

    @Test
    void closedLoopEndsWhenEveryRequestFails() throws Exception {
        try (PeerClient client = Peer.NETTY_TRANSPORT.create(4, false)) {
            RunResult r = ClosedLoop.run(client, "http://127.0.0.1:1/get", 4, 50, Duration.ofSeconds(60));
            assertEquals(50, r.errors());
            assertTrue(r.firstError().contains("Connect"), r.firstError());
        }
    }
}
