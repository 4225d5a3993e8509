package dev.salvo.benchmarks.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.server.SalvoServer;
import java.time.Duration;
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
        try (PeerClient client = peer.create(8)) {
            assertEquals(1024, client.get(server.url("/bytes/1024")).get(30, TimeUnit.SECONDS));
            assertTrue(client.get(server.url("/get")).get(30, TimeUnit.SECONDS) > 0);
            CompletableFuture<Integer> notFound = client.get(server.url("/status/404"));
            ExecutionException failure = assertThrows(ExecutionException.class, () -> notFound.get(30, TimeUnit.SECONDS));
            assertTrue(String.valueOf(failure.getCause()).contains("404"), failure.getCause()::toString);
        }
    }

    @Test
    void closedLoopCountsEveryRequestOnce() throws Exception {
        try (PeerClient client = Peer.NETTY_TRANSPORT.create(8)) {
            RunResult r = ClosedLoop.run(client, server.url("/get"), 8, 2_000, Duration.ofSeconds(60));
            assertEquals(0, r.errors(), r.firstError());
            assertTrue(r.requestsPerSecond() > 0 && r.p50Nanos() > 0 && r.p50Nanos() <= r.p99Nanos(), r::toString);
            assertTrue(r.bytesPerRequest() > 0 && r.cpuNanosPerRequest() > 0, r::toString);
        }
    }

    @Test
    void closedLoopEndsWhenEveryRequestFails() throws Exception {
        try (PeerClient client = Peer.NETTY_TRANSPORT.create(4)) {
            RunResult r = ClosedLoop.run(client, "http://127.0.0.1:1/get", 4, 50, Duration.ofSeconds(60));
            assertEquals(50, r.errors());
            assertTrue(r.firstError().contains("Connect"), r.firstError());
        }
    }
}
