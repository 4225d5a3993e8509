package dev.salvo.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.DeadlineExceededException;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import java.io.InputStream;
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
             NettyTransport netty = NettyTransport.builder().maxConnectionsPerHost(8).build();
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
}
