package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import dev.salvo.client.contract.RecordingSink;
import dev.salvo.client.contract.TransportContract;
import dev.salvo.client.spi.Transport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** HttpURLConnection, a blocking library, made a transport on virtual threads, passes the contract. */
class BlockingTransportTest extends TransportContract {
    @Override
    protected Transport newTransport() {
        return Transports.blocking(Transports.urlConnection(Duration.ofSeconds(5), Duration.ofSeconds(30)));
    }

    @Test
    void aDirectExecutorRunsTheSameCodeSynchronously() {
        Transport sync = Transports.blocking(Transports.urlConnection(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                Runnable::run);
        CompletableFuture<Response> done = sync.execute(Request.get(server.url("/get")));
        assertTrue(done.isDone(), "a direct executor completes before execute returns");
        assertEquals(200, done.join().status());
    }

    @Test
    void aBoundedExecutorBoundsConcurrency() {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Transport pooled = Transports.blocking(
                    Transports.urlConnection(Duration.ofSeconds(5), Duration.ofSeconds(30)), two);
            long start = System.nanoTime();
            CompletableFuture<?>[] calls = new CompletableFuture<?>[4];
            for (int i = 0; i < calls.length; i++) {
                calls[i] = pooled.execute(Request.get(server.url("/delay/0.3")));
            }
            CompletableFuture.allOf(calls).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds >= 0.55, "4 calls of 0.3 s on 2 threads take about 0.6 s, took " + seconds);
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void whatTheClientThrowsIsTyped() {
        Transport failing = Transports.blocking(request -> {
            throw new java.net.SocketException("Connection reset");
        });
        Await.failure(failing.execute(Request.get(server.url("/get"))), ConnectionClosedException.class);
        Transport nothing = Transports.blocking(request -> null);
        Await.failure(nothing.execute(Request.get(server.url("/get"))), SalvoIOException.class);
    }

    @Test
    void aBorrowingSinkReadsIntoOneArrayAndAnyOtherSubscriberGetsANewArrayPerPiece() throws Exception {
        try (Transport blocking = newTransport()) {
            for (boolean borrows : new boolean[] {true, false}) {
                RecordingSink sink = new RecordingSink(borrows);
                Await.value(blocking.execute(Request.get(server.url("/bytes/1000000")), sink.exchange()));
                assertEquals(1_000_000L, sink.bytes());
                assertTrue(sink.pieces() > 1, "several pieces: " + sink.pieces());
                assertEquals(borrows ? 1 : sink.pieces(), sink.arrays(), "borrows=" + borrows);
            }
        }
    }
}
