package dev.salvo.client.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.ConnectionClosedException;
import dev.salvo.client.Headers;
import dev.salvo.client.MalformedResponseException;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.spi.Exchange;
import dev.salvo.client.spi.Transport;
import dev.salvo.server.SalvoServer;
import dev.salvo.server.ServerConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Transport} must do, checked against the real embedded server over loopback.
 * Extend it and implement {@link #newTransport()} (salvo-netty does, through the test-jar).
 */
public abstract class TransportContract {
    protected static SalvoServer server;
    protected Transport transport;

    /** A fresh transport for one test; closed after it. */
    protected abstract Transport newTransport();

    @BeforeAll
    static void startServer() {
        server = SalvoServer.start(ServerConfig.builder().build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void open() {
        transport = newTransport();
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    @Test
    void getReturnsStatusHeadersAndBody() {
        Response response = Await.value(transport.execute(Request.get(server.url("/get?x=1"))));
        assertEquals(200, response.status());
        assertTrue(response.headers().first("content-type").orElse("").startsWith("application/json"));
        assertTrue(response.bodyString().contains("\"x\""), response.bodyString());
    }

    @Test
    void postSendsTheBody() {
        Response response = Await.value(transport.execute(
                Request.postJson(server.url("/post"), "{\"test\": \"someData\"}")));
        assertEquals(200, response.status());
        assertTrue(response.bodyString().contains("someData"), response.bodyString());
    }

    @Test
    void statusesAreDataAndRedirectsAreNotFollowed() {
        assertEquals(418, Await.value(transport.execute(Request.get(server.url("/status/418")))).status());
        assertEquals(503, Await.value(transport.execute(Request.get(server.url("/status/503")))).status());
        Response redirect = Await.value(transport.execute(Request.get(server.url("/redirect/1"))));
        assertEquals(302, redirect.status());
        assertTrue(redirect.headers().first("Location").isPresent());
    }

    @Test
    void bodiesArriveWhole() {
        Response response = Await.value(transport.execute(Request.get(server.url("/bytes/200000"))));
        assertEquals(200_000, response.bodyLength());
    }

    @Test
    void headersAreReportedOnceBeforeCompletion() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> statuses = new ArrayList<>();
        Exchange exchange = new Exchange() {
            @Override
            public long requestId() {
                return 7;
            }

            @Override
            public synchronized Flow.Subscriber<List<ByteBuffer>> responseHeaders(int status, Headers headers) {
                calls.incrementAndGet();
                statuses.add(status);
                return BodyHandler.discarding().apply(status, headers);
            }
        };
        Await.value(transport.execute(Request.get(server.url("/status/201")), exchange));
        assertEquals(1, calls.get());
        assertEquals(List.of(201), statuses);
    }

    @Test
    void refusedConnectionIsConnectFailed() {
        Request request = Request.get("http://127.0.0.1:" + Await.refusedPort() + "/get");
        ConnectFailedException e = Await.failure(transport.execute(request), ConnectFailedException.class);
        assertTrue(e.getCause() != null, "keeps the original cause");
    }

    @Test
    void closedMidBodyIsConnectionClosed() {
        Await.failure(transport.execute(Request.get(server.url("/fault/close-mid-body"))),
                ConnectionClosedException.class);
    }

    @Test
    void garbageReplyIsMalformed() {
        Await.failure(transport.execute(Request.get(server.url("/fault/garbage"))), MalformedResponseException.class);
    }

    @Test
    void cancelAbortsAStalledExchange() {
        CompletableFuture<Response> stalled = transport.execute(Request.get(server.url("/fault/stall")));
        long start = System.nanoTime();
        assertTrue(stalled.cancel(true));
        assertTrue(stalled.isCancelled());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "cancel returns at once");
        // the transport stays usable
        assertEquals(200, Await.value(transport.execute(Request.get(server.url("/get")))).status());
    }

    @Test
    void manyConcurrentExchanges() {
        List<CompletableFuture<Response>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(transport.execute(Request.get(server.url("/get?i=" + i))));
        }
        for (int i = 0; i < all.size(); i++) {
            Response response = Await.value(all.get(i));
            assertEquals(200, response.status());
            assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("\"" + i + "\""));
        }
    }
}
