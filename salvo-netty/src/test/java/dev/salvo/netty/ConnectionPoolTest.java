package dev.salvo.netty;

import dev.salvo.client.contract.ScriptedServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.ConnectionClosedException;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Keep-alive reuse, its limits, and the pool's bound, counted at the server. */
class ConnectionPoolTest {

    @Test
    void sequentialRequestsReuseOneConnection() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(); NettyTransport transport = NettyTransport.create()) {
            for (int i = 0; i < 20; i++) {
                assertEquals(200, NettyTransportTest.send(transport, Request.get(server.url("/hello"))).status());
            }
            assertEquals(1, server.connections());
        }
    }

    @Test
    void withoutKeepAliveEveryRequestGetsItsOwnConnection() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer();
             NettyTransport transport = NettyTransport.newBuilder().keepAlive(false).build()) {
            for (int i = 0; i < 5; i++) {
                Response response = NettyTransportTest.send(transport, Request.get(server.url("/echo")));
                assertEquals("close", response.headers().first("X-Echo-Connection").orElseThrow());
            }
            assertEquals(5, server.connections());
        }
    }

    @Test
    void aConnectionTheServerMarksCloseIsNotReused() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(); NettyTransport transport = NettyTransport.create()) {
            for (int i = 0; i < 3; i++) {
                assertEquals("bye", NettyTransportTest.send(transport, Request.get(server.url("/close"))).bodyString());
            }
            assertEquals(3, server.connections());
        }
    }

    @Test
    void aRequestSayingCloseDoesNotLeaveItsConnectionInThePool() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(); NettyTransport transport = NettyTransport.create()) {
            Request closing = Request.newBuilder(server.url("/echo")).header("Connection", "close").build();
            for (int i = 0; i < 3; i++) {
                Response response = NettyTransportTest.send(transport, closing);
                assertEquals("close", response.headers().first("X-Echo-Connection").orElseThrow(), "sent as given");
            }
            assertEquals(3, server.connections());
        }
    }

    @Test
    void moreConcurrentCallsThanConnectionsQueueAndAllComplete() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer();
             NettyTransport transport = NettyTransport.newBuilder().maxConnectionsPerHost(4).build()) {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(transport.execute(Request.get(server.url(i % 10 == 0 ? "/slow/20" : "/bytes/" + i))));
            }
            for (int i = 0; i < calls.size(); i++) {
                Response response = calls.get(i).get(20, TimeUnit.SECONDS);
                assertEquals(i % 10 == 0 ? 4 : i, response.bodyLength());
            }
            assertTrue(server.connections() <= 4, "at most 4 connections, saw " + server.connections());
        }
    }

    @Test
    void cancelStormLeavesEveryFutureCompleteAndThePoolHealthy() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer();
             NettyTransport transport = NettyTransport.newBuilder().maxConnectionsPerHost(8).build()) {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            Random random = new Random(42);
            for (int i = 0; i < 300; i++) {
                calls.add(transport.execute(Request.get(server.url(i % 2 == 0 ? "/slow/" + random.nextInt(5) : "/bytes/100"))));
                if (random.nextInt(3) == 0) {
                    calls.get(random.nextInt(calls.size())).cancel(true);
                }
            }
            for (CompletableFuture<Response> call : calls) {
                try {
                    assertEquals(200, call.get(20, TimeUnit.SECONDS).status());
                } catch (CancellationException cancelled) {
                    assertTrue(call.isCancelled());
                }
            }
            for (int i = 0; i < 40; i++) {
                assertEquals(100, NettyTransportTest.send(transport, Request.get(server.url("/bytes/100"))).bodyLength());
            }
        }
    }

    @Test
    void aPooledConnectionThePeerClosedIsReplaced() throws Exception {
        AtomicInteger served = new AtomicInteger();
        // answers one request per connection, keeps the connection "alive" by the headers, then closes it
        try (ScriptedServer server = new ScriptedServer(socket -> {
            InputStream in = socket.getInputStream();
            if (ScriptedServer.readHead(in) != null) {
                ScriptedServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                served.incrementAndGet();
            }
        }); NettyTransport transport = NettyTransport.newBuilder().maxConnectionsPerHost(1).build()) {
            for (int i = 0; i < 5; i++) {
                assertEquals("ok", NettyTransportTest.send(transport, Request.get(server.url("/"))).bodyString());
                // not synchronisation: the point is both orders, with and without time to notice the close
                Thread.sleep(i % 2 == 0 ? 50 : 0);
            }
            assertEquals(5, served.get());
            assertEquals(5, server.connections());
        }
    }

    /** Answers the first request on each connection, then hangs up on the second without a word. */
    private static ScriptedServer oneAnswerPerConnection() throws IOException {
        return new ScriptedServer(socket -> {
            InputStream in = socket.getInputStream();
            if (ScriptedServer.readHead(in) != null) {
                ScriptedServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                ScriptedServer.readHead(in);
            }
        });
    }

    @Test
    void anIdempotentCallOnAConnectionThatDiesUnansweredIsSentOnceMore() throws Exception {
        try (ScriptedServer server = oneAnswerPerConnection();
             NettyTransport transport = NettyTransport.newBuilder().maxConnectionsPerHost(1).build()) {
            assertEquals("ok", NettyTransportTest.send(transport, Request.get(server.url("/1"))).bodyString());
            assertEquals("ok", NettyTransportTest.send(transport, Request.get(server.url("/2"))).bodyString());
            assertEquals(2, server.connections());
        }
    }

    @Test
    void aPostOnAConnectionThatDiesUnansweredFailsRatherThanRepeat() throws Exception {
        try (ScriptedServer server = oneAnswerPerConnection();
             NettyTransport transport = NettyTransport.newBuilder().maxConnectionsPerHost(1).build()) {
            assertEquals("ok", NettyTransportTest.send(transport, Request.get(server.url("/1"))).bodyString());
            CompletableFuture<Response> post = transport.execute(Request.postJson(server.url("/2"), "{}"));
            ExecutionException failure = assertThrows(ExecutionException.class, () -> post.get(10, TimeUnit.SECONDS));
            assertInstanceOf(ConnectionClosedException.class, failure.getCause());
            assertEquals(1, server.connections());
        }
    }

    @Test
    void idleConnectionsAreEvicted() throws Exception {
        CountDownLatch closedByClient = new CountDownLatch(1);
        // answers every request on a connection; the end of its input is the client closing (evicting) it
        try (ScriptedServer server = new ScriptedServer(socket -> {
            try {
                InputStream in = socket.getInputStream();
                while (ScriptedServer.readHead(in) != null) {
                    ScriptedServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                }
            } finally {
                closedByClient.countDown(); // end of input or a reset: either way the client let go
            }
        }); NettyTransport transport = NettyTransport.newBuilder().idleTimeout(Duration.ofMillis(200)).build()) {
            NettyTransportTest.send(transport, Request.get(server.url("/1")));
            assertTrue(closedByClient.await(20, TimeUnit.SECONDS), "the idle connection was closed by the client");
            NettyTransportTest.send(transport, Request.get(server.url("/2")));
            assertEquals(2, server.connections());
        }
    }
}
