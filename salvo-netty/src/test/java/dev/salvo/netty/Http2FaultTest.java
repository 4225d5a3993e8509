package dev.salvo.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.ConnectionClosedException;
import dev.salvo.client.MalformedResponseException;
import dev.salvo.client.HttpVersion;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.RetryPolicy;
import dev.salvo.client.Salvo;
import dev.salvo.client.SalvoIOException;
import dev.salvo.client.contract.Await;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/2 fault matrix: each fault ends every call, typed, with the client's slots all free
 * ({@code inFlight() == 0 && queued() == 0}).
 */
class Http2FaultTest {
    /** An empty SETTINGS frame, then a SETTINGS ACK: what a minimal server says first. */
    private static final byte[] SETTINGS_AND_ACK = {0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0};

    private final List<AutoCloseable> resources = new ArrayList<>();

    private Salvo client(NettyTransport.Builder transport, Duration deadline) {
        Salvo http = Salvo.newBuilder().maxInFlight(1000).maxPerHost(1000).deadline(deadline).retryPolicy(RetryPolicy.none())
                .transport(transport.eventLoopThreads(1).protocol(HttpVersion.HTTP_2).build()).build();
        resources.add(http);
        return http;
    }

    private Salvo client() {
        return client(NettyTransport.newBuilder(), Duration.ofSeconds(20));
    }

    private <T extends AutoCloseable> T closing(T resource) {
        resources.add(0, resource);
        return resource;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private static void assertAllFree(Salvo http) {
        Await.until("every slot free", () -> http.inFlight() == 0 && http.queued() == 0);
    }

    @Test
    void goAwayResendsTheStreamsAboveLastStreamIdOnANewConnection() {
        H2Server server = closing(new H2Server(100));
        server.goAwayAfter = 3;
        Salvo http = client();
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(http.send(Request.get(server.url("/goaway?i=" + i))));
        }
        List<String> bodies = calls.stream().map(f -> Await.value(f).bodyString()).sorted().toList();
        assertEquals(List.of("after goaway", "after goaway", "before goaway"), bodies,
                "the processed stream completed, the others were sent again although the retry policy allows none");
        assertEquals(2, server.connections.get());
        assertAllFree(http);
    }

    @Test
    void rstStreamFromTheServerFailsThatCallOnly() {
        H2Server server = closing(new H2Server(100));
        Salvo http = client();
        SalvoIOException e = Await.failure(http.send(Request.get(server.url("/reset"))), SalvoIOException.class);
        assertTrue(e.getMessage().contains("INTERNAL_ERROR"), e.getMessage());
        assertEquals(200, Await.value(http.send(Request.get(server.url("/get")))).status());
        assertEquals(1, server.connections.get(), "the connection stayed up");
        assertAllFree(http);
    }

