package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import dev.salvo.client.spi.BlockingClient;
import dev.salvo.client.spi.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Seed 000's point: an SDK written once against {@link Transport} runs unchanged synchronously or
 * concurrently, depending only on the transport it is handed.
 */
class SdkOverTransportTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    /** A tiny SDK: knows the API's paths, not how HTTP is done. */
    record DelaySdk(Transport transport, String base) {
        CompletableFuture<Integer> slowCall() {
            return transport.execute(Request.get(base + "/delay/0.3")).thenApply(Response::status);
        }
    }

    private static double runFour(Transport transport) {
        DelaySdk sdk = new DelaySdk(transport, server.url("").replaceAll("/$", ""));
        long start = System.nanoTime();
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(sdk.slowCall());
        }
        calls.forEach(c -> assertEquals(200, Await.value(c)));
        return (System.nanoTime() - start) / 1e9;
    }

    @Test
    void sameSdkSyncAndAsync() {
        BlockingClient blocking = Transports.urlConnection(Duration.ofSeconds(5), Duration.ofSeconds(30));
        double sync = runFour(Transports.blocking(blocking, Runnable::run));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        double async;
        try {
            async = runFour(Transports.blocking(blocking, pool));
        } finally {
            pool.shutdownNow();
        }
        assertTrue(sync >= 1.15, "sync runs one after another: 4 × 0.3 s, took " + sync);
        assertTrue(async < sync * 0.7, "async overlaps: " + async + " vs sync " + sync);
    }
}
