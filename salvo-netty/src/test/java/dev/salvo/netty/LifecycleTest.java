package dev.salvo.netty;

import dev.salvo.client.contract.ScriptedServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.ClientClosedException;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Threads and close(): daemon I/O threads that end, calls in flight that fail, never hang. */
class LifecycleTest {

    private static List<Thread> nettyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("salvo-netty"))
                .filter(Thread::isAlive)
                .toList();
    }

    @Test
    void closeFailsCallsInFlightAndQueuedAndEndsTheThreads() throws Exception {
        CountDownLatch stalled = new CountDownLatch(2);
        try (ScriptedServer server = new ScriptedServer(socket -> {
            ScriptedServer.readHead(socket.getInputStream());
            stalled.countDown();
            socket.getInputStream().read(); // never answers
        })) {
            NettyTransport transport = NettyTransport.newBuilder().maxConnectionsPerHost(2)
                    .closeTimeout(Duration.ofSeconds(3)).build();
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(transport.execute(Request.get(server.url("/" + i))));
            }
            assertTrue(stalled.await(10, TimeUnit.SECONDS));
            List<Thread> threads = nettyThreads();
            assertTrue(!threads.isEmpty() && threads.stream().allMatch(Thread::isDaemon), "daemon I/O threads: " + threads);

            long started = System.nanoTime();
            transport.close();
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "close() is bounded");
            for (CompletableFuture<Response> call : calls) {
                ExecutionException failure = assertThrows(ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
                assertInstanceOf(ClientClosedException.class, failure.getCause());
            }
            for (Thread thread : threads) {
                thread.join(5_000);
                assertTrue(!thread.isAlive(), thread + " ended");
            }
            ExecutionException after = assertThrows(ExecutionException.class,
                    () -> transport.execute(Request.get(server.url("/late"))).get(5, TimeUnit.SECONDS));
            assertInstanceOf(ClientClosedException.class, after.getCause());
            transport.close(); // idempotent
        }
    }

    @Test
    void closeFromACallbackOnAnIoThreadNeitherThrowsNorHangs() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            NettyTransport transport = NettyTransport.create();
            CompletableFuture<Thread> closedOn = transport.execute(Request.get(server.url("/hello")))
                    .thenApply(response -> {
                        transport.close();
                        return Thread.currentThread();
                    });
            assertTrue(closedOn.get(10, TimeUnit.SECONDS).getName().startsWith("salvo-netty"));
            ExecutionException after = assertThrows(ExecutionException.class,
                    () -> transport.execute(Request.get(server.url("/hello"))).get(5, TimeUnit.SECONDS));
            assertInstanceOf(ClientClosedException.class, after.getCause());
        }
    }

    @Test
    void closeOfAnUnusedTransportIsQuick() {
        NettyTransport transport = NettyTransport.create();
        long started = System.nanoTime();
        transport.close();
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void manyTransportsComeAndGo() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            for (int i = 0; i < 5; i++) {
                try (NettyTransport transport = NettyTransport.newBuilder().eventLoopThreads(1).build()) {
                    assertEquals(200, transport.execute(Request.get(server.url("/hello"))).get(10, TimeUnit.SECONDS).status());
                }
            }
        }
    }
}
