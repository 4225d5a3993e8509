package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpMethod;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.function.Executable;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every strategy × a representative set of endpoints over h2c with prior knowledge, all on one
 * connection at once, each compared (status, the headers that matter, body) with the same call
 * over HTTP/1.1. What legitimately differs between the two calls (the echoed request headers and
 * the client's address) is left out of the comparison.
 */
class Http2EndpointsTest {
    private static final byte[] UPLOAD = bytes(300_000);

    /** One call: method, path, body (or null) and its content type, and whether only the status can be compared. */
    record Call(String method, String path, byte[] body, String contentType, boolean statusOnly) {
        static Call get(String path) {
            return new Call("GET", path, null, null, false);
        }

        static Call post(String path, String contentType, byte[] body) {
            return new Call("POST", path, body, contentType, false);
        }

        Call comparingStatusOnly() {
            return new Call(method, path, body, contentType, true);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Call> CALLS = List.of(
            Call.get("/get?a=1&b=two"),
            Call.post("/post?x=y", "text/plain", "hello over h2".getBytes(StandardCharsets.UTF_8)),
            Call.post("/post", "application/x-www-form-urlencoded", "k=v&n=2".getBytes(StandardCharsets.UTF_8)),
            Call.post("/anything/json", "application/json", "{\"j\":[1,2]}".getBytes(StandardCharsets.UTF_8)),
            Call.get("/bytes/5000?seed=7"),
            Call.get("/bytes/200000?seed=9"),
            Call.get("/stream-bytes/70000?seed=3&chunk_size=1000"),
            Call.get("/delay/0.05"),
            Call.get("/status/418"),
            Call.get("/status/204"),
            Call.get("/redirect/2"),
            Call.get("/redirect-to?url=/get&status_code=307"),
            Call.get("/gzip"),
            Call.get("/deflate"),
            Call.get("/stream/5"),
            Call.get("/uuid").comparingStatusOnly(),
            Call.get("/cache/60"),
            Call.get("/basic-auth/u/p"),
            Call.get("/status/x"),
            Call.post("/upload", "application/octet-stream", UPLOAD),
            Call.get("/?cost=0.05"),
            Call.get("/?cost=0.05&kind=cpu"),
            Call.get("/books/v1/volumes?q=isbn:9780007355143"),
            Call.get("/books/v1/volumes?q=title:x"),
            Call.post("/services/auth/login", "application/x-www-form-urlencoded",
                    "username=u&password=p".getBytes(StandardCharsets.UTF_8)).comparingStatusOnly(),
            Call.post("/services/search/jobs", "application/x-www-form-urlencoded",
                    "search=x".getBytes(StandardCharsets.UTF_8)),
            Call.get("/capacity/2?work=20ms"),
            Call.get("/capacity/0"),
            Call.get("/no/such/endpoint"));

    @ParameterizedTest(name = "{0}")
    @EnumSource(Strategy.class)
    void everyEndpointAnswersOnH2AsOnHttp11(Strategy strategy) {
        ServerConfig config = ServerConfig.newBuilder().strategy(strategy).threads(4)
                .booksLatency(Duration.ofMillis(20)).build();
        try (SalvoServer server = SalvoServer.start(config); H2TestClient h2 = H2TestClient.priorKnowledge(server)) {
            List<CompletableFuture<H2TestClient.Reply>> overH2 = CALLS.stream()
                    .map(c -> h2.sendAsync(HttpMethod.valueOf(c.method()), c.path(), c.body(),
                            c.contentType() == null ? Map.of() : Map.of("content-type", c.contentType())))
                    .toList();
            Executable[] checks = new Executable[CALLS.size()];
            for (int i = 0; i < CALLS.size(); i++) {
                Call call = CALLS.get(i);
                HttpResponse<byte[]> one = TestHttp.sendBytes(server, call.method(), call.path(), call.contentType(), call.body());
                H2TestClient.Reply two = overH2.get(i).orTimeout(30, TimeUnit.SECONDS).join();
                checks[i] = () -> compare(call, one, two);
            }
            assertAll(strategy.toString(), checks);
        }
    }

    @Test
    void headAnswersWithTheGetHeadersAndNoBody() throws IOException {
        try (SalvoServer server = SalvoServer.start(); H2Wire wire = H2Wire.open(server)) {
            // not the echo endpoints: their length depends on the request headers, which differ between the two clients
            String[] paths = {"/bytes/100", "/stream-bytes/100000", "/status/418", "/redirect/2"};
            for (int i = 0; i < paths.length; i++) {
                int stream = 1 + 2 * i;
                wire.headers(stream, "HEAD", paths[i], true, Map.of()).flush();
                H2Wire.Frame head = wire.until(f -> f.stream() == stream);
                assertNotNull(head, "connection closed");
                assertEquals(H2Wire.HEADERS, head.type(), paths[i] + ": " + head);
                int body = 0;
                for (H2Wire.Frame f = head; !f.endsStream(); ) {
                    f = wire.until(x -> x.stream() == stream);
                    assertNotNull(f, "connection closed");
                    body += f.payload().length;
                }
                assertEquals(0, body, paths[i] + ": HEAD reply has a body");
                HttpResponse<byte[]> get = TestHttp.get(server, paths[i]);
                assertEquals(get.statusCode(), head.status(), paths[i]);
                CharSequence length = head.headers().get("content-length");
                assertEquals(get.headers().firstValue("content-length").orElse(null), length == null ? null : length.toString(), paths[i]);
            }
        }
    }

    private static void compare(Call call, HttpResponse<byte[]> one, H2TestClient.Reply two) {
        assertEquals(one.statusCode(), two.status(), call + ": status");
        for (String header : List.of("content-type", "location", "content-encoding", "cache-control")) {
            assertEquals(one.headers().firstValue(header).orElse(null), two.headers().get(header), call + ": " + header);
        }
        if (!call.statusOnly()) {
            String encoding = one.headers().firstValue("content-encoding").orElse("");
            assertEquals(comparable(one.body(), encoding), comparable(two.body(), encoding), call + ": body");
        }
    }

    /**
     * The body as text with what depends on the client taken out: compressed bodies are unpacked
     * (they echo the request's headers) and JSON loses {@code headers} and {@code origin} wherever
     * they are.
     */
    private static String comparable(byte[] body, String encoding) {
        byte[] plain = body;
        if (!encoding.isEmpty()) {
            try (InputStream in = encoding.equals("gzip") ? new GZIPInputStream(new ByteArrayInputStream(body))
                    : new InflaterInputStream(new ByteArrayInputStream(body))) {
                plain = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String text = new String(plain, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("{")) {
            return text;
        }
        try {
            JsonNode doc = TestHttp.JSON.readTree(plain);
            strip(doc);
            return doc.toString();
        } catch (IOException notJson) {
            return text;
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(List.of("headers", "origin"));
        }
        node.forEach(Http2EndpointsTest::strip);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >> 8));
        }
        return b;
    }
}
