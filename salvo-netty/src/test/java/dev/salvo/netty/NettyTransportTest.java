package dev.salvo.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodySubscriber;
import dev.salvo.client.Headers;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.ResponseTooLargeException;
import dev.salvo.client.spi.BodySink;
import dev.salvo.client.spi.Exchange;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Normal exchanges against the JDK's HttpServer over loopback. */
class NettyTransportTest {
    private static LoopbackHttpServer server;
    private static NettyTransport transport;

    @BeforeAll
    static void start() throws Exception {
        server = new LoopbackHttpServer();
        transport = NettyTransport.newBuilder().eventLoopThreads(2).build();
    }

    @AfterAll
    static void stop() {
        transport.close();
        server.close();
    }

    static Response send(NettyTransport via, Request request) throws Exception {
        return via.execute(request).get(10, TimeUnit.SECONDS);
    }

    @Test
    void getsABody() throws Exception {
        Response response = send(transport, Request.get(server.url("/hello")));
        assertEquals(200, response.status());
        assertEquals("hello", response.bodyString());
        assertEquals("5", response.headers().first("Content-Length").orElseThrow());
    }

    @Test
    void sendsMethodHeadersQueryBodyAndHostAsGiven() throws Exception {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        Request request = Request.newBuilder(server.url("/echo?x=1&y=%20z"))
                .method("PUT", body)
                .header("X-Trace", "abc")
                .header("Content-Type", "application/json")
                .build();
        Response response = send(transport, request);
        Headers echoed = response.headers();
        assertEquals("PUT", echoed.first("X-Echo-Method").orElseThrow());
        assertEquals("x=1&y=%20z", echoed.first("X-Echo-Query").orElseThrow());
        assertEquals("abc", echoed.first("X-Echo-X-trace").orElseThrow());
        assertEquals("127.0.0.1:" + server.port(), echoed.first("X-Echo-Host").orElseThrow());
        assertEquals(String.valueOf(body.length), echoed.first("X-Echo-Content-length").orElseThrow());
        assertArrayEquals(body, response.body());
    }

    @Test
    void nonAsciiInPathAndQueryIsSentPercentEncoded() throws Exception {
        Response response = send(transport, Request.get(server.url("/echo/ü?q=grüße")));
        assertEquals("/echo/%C3%BC", response.headers().first("X-Echo-Path").orElseThrow());
        assertEquals("q=gr%C3%BC%C3%9Fe", response.headers().first("X-Echo-Query").orElseThrow());
    }

    @Test
    void emptyPostSaysContentLengthZero() throws Exception {
        Response response = send(transport, Request.newBuilder(server.url("/echo")).POST(new byte[0]).build());
        assertEquals("0", response.headers().first("X-Echo-Content-length").orElseThrow());
        assertEquals(0, response.bodyLength());
    }

    @Test
    void statusesAreDataAndRedirectsAreNotFollowed() throws Exception {
        assertEquals(404, send(transport, Request.get(server.url("/status/404"))).status());
        assertEquals(503, send(transport, Request.get(server.url("/status/503"))).status());
        Response redirect = send(transport, Request.get(server.url("/redirect")));
        assertEquals(302, redirect.status());
        assertEquals("/hello", redirect.headers().first("Location").orElseThrow());
    }

    @Test
    void headHasNoBodyAndTheConnectionStaysUsable() throws Exception {
        try (NettyTransport one = NettyTransport.newBuilder().maxConnectionsPerHost(1).build()) {
            Response head = send(one, Request.newBuilder(server.url("/bytes/1000")).method("HEAD").build());
            assertEquals(200, head.status());
            assertEquals(0, head.bodyLength());
            assertEquals("1000", head.headers().first("Content-Length").orElseThrow());
            assertEquals(1000, send(one, Request.get(server.url("/bytes/1000"))).bodyLength());
        }
    }

