package dev.salvo.bench;

import dev.salvo.client.Request;
import dev.salvo.client.spi.Transport;
import dev.salvo.server.SalvoServer;
import dev.salvo.server.ServerConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A real Salvo server on loopback that counts the requests it sees, and a Netty transport to load it. */
abstract class LoadFixture {
    static final AtomicLong SEEN = new AtomicLong();
    static SalvoServer server;
    static Transport transport;

    @BeforeAll
    static void startServer() {
        server = SalvoServer.start(ServerConfig.newBuilder().accessLog(line -> SEEN.incrementAndGet()).build());
        transport = LoadTransport.NETTY.open(256, 1, true, Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopServer() {
        transport.close();
        server.close();
    }

    static BenchConfig.Builder config(String path) {
        return BenchConfig.builder(Request.get(server.url(path)));
    }

    /**
     * Waits (bounded, 20 s) until the server's access log has counted {@code count} requests since {@code before};
     * the log line is written after the response, so the client can finish first. Polls every 5 ms inside the
     * bounded loop: the sleep is the poll interval, not the synchronisation.
     */
    static long awaitSeen(long before, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (SEEN.get() - before < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return SEEN.get() - before;
    }

    static BenchResult run(BenchConfig config) throws InterruptedException {
        return BenchRun.start(config, transport).await();
    }
}
