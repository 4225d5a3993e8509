package dev.salvo.client.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodyResponse;
import dev.salvo.client.DecompressionLimitException;
import dev.salvo.client.Interceptors;
import dev.salvo.client.LocalServer;
import dev.salvo.client.MalformedResponseException;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Transparent gzip and deflate ({@link Interceptors#decompressing}) over one transport: the embedded
 * server's /gzip and /deflate; from a JDK HTTP server, a decompression bomb (64 MiB of zeros in about
 * 64 KiB) and gzip bodies that are broken in the ways the trailer check catches (a wrong CRC-32 or
 * length, a flipped byte, cut short with a Content-Length that matches the cut), and two members
 * back to back. A subclass names the transport.
 */
public abstract class DecompressionContract {
    @RegisterExtension
    static final LocalServer server = new LocalServer();
    private static HttpServer bomb;
    private static final long LIMIT = 1 << 20;

    /** A client builder on the transport under test. */
    protected abstract Salvo.Builder client();

    @BeforeAll
    static void startBomb() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }
        byte[] body = packed.toByteArray();
        bomb = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        bomb.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException clientWentAway) {
                // the client stops reading at its limit
            }
        });
        byte[] text = gzip("the quick brown fox ".repeat(500));
        serve("/crc", flip(text, text.length - 8));
        serve("/size", flip(text, text.length - 1));
        serve("/flipped", flip(text, text.length / 2));
        serve("/no-trailer", java.util.Arrays.copyOf(text, text.length - 4));
        serve("/cut", java.util.Arrays.copyOf(text, text.length / 2));
        byte[] second = gzip("jumps over the lazy dog");
        byte[] both = java.util.Arrays.copyOf(text, text.length + second.length);
        System.arraycopy(second, 0, both, text.length, second.length);
        serve("/two-members", both);
        bomb.start();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return packed.toByteArray();
    }

    private static byte[] flip(byte[] body, int at) {
        byte[] copy = body.clone();
        copy[at] ^= 0x5a;
        return copy;
    }

    /** Serves {@code body} as gzip with a Content-Length that matches it (so the framing is whole). */
    private static void serve(String path, byte[] body) {
        bomb.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private String broken(String path) {
        return "http://127.0.0.1:" + bomb.getAddress().getPort() + path;
    }

    @AfterAll
    static void stopBomb() {
        bomb.stop(0);
    }

    private Salvo decoding() {
        return client().interceptor(Interceptors.decompressing(LIMIT)).build();
    }

    @Test
    void gzipIsDecodedAndItsEncodingHeaderRemoved() {
        try (Salvo http = decoding()) {
            Response response = Await.value(http.send(server.get("/gzip")));
            assertEquals(200, response.status());
            assertTrue(response.bodyString().contains("\"gzipped\": true") || response.bodyString().contains("\"gzipped\":true"),
                    response.bodyString());
            assertTrue(response.bodyString().contains("gzip, deflate"), "Accept-Encoding was sent: " + response.bodyString());
            assertFalse(response.headers().first("Content-Encoding").isPresent());
        }
    }

    @Test
    void deflateIsDecodedAsAStream() throws IOException {
        try (Salvo http = decoding()) {
            BodyResponse<InputStream> response = Await.value(http.send(server.get("/deflate"), BodyHandler.ofInputStream()));
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertTrue(body.contains("deflated"), body);
            assertFalse(response.headers().first("Content-Encoding").isPresent());
            Await.until("the slot is free", () -> http.inFlight() == 0);
        }
    }

    @Test
    void aRequestThatSetsItsOwnAcceptEncodingGetsTheBodyAsItCame() {
        try (Salvo http = decoding()) {
            Response response = Await.value(http.send(Request.newBuilder(server.url("/gzip"))
                    .header("Accept-Encoding", "gzip").build()));
            assertEquals("gzip", response.headers().first("Content-Encoding").orElseThrow());
            assertEquals(0x1f, response.body()[0] & 0xff, "still compressed");
        }
    }

    @Test
    void aDecompressionBombFailsTypedAndFreesTheSlot() {
        try (Salvo http = decoding()) {
            DecompressionLimitException e = Await.failure(
                    http.send(Request.get("http://127.0.0.1:" + bomb.getAddress().getPort() + "/bomb")),
                    DecompressionLimitException.class);
            assertTrue(e.getMessage().contains(String.valueOf(LIMIT)), e.getMessage());
            Await.until("the call ended", () -> http.inFlight() + http.queued() == 0);
        }
    }

    @Test
    void aGzipBodyWhoseTrailerDisagreesFailsTyped() {
        try (Salvo http = decoding()) {
            MalformedResponseException crc = Await.failure(http.send(Request.get(broken("/crc"))),
                    MalformedResponseException.class);
            assertTrue(crc.getMessage().contains("CRC-32"), crc.getMessage());
            MalformedResponseException size = Await.failure(http.send(Request.get(broken("/size"))),
                    MalformedResponseException.class);
            assertTrue(size.getMessage().contains("decoded 10000 bytes"), size.getMessage());
            Await.until("the calls ended", () -> http.inFlight() + http.queued() == 0);
        }
    }

    @Test
    void aGzipBodyWithAFlippedByteFailsTyped() {
        try (Salvo http = decoding()) {
            MalformedResponseException e = Await.failure(http.send(Request.get(broken("/flipped"))),
                    MalformedResponseException.class);
            assertTrue(e.getMessage().contains("corrupt gzip body"), e.getMessage());
            Await.until("the call ended", () -> http.inFlight() + http.queued() == 0);
        }
    }

    @Test
    void aTruncatedGzipBodyFailsTypedWhereverItWasCut() {
        try (Salvo http = decoding()) {
            MalformedResponseException trailer = Await.failure(http.send(Request.get(broken("/no-trailer"))),
                    MalformedResponseException.class);
            assertTrue(trailer.getMessage().contains("before its trailer did"), trailer.getMessage());
            MalformedResponseException data = Await.failure(http.send(Request.get(broken("/cut"))),
                    MalformedResponseException.class);
            assertTrue(data.getMessage().contains("before its compressed data did"), data.getMessage());
            Await.until("the calls ended", () -> http.inFlight() + http.queued() == 0);
        }
    }

    @Test
    void aTruncatedGzipStreamFailsTheReaderWithAnIOException() throws IOException {
        try (Salvo http = decoding()) {
            BodyResponse<InputStream> response = Await.value(http.send(Request.get(broken("/no-trailer")),
                    BodyHandler.ofInputStream()));
            try (InputStream in = response.body()) {
                IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, in::readAllBytes);
                assertTrue(e instanceof MalformedResponseException || e.getCause() instanceof MalformedResponseException,
                        e.toString());
            }
            Await.until("the slot is free", () -> http.inFlight() == 0);
        }
    }

    @Test
    void concatenatedGzipMembersDecodeOneAfterAnother() {
        try (Salvo http = decoding()) {
            Response response = Await.value(http.send(Request.get(broken("/two-members"))));
            assertEquals(10000 + 23, response.bodyLength());
            assertTrue(response.bodyString().endsWith("fox jumps over the lazy dog"), response.bodyString());
        }
    }
}