    @Test
    void reportsHeadersOnceBeforeTheBodyAndCompletesAfterIt() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        BodySubscriber<Long> counter = BodyHandler.discarding().apply(200, Headers.empty());
        Exchange listener = new Exchange() {
            @Override
            public long requestId() {
                return 7;
            }

            @Override
            public Flow.Subscriber<List<ByteBuffer>> responseHeaders(int status, Headers headers) {
                seen.add(status + " " + headers.first("Content-Length").orElse("?"));
                return counter;
            }
        };
        transport.execute(Request.get(server.url("/bytes/300000")), listener).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("200 300000"), seen);
        assertTrue(counter.body().toCompletableFuture().isDone(), "the body ended before the exchange's future");
        assertEquals(300_000L, counter.body().toCompletableFuture().join());
    }

    @Test
    void largeAndChunkedBodiesArriveWhole() throws Exception {
        byte[] expected = LoopbackHttpServer.pattern(5_000_000);
        assertArrayEquals(expected, send(transport, Request.get(server.url("/bytes/5000000"))).body());
        Response chunked = send(transport, Request.get(server.url("/chunked/250000")));
        assertEquals("chunked", chunked.headers().first("Transfer-Encoding").orElseThrow().toLowerCase());
        assertArrayEquals(LoopbackHttpServer.pattern(250_000), chunked.body());
    }

    @Test
    void aBodyOverTheRequestsLimitFailsTypedAndClosesTheConnection() throws Exception {
        for (String path : List.of("/bytes/10001", "/chunked/20000")) {
            Request request = Request.newBuilder(server.url(path)).maxResponseBytes(10_000).build();
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> transport.execute(request).get(10, TimeUnit.SECONDS));
            ResponseTooLargeException tooLarge = assertInstanceOf(ResponseTooLargeException.class, failure.getCause());
            assertEquals(10_000, tooLarge.maxBytes());
        }
        Request atTheLimit = Request.newBuilder(server.url("/bytes/10000")).maxResponseBytes(10_000).build();
        assertEquals(10_000, send(transport, atTheLimit).bodyLength());
    }

    @Test
    void runsOnNativeEpollHereAndOnNioWhenAsked() throws Exception {
        assertEquals("epoll", transport.ioKind(), "netty-transport-native-epoll should load on linux-x86_64");
        try (NettyTransport nio = NettyTransport.newBuilder().preferNative(false).build()) {
            assertEquals("nio", nio.ioKind());
            assertEquals("hello", send(nio, Request.get(server.url("/hello"))).bodyString());
        }
    }

    @Test
    void builderRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> NettyTransport.newBuilder().maxConnectionsPerHost(0));
        assertThrows(IllegalArgumentException.class, () -> NettyTransport.newBuilder().eventLoopThreads(0));
        assertThrows(IllegalArgumentException.class, () -> NettyTransport.newBuilder().connectTimeout(java.time.Duration.ZERO));
        assertThrows(NullPointerException.class, () -> NettyTransport.newBuilder().idleTimeout(null));
        IllegalArgumentException noStreams = assertThrows(IllegalArgumentException.class,
                () -> NettyTransport.newBuilder().keepAlive(false).protocol(dev.salvo.client.HttpVersion.HTTP_2).build());
        assertTrue(noStreams.getMessage().contains("HTTP/2 multiplexes"), noStreams.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NettyTransport.newBuilder().keepAlive(false)
                .protocol(dev.salvo.client.Origin.of(java.net.URI.create("http://h:1/")), dev.salvo.client.HttpVersion.HTTP_2).build());
        assertThrows(NullPointerException.class, () -> transport.execute(null));
        assertTrue(transport.toString().contains("epoll"));
    }

    @Test
    void aBorrowingSinkIsLentNettysDirectBuffersAndAnyOtherSubscriberGetsCopiesItOwns() throws Exception {
        Recorder borrowing = new Recorder(true);
        Recorder owning = new Recorder(false);
        for (Recorder recorder : List.of(borrowing, owning)) {
            Exchange exchange = new Exchange() {
                @Override
                public long requestId() {
                    return 0;
                }

                @Override
                public Flow.Subscriber<List<ByteBuffer>> responseHeaders(int status, Headers headers) {
                    return recorder;
                }
            };
            transport.execute(Request.get(server.url("/bytes/3000000")), exchange).get(10, TimeUnit.SECONDS);
            assertEquals(3_000_000L, recorder.bytes, "the whole body arrived");
        }
        assertTrue(borrowing.allDirect && !borrowing.anyHeap, "lent views of Netty's direct buffers");
        assertTrue(owning.anyHeap && !owning.anyDirect, "copies on the heap, owned by the subscriber");
        assertTrue(borrowing.lists < owning.lists, "a read burst's pieces come as one list: "
                + borrowing.lists + " lists lent, " + owning.lists + " copied");
    }

    /** Records what kind of buffers arrive, requesting everything; {@code borrows} as told. */
    private static final class Recorder implements BodySink {
        private final boolean borrows;
        volatile long bytes;
        volatile int lists;
        volatile boolean allDirect = true;
        volatile boolean anyDirect;
        volatile boolean anyHeap;

        Recorder(boolean borrows) {
            this.borrows = borrows;
        }

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
            lists++;
            for (ByteBuffer buffer : buffers) {
                bytes += buffer.remaining();
                allDirect &= buffer.isDirect();
                anyDirect |= buffer.isDirect();
                anyHeap |= !buffer.isDirect();
                buffer.position(buffer.limit());
            }
        }

        @Override
        public void onError(Throwable failure) {
        }

        @Override
        public void onComplete() {
        }
    }
}
