package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import dev.salvo.client.contract.TransportContract;
import dev.salvo.client.spi.BodySink;
import dev.salvo.client.spi.Exchange;
import dev.salvo.client.spi.Transport;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
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
                Set<Object> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
                long[] bytes = {0};
                int[] pieces = {0};
                BodySink sink = new BodySink() {
                    @Override
                    public boolean borrows() {
                        return borrows;
                    }

                    @Override
                    public void onSubscribe(Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(List<ByteBuffer> buffers) {
                        for (ByteBuffer buffer : buffers) {
                            arrays.add(buffer.array());
                            bytes[0] += buffer.remaining();
                            pieces[0]++;
                        }
                    }

                    @Override
                    public void onError(Throwable failure) {
                    }

                    @Override
                    public void onComplete() {
                    }
                };
                Exchange exchange = new Exchange() {
                    @Override
                    public long requestId() {
                        return 0;
                    }

                    @Override
                    public Flow.Subscriber<List<ByteBuffer>> responseHeaders(
                            int status, Headers headers) {
                        return sink;
                    }
                };
                Await.value(blocking.execute(Request.get(server.url("/bytes/1000000")), exchange));
                assertEquals(1_000_000L, bytes[0]);
                assertTrue(pieces[0] > 1, "several pieces: " + pieces[0]);
                assertEquals(borrows ? 1 : pieces[0], arrays.size(), "borrows=" + borrows);
            }
        }
    }
}
