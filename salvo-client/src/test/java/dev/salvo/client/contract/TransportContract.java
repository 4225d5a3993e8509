package dev.salvo.client.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodyResponse;
import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.ConnectionClosedException;
import dev.salvo.client.Headers;
import dev.salvo.client.MalformedResponseException;
import dev.salvo.client.Origin;
import dev.salvo.client.PoolStats;
import dev.salvo.client.Request;
import dev.salvo.client.RequestBody;
import dev.salvo.client.Response;
import dev.salvo.client.ResponseTooLargeException;
import dev.salvo.client.Salvo;
import dev.salvo.client.SalvoIOException;
import dev.salvo.client.spi.Exchange;
import dev.salvo.client.spi.Transport;
import dev.salvo.server.SalvoServer;
import dev.salvo.server.ServerConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        server = SalvoServer.start(ServerConfig.newBuilder().maxBody(32 << 20).build());
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
        // over HTTP/2 too: the server writes the garbage where the next frame goes, breaking the connection
        Await.failure(transport.execute(Request.get(server.url("/fault/garbage"))), MalformedResponseException.class);
    }

    @Test
    void cancelAbortsAStalledExchange() {
        CompletableFuture<Response> stalled = transport.execute(Request.get(server.url("/fault/stall")));
        long start = System.nanoTime();
        stalled.cancel(true); // unless it already failed: over HTTP/2 the garbage broke the connection it shared
        assertTrue(stalled.isDone());
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

    @Test
    void poolStatsSettleOnceABurstAndFaultsEnd() {
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(transport.execute(Request.get(server.url("/get?i=" + i))));
        }
        calls.add(transport.execute(Request.get("http://127.0.0.1:" + Await.refusedPort() + "/get")));
        calls.add(transport.execute(Request.get(server.url("/fault/close-mid-body"))));
        calls.add(transport.execute(Request.get(server.url("/fault/garbage"))));
        CompletableFuture<Response> stalled = transport.execute(Request.get(server.url("/fault/stall")));
        for (CompletableFuture<?> call : calls) {
            Await.value(call.handle((value, failure) -> value)); // each ends, in a value or a failure
        }
        stalled.cancel(true); // unless it already failed: over HTTP/2 the garbage broke the connection it shared
        assertTrue(stalled.isDone());
        // what a pool holds for an exchange is given back when the exchange ends, on the transport's threads
        Await.until("every pool settled: no connection in use, connecting or waited for",
                () -> transport.poolStats().stream().allMatch(stats -> stats.inUse() == 0 && stats.inFlight() == 0
                        && stats.pending() == 0 && stats.connecting() == 0));
        // a transport with pools of its own keeps a connection to the server, idle, once a call ended on it
        // (the faults may have broken the burst's: over HTTP/2 they share one connection)
        assertEquals(200, Await.value(transport.execute(Request.get(server.url("/get")))).status());
        Await.until("the last call's connection kept, idle", () -> {
            List<PoolStats> settled = transport.poolStats();
            return settled.isEmpty() || settled.stream().anyMatch(stats -> stats.origin().equals(Origin.of(server.url("/")))
                    && stats.idle() > 0 && stats.inUse() == 0);
        });
    }

    // ---- bodies: streamed, limited, to files, uploads (through a Salvo client on this transport)

    private Salvo client() {
        return Salvo.newBuilder().transport(transport).deadline(Duration.ofSeconds(60)).build();
    }

    private static byte[] sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return digest.digest();
    }

    @Test
    void aLargeBodyStreamsToAnInputStreamAndToAFileWithTheSameBytes(@TempDir Path dir) throws Exception {
        String url = server.url("/bytes/" + (20 << 20) + "?seed=11");
        try (Salvo http = client()) {
            byte[] streamed;
            try (InputStream in = Await.value(http.send(Request.get(url), BodyHandler.ofInputStream())).body()) {
                streamed = sha256(in);
            }
            Path file = dir.resolve("body.bin");
            BodyResponse<Path> saved = Await.value(http.send(Request.get(url), BodyHandler.ofFile(file)));
            assertEquals(file.toAbsolutePath(), saved.body());
            assertEquals(20 << 20, Files.size(file));
            try (InputStream in = Files.newInputStream(file)) {
                assertArrayEquals(streamed, sha256(in));
            }
            Request limited = Request.newBuilder(url).maxResponseBytes(32 << 20).build();
            assertArrayEquals(streamed, MessageDigest.getInstance("SHA-256").digest(Await.value(http.send(limited)).body()));
            assertEquals(List.of("body.bin"), listNames(dir), "no temporary file is left");
            Await.until("slots freed", () -> http.inFlight() == 0);
        }
    }

    @Test
    void aSlowConsumerStopsTheTransportReadingAndCancelAbortsTheExchange() throws Exception {
        try (EndlessBodyServer endless = new EndlessBodyServer(1L << 30, Long.MAX_VALUE); Salvo http = client()) {
            Flow.Publisher<List<ByteBuffer>> body = Await.value(
                    http.send(Request.get(endless.url("/big")), BodyHandler.ofPublisher())).body();
            SlowSubscriber slow = SlowSubscriber.to(body);
            Await.until("the first piece", () -> slow.received() > 0);
            awaitStalled(endless);
            assertTrue(endless.written.get() < (64L << 20),
                    "the server could write only what socket buffers hold, wrote " + endless.written.get());
            assertEquals(1, http.inFlight(), "a body being read holds its slot");
            slow.cancel();
            assertTrue(endless.clientWentAway.await(20, TimeUnit.SECONDS), "cancel closes the connection");
            Await.until("slot freed after cancel", () -> http.inFlight() == 0);
        }
    }

    /** Waits until the server's writes stop advancing (its socket is full). */
    private static void awaitStalled(EndlessBodyServer endless) {
        long[] last = {-1};
        int[] still = {0};
        Await.until("the server's writes stall", () -> {
            long now = endless.written.get();
            still[0] = now == last[0] ? still[0] + 1 : 0;
            last[0] = now;
            return still[0] >= 20; // polled every few ms: stable for a while
        });
    }

    @Test
    void closingAStreamEarlyAbortsTheExchangeAndFreesTheSlot() throws Exception {
        try (EndlessBodyServer endless = new EndlessBodyServer(1L << 30, Long.MAX_VALUE); Salvo http = client()) {
            InputStream in = Await.value(http.send(Request.get(endless.url("/big")), BodyHandler.ofInputStream())).body();
            assertTrue(in.read(new byte[1000]) > 0);
            in.close();
            assertTrue(endless.clientWentAway.await(20, TimeUnit.SECONDS), "close aborts instead of reading 1 GiB");
            Await.until("slot freed after close", () -> http.inFlight() == 0);
            assertThrows(IOException.class, in::read);
        }
    }

    @Test
    void aBodyOverTheLimitFailsTypedWhetherAnnouncedOrChunked() {
        try (Salvo http = Salvo.newBuilder().transport(transport).maxResponseBytes(10_000).build()) {
            for (String path : List.of("/bytes/10001", "/stream-bytes/20000?chunk_size=1000")) {
                ResponseTooLargeException e = Await.failure(http.send(Request.get(server.url(path))),
                        ResponseTooLargeException.class);
                assertEquals(10_000, e.maxBytes());
            }
            assertEquals(10_000, Await.value(http.send(Request.get(server.url("/bytes/10000")))).bodyLength());
            Request larger = Request.newBuilder(server.url("/bytes/10001")).maxResponseBytes(20_000).build();
            assertEquals(10_001, Await.value(http.send(larger)).bodyLength(), "the request's own limit wins");
            Await.until("slots freed", () -> http.inFlight() == 0);
        }
    }

    @Test
    void aFailedDownloadLeavesNoFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("partial.bin");
        try (Salvo http = client()) {
            Await.failure(http.send(Request.get(server.url("/fault/close-mid-body")), BodyHandler.ofFile(file)),
                    SalvoIOException.class);
            assertEquals(List.of(), listNames(dir), "neither the target nor a temporary file");
        }
    }

    @Test
    void uploadsStreamOfUnknownLengthChunkedAndMultipartWithAFile(@TempDir Path dir) throws Exception {
        String text = "x".repeat(300_000);
        try (Salvo http = client()) {
            Request chunked = Request.newBuilder(server.url("/anything")).header("Content-Type", "text/plain")
                    .POST(RequestBody.ofInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                    .build();
            String echo = Await.value(http.send(chunked)).bodyString();
            assertTrue(echo.contains("\"data\":\"" + text + '"'), "the whole stream arrived");

            Path upload = Files.writeString(dir.resolve("notes.txt"), "file-part-" + "y".repeat(100_000));
            Request multipart = Request.newBuilder(server.url("/post"))
                    .POST(RequestBody.multipart().field("name", "salvo").file("notes", upload, "text/plain").build())
                    .build();
            String form = Await.value(http.send(multipart)).bodyString();
            assertTrue(form.contains("salvo") && form.contains("file-part-" + "y".repeat(100_000)), "fields and file arrived");

            Request file = Request.newBuilder(server.url("/post")).header("Content-Type", "text/plain")
                    .POST(RequestBody.ofFile(upload)).build();
            assertTrue(Await.value(http.send(file)).bodyString().contains("file-part-"), "a file body arrived");
        }
    }

    private static List<String> listNames(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
