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
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Transparent gzip and deflate ({@link Interceptors#decompressing}) over one transport: the embedded
 * server's /gzip and /deflate, and a decompression bomb (64 MiB of zeros in about 64 KiB) from a JDK
 * HTTP server. A subclass names the transport.
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
        bomb.start();
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
}
