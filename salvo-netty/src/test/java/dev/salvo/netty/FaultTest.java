package dev.salvo.netty;

import dev.salvo.client.contract.ScriptedServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.ConnectionClosedException;
import dev.salvo.client.MalformedResponseException;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Peers that misbehave, from raw sockets: every failure is typed and keeps its cause. */
class FaultTest {
    private static NettyTransport transport;

    @BeforeAll
    static void start() {
        transport = NettyTransport.newBuilder().eventLoopThreads(1).build();
    }

    @AfterAll
    static void stop() {
        transport.close();
    }

    private static Throwable failureOf(CompletableFuture<Response> call) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
        return failure.getCause();
    }

    @Test
    void refusedConnectionFailsAsConnectFailed() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Throwable failure = failureOf(transport.execute(Request.get("http://127.0.0.1:" + port + "/")));
        assertInstanceOf(ConnectFailedException.class, failure);
        assertNotNull(failure.getCause(), "keeps the original cause");
        assertTrue(failure.getMessage().contains("127.0.0.1:" + port), failure.getMessage());
    }

    @Test
    void connectTimeoutFailsAsConnectFailed() throws Exception {
        // a listener that never accepts, its backlog filled: the kernel drops further SYNs
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try (NettyTransport quick = NettyTransport.newBuilder().connectTimeout(Duration.ofMillis(300)).build()) {
                boolean backlogFull = false;
                for (int i = 0; i < 64 && !backlogFull; i++) {
                    Socket filler = new Socket();
                    fillers.add(filler);
                    try {
                        filler.connect(full.getLocalSocketAddress(), 200);
                    } catch (IOException e) {
                        backlogFull = true;
                    }
                }
                assertTrue(backlogFull, "the listener's backlog should fill up");
                long started = System.nanoTime();
                Throwable failure = failureOf(quick.execute(Request.get("http://127.0.0.1:" + full.getLocalPort() + "/")));
                assertInstanceOf(ConnectFailedException.class, failure);
                assertTrue(failure.getMessage().contains("timed out"), failure.getMessage());
                assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "bounded by the connect timeout");
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void unknownHostFailsAsConnectFailed() {
        Throwable failure = failureOf(transport.execute(Request.get("http://no-such-host.invalid/")));
        assertInstanceOf(ConnectFailedException.class, failure);
    }

    @Test
    void closeMidBodyFailsAsConnectionClosed() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly a part", false)) {
            Throwable failure = failureOf(transport.execute(Request.get(server.url("/"))));
            assertInstanceOf(ConnectionClosedException.class, failure);
            assertTrue(failure.getMessage().contains("before the response was complete"), failure.getMessage());
        }
    }

    @Test
    void closeBeforeAnyResponseFailsAsConnectionClosed() throws Exception {
        try (ScriptedServer server = new ScriptedServer(socket -> ScriptedServer.readHead(socket.getInputStream()))) {
            assertInstanceOf(ConnectionClosedException.class, failureOf(transport.execute(Request.get(server.url("/")))));
        }
    }

    @Test
    void garbageStatusLineFailsAsMalformed() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying("SPLAT garbage here\r\n\r\n", true)) {
            Throwable failure = failureOf(transport.execute(Request.get(server.url("/"))));
            assertInstanceOf(MalformedResponseException.class, failure);
            assertNotNull(failure.getCause());
        }
    }

    @Test
    void badChunkFramingFailsAsMalformed() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n", true)) {
            assertInstanceOf(MalformedResponseException.class, failureOf(transport.execute(Request.get(server.url("/")))));
        }
    }

    @Test
    void aHeaderNameThatIsNotATokenFailsAsMalformed() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying("HTTP/1.1 200 OK\r\nBad(Name): x\r\nContent-Length: 2\r\n\r\nok", true)) {
            assertInstanceOf(MalformedResponseException.class, failureOf(transport.execute(Request.get(server.url("/")))));
        }
    }

    @Test
    void interimResponsesAreSkipped() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 4\r\n\r\ndone", true)) {
            Response response = transport.execute(Request.get(server.url("/"))).get(10, TimeUnit.SECONDS);
            assertEquals(201, response.status());
            assertEquals("done", response.bodyString());
            assertEquals("Content-Length", response.headers().name(0), "header names keep their case");
        }
    }

    @Test
    void bodyUntilCloseIsReadWhole() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying("HTTP/1.1 200 OK\r\n\r\nall of it", false)) {
            Response response = transport.execute(Request.get(server.url("/"))).get(10, TimeUnit.SECONDS);
            assertEquals("all of it", response.bodyString());
        }
    }

    @Test
    void cancellingAStalledCallClosesItsConnectionAndFreesItsSlot() throws Exception {
        CountDownLatch requestArrived = new CountDownLatch(1);
        CountDownLatch clientClosed = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(socket -> {
            InputStream in = socket.getInputStream();
            String head = ScriptedServer.readHead(in);
            if (head.startsWith("GET /stall")) {
                ScriptedServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome");
                requestArrived.countDown();
                awaitClose(in, clientClosed);
            } else {
                ScriptedServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        }); NettyTransport single = NettyTransport.newBuilder().maxConnectionsPerHost(1).build()) {
            CompletableFuture<Response> stalled = single.execute(Request.get(server.url("/stall")));
            assertTrue(requestArrived.await(10, TimeUnit.SECONDS));
            assertTrue(stalled.cancel(true));
            assertTrue(stalled.isCancelled());
            assertTrue(clientClosed.await(10, TimeUnit.SECONDS), "the connection is closed");
            Response next = single.execute(Request.get(server.url("/next"))).get(10, TimeUnit.SECONDS);
            assertEquals("ok", next.bodyString());
            assertEquals(2, server.connections());
        }
    }

    /** Counts down once the client closed: end of stream, or a reset when it left bytes unread. */
    static void awaitClose(InputStream in, CountDownLatch closed) {
        try {
            if (in.read() == -1) {
                closed.countDown();
            }
        } catch (IOException reset) {
            closed.countDown();
        }
    }

    @Test
    void cancellingAQueuedCallLeavesTheOthersRunning() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(socket -> {
            InputStream in = socket.getInputStream();
            while (ScriptedServer.readHead(in) != null) {
                release.await(10, TimeUnit.SECONDS);
                ScriptedServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        }); NettyTransport single = NettyTransport.newBuilder().maxConnectionsPerHost(1).build()) {
            CompletableFuture<Response> first = single.execute(Request.get(server.url("/1")));
            CompletableFuture<Response> queued = single.execute(Request.get(server.url("/2")));
            CompletableFuture<Response> third = single.execute(Request.get(server.url("/3")));
            assertTrue(queued.cancel(true));
            release.countDown();
            assertEquals("ok", first.get(10, TimeUnit.SECONDS).bodyString());
            assertEquals("ok", third.get(10, TimeUnit.SECONDS).bodyString());
            assertEquals(1, server.connections());
        }
    }
}
