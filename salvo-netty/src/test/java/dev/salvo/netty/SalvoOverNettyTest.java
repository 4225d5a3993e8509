package dev.salvo.netty;

import dev.salvo.client.contract.ScriptedServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.DeadlineExceededException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import dev.salvo.client.CallEvent;
import dev.salvo.client.Request;
import dev.salvo.client.RequestBody;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client's engine on top of the Netty transport: deadlines abort exchanges, gather completes. */
class SalvoOverNettyTest {

    @Test
    void aDeadlineAbortsTheExchangeAndClosesItsConnection() throws Exception {
        CountDownLatch clientClosed = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer(socket -> {
            InputStream in = socket.getInputStream();
            ScriptedServer.readHead(in);
            FaultTest.awaitClose(in, clientClosed);
        }); NettyTransport netty = NettyTransport.create();
             Salvo http = Salvo.newBuilder().transport(netty).deadline(Duration.ofMillis(300)).build()) {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> http.send(Request.get(server.url("/stall"))).get(10, TimeUnit.SECONDS));
            assertInstanceOf(DeadlineExceededException.class, failure.getCause());
            assertTrue(clientClosed.await(10, TimeUnit.SECONDS), "the stalled connection is closed");
        }
    }

    @Test
    void gatherKeepsInputOrderOverAFewPooledConnections() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer();
             NettyTransport netty = NettyTransport.newBuilder().maxConnectionsPerHost(8).build();
             Salvo http = Salvo.newBuilder().transport(netty).maxInFlight(16).build()) {
            List<Request> requests = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                requests.add(Request.get(server.url("/bytes/" + i)));
            }
            List<Response> responses = http.gather(requests).get(30, TimeUnit.SECONDS);
            for (int i = 0; i < responses.size(); i++) {
                assertEquals(i + 1, responses.get(i).bodyLength());
            }
            assertTrue(server.connections() <= 8, "at most 8 connections, saw " + server.connections());
        }
    }

    @Test
    void aResendOnADeadPooledConnectionShowsAsAnAttempt() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer(socket -> {
            InputStream in = socket.getInputStream();
            boolean first = requests.get() == 0;
            ScriptedServer.readHead(in);
            requests.incrementAndGet();
            ScriptedServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            if (first && ScriptedServer.readHead(in) != null) {
                requests.incrementAndGet(); // the second request on this connection: hang up unanswered
            }
        })) {
            List<CallEvent> events = new CopyOnWriteArrayList<>();
            try (Salvo http = Salvo.newBuilder().transport(NettyTransport.create()).maxInFlight(1)
                    .eventListener(events::add).build()) {
                assertEquals(200, http.send(Request.get(server.url("/1"))).get(10, TimeUnit.SECONDS).status());
                assertEquals(200, http.send(Request.get(server.url("/2"))).get(10, TimeUnit.SECONDS).status());
            }
            List<Integer> secondCallStarts = events.stream()
                    .filter(e -> e.requestId() == 2 && e.phase() == CallEvent.Phase.STARTED)
                    .map(CallEvent::attempt).toList();
            assertEquals(List.of(1, 2), secondCallStarts, "the transport's resend is attempt 2");
            assertEquals(3, requests.get());
            assertEquals(2, server.connections());
        }
    }

    @Test
    void theClientsPerHostLimitGovernsConnectionsWithNoCapOfTheTransportsOwn() throws Exception {
        int calls = 300; // above the transport's old cap of its own (256)
        CountDownLatch allArrived = new CountDownLatch(calls);
        try (ScriptedServer server = new ScriptedServer(socket -> {
            ScriptedServer.readHead(socket.getInputStream());
            allArrived.countDown();
            // answer only once every call is at the server at the same time
            if (allArrived.await(20, TimeUnit.SECONDS)) {
                ScriptedServer.write(socket, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        }); Salvo http = Salvo.newBuilder().transport(NettyTransport.create()).maxPerHost(calls).build()) {
            List<CompletableFuture<Response>> sent = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                sent.add(http.send(Request.get(server.url("/" + i))));
            }
            assertTrue(allArrived.await(20, TimeUnit.SECONDS), "requests at the server at once: "
                    + (calls - allArrived.getCount()));
            for (CompletableFuture<Response> call : sent) {
                assertEquals(200, call.get(20, TimeUnit.SECONDS).status());
            }
            assertEquals(calls, server.connections());
        }
    }

    @Test
    void aStreamedUploadThatBlocksDoesNotStallOtherCallsOnItsEventLoop() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream slow = new InputStream() {
            private int reads;

            @Override
            public int read() {
                throw new UnsupportedOperationException("read in pieces");
            }

            @Override
            public int read(byte[] into, int offset, int length) throws java.io.InterruptedIOException {
                if (reads++ == 0) {
                    byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(hello, 0, into, offset, hello.length);
                    return hello.length;
                }
                reading.countDown(); // the second read blocks until the test lets it end
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                return -1;
            }
        };
        try (LoopbackHttpServer server = new LoopbackHttpServer();
             NettyTransport netty = NettyTransport.newBuilder().eventLoopThreads(1).build();
             Salvo http = Salvo.newBuilder().transport(netty).build()) {
            CompletableFuture<Response> upload = http.send(Request.newBuilder(server.url("/echo"))
                    .POST(RequestBody.ofInputStream(slow)).build());
            assertTrue(reading.await(10, TimeUnit.SECONDS), "the upload's stream is being read");
            Response other = http.send(Request.get(server.url("/hello"))).get(10, TimeUnit.SECONDS);
            assertEquals(200, other.status(), "a call on the same (only) event loop went through meanwhile");
            assertFalse(upload.isDone());
            release.countDown();
            assertEquals("hello", upload.get(10, TimeUnit.SECONDS).bodyString());
            assertEquals(0, http.inFlight());
        }
    }
}