    @Test
    void maxConcurrentStreamsOfOneQueuesTheRestOnTheOneConnection() {
        H2Server server = closing(new H2Server(1));
        Salvo http = client(NettyTransport.newBuilder().maxConnectionsPerHost(1), Duration.ofSeconds(20));
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(http.send(Request.get(server.url("/delay/20?i=" + i))));
        }
        calls.forEach(f -> assertEquals("delayed", Await.value(f).bodyString()));
        assertEquals(1, server.maxActive.get(), "one stream at a time");
        assertEquals(1, server.connections.get());
        assertAllFree(http);
    }

    @Test
    void aLoweredMaxConcurrentStreamsIsHonoured() {
        H2Server server = closing(new H2Server(100));
        Salvo http = client(NettyTransport.newBuilder().maxConnectionsPerHost(1), Duration.ofSeconds(20));
        assertEquals(200, Await.value(http.send(Request.get(server.url("/get")))).status());
        server.lowerMaxStreams(2);
        assertEquals(200, Await.value(http.send(Request.get(server.url("/get")))).status(), "SETTINGS arrived before this");
        server.maxActive.set(0);
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(http.send(Request.get(server.url("/delay/20?i=" + i))));
        }
        calls.forEach(f -> assertEquals("delayed", Await.value(f).bodyString()));
        assertEquals(2, server.maxActive.get(), "two streams at a time once lowered");
        assertEquals(1, server.connections.get());
        assertAllFree(http);
    }

    @Test
    void aStreamWhoseWindowStaysShutHitsTheDeadlineWhileTheOthersFinish() throws Exception {
        H2Server server = closing(new H2Server(100));
        Salvo http = client(NettyTransport.newBuilder(), Duration.ofSeconds(2));
        InputStream unread = Await.value(http.send(Request.get(server.url("/bytes/8000000")), BodyHandler.ofInputStream())).body();
        for (int i = 0; i < 5; i++) {
            assertEquals(500_000, Await.value(http.send(Request.get(server.url("/bytes/500000")))).bodyLength());
        }
        assertEquals(1, server.connections.get(), "the other streams shared the connection");
        assertAllFree(http);
        assertThrows(IOException.class, unread::readAllBytes, "the deadline ended the unread body");
        assertEquals(200, Await.value(http.send(Request.get(server.url("/get")))).status());
        assertEquals(1, server.connections.get(), "still the same connection");
    }

    @Test
    void garbageInsteadOfSettingsIsMalformed() throws Exception {
        RawServer raw = closing(new RawServer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes()));
        Salvo http = client();
        Await.failure(http.send(Request.get(raw.url())), MalformedResponseException.class);
        assertAllFree(http);
    }

    @Test
    void garbageAfterTheSettingsIsMalformed() throws Exception {
        byte[] garbage = new byte[SETTINGS_AND_ACK.length + 64];
        System.arraycopy(SETTINGS_AND_ACK, 0, garbage, 0, SETTINGS_AND_ACK.length);
        for (int i = SETTINGS_AND_ACK.length; i < garbage.length; i++) {
            garbage[i] = (byte) 0xAB;
        }
        RawServer raw = closing(new RawServer(garbage));
        Salvo http = client();
        Await.failure(http.send(Request.get(raw.url())), MalformedResponseException.class);
        assertAllFree(http);
    }

    @Test
    void aConnectionThatStopsAnsweringPingsIsClosed() throws Exception {
        RawServer silent = closing(new RawServer(SETTINGS_AND_ACK));
        Salvo http = client(NettyTransport.newBuilder().pingInterval(Duration.ofMillis(200)), Duration.ofSeconds(20));
        long start = System.nanoTime();
        ConnectionClosedException e = Await.failure(http.send(Request.get(silent.url())), ConnectionClosedException.class);
        assertTrue(e.getMessage().contains("PING"), e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "well before the 20 s deadline");
        assertAllFree(http);
    }

    @Test
    void aHeaderListOverTheLimitIsMalformed() {
        H2Server server = closing(new H2Server(100));
        Salvo http = client(NettyTransport.newBuilder().maxHeaderListBytes(4096), Duration.ofSeconds(20));
        Await.failure(http.send(Request.get(server.url("/big-header/10000"))), MalformedResponseException.class);
        assertEquals(200, Await.value(http.send(Request.get(server.url("/big-header/1000")))).status());
        assertAllFree(http);
    }

    /** Accepts connections, writes {@code reply} once, then reads and never says more. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final CountDownLatch accepted = new CountDownLatch(1);

        RawServer(byte[] reply) throws IOException {
            Thread thread = new Thread(() -> {
                try {
                    while (true) {
                        Socket socket = listener.accept();
                        sockets.add(socket);
                        accepted.countDown();
                        socket.getOutputStream().write(reply);
                        socket.getOutputStream().flush();
                        Thread.ofVirtual().start(() -> drain(socket));
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "raw-h2");
            thread.setDaemon(true);
            thread.start();
        }

        private static void drain(Socket socket) {
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException gone) {
                // the client hung up
            }
        }

        String url() {
            return "http://127.0.0.1:" + listener.getLocalPort() + "/";
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
