package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /upload} hashes bodies of any size up to max-upload as they stream in, and
 * {@code /stream-bytes} serves bodies far larger than max-body to a slow reader, both without the
 * server buffering them (watched through Netty's pool metrics).
 */
class UploadAndLargeBodiesTest {
    static final long UPLOAD = 300L << 20;
    static SalvoServer server;

    @BeforeAll
    static void start() {
        server = SalvoServer.start(ServerConfig.newBuilder().maxBody(64 * 1024).maxUpload(UPLOAD).maxStream(64L << 20).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Writes {@code n} seeded random bytes in 64 KiB blocks, noting the server's peak pool growth; returns their SHA-256. */
    static String writeBody(OutputStream out, long n, long baseline, AtomicLong peak) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random random = new Random(42);
        byte[] block = new byte[64 * 1024];
        for (long sent = 0; sent < n; sent += block.length) {
            random.nextBytes(block);
            int len = (int) Math.min(block.length, n - sent);
            sha.update(block, 0, len);
            out.write(block, 0, len);
            if ((sent & ((16 << 20) - 1)) == 0) {
                peak.accumulateAndGet(ServerMemory.pooledBytes() - baseline, Math::max);
            }
        }
        out.flush();
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void aHugeUploadIsHashedWithoutBeingBuffered() throws Exception {
        long baseline = ServerMemory.pooledBytes();
        AtomicLong peak = new AtomicLong();
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + UPLOAD + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String sha = writeBody(out, UPLOAD, baseline, peak);
            JsonNode reply = TestHttp.JSON.readTree(body(SlowClientsTest.readUntilClose(s.getInputStream()), 200));
            assertEquals(UPLOAD, reply.get("bytes").asLong());
            assertEquals(sha, reply.get("sha256").asText());
        }
        assertTrue(peak.get() < 64 << 20, "a 300 MiB upload made the server hold " + (peak.get() >> 20) + " MiB");
    }

    @Test
    void chunkedUploadsAndExpectContinueWork() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(in.readNBytes(25), StandardCharsets.US_ASCII));
            out.write("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\nPOST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            var replies = TestHttp.replies(SlowClientsTest.readUntilClose(in));
            assertEquals(2, replies.size(), replies::toString);
            JsonNode first = TestHttp.JSON.readTree(replies.get(0).body());
            assertEquals(11, first.get("bytes").asLong());
            assertEquals(sha256("hello world".getBytes(StandardCharsets.US_ASCII)), first.get("sha256").asText());
            assertEquals(sha256(new byte[0]), TestHttp.JSON.readTree(replies.get(1).body()).get("sha256").asText());
        }
    }

    @Test
    void uploadsOverTheCapAre413() throws Exception {
        try (SalvoServer small = SalvoServer.start(ServerConfig.newBuilder().maxUpload(1000).build())) {
            String announced = TestHttp.raw(small, "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n" + "a".repeat(1001));
            assertEquals(413, TestHttp.replies(announced).getFirst().status(), announced);
            assertTrue(announced.contains("\"status_code\":413") && announced.contains("1000"), announced);
            String chunked = TestHttp.raw(small, "POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + ("100\r\n" + "b".repeat(256) + "\r\n").repeat(5) + "0\r\n\r\n");
            assertEquals(413, TestHttp.replies(chunked).getFirst().status(), chunked);
            String expect = TestHttp.raw(small, "POST /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n");
            assertEquals(413, TestHttp.replies(expect).getFirst().status(), expect);
        }
    }

    @Test
    void aSlowReaderGetsAStreamLargerThanMaxBodyExactly() throws Exception {
        long n = 24L << 20;
        long baseline = ServerMemory.pooledBytes();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> res = client.send(HttpRequest.newBuilder(URI.create(server.url("/stream-bytes/" + n + "?seed=9&chunk_size=1"))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, res.statusCode());
        Random expected = new Random(9);
        byte[] piece = new byte[8192]; // chunk_size 1 is coalesced into 8 KiB pieces
        long peak = 0;
        long got = 0;
        try (InputStream in = res.body()) {
            while (got < n) {
                expected.nextBytes(piece);
                byte[] actual = in.readNBytes((int) Math.min(piece.length, n - got));
                assertArrayEquals(java.util.Arrays.copyOf(piece, actual.length), actual, "bytes differ at " + got);
                got += actual.length;
                if ((got & ((1 << 20) - 1)) == 0) {
                    Thread.sleep(20); // not synchronisation: a slow reader
                    peak = Math.max(peak, ServerMemory.pooledBytes() - baseline);
                }
            }
            assertEquals(-1, in.read());
        }
        assertEquals(n, got);
        assertTrue(peak < 16 << 20, "a slow reader made the server hold " + (peak >> 20) + " MiB");
    }

    static String body(String wire, int status) {
        TestHttp.Reply r = TestHttp.replies(wire).getFirst();
        assertEquals(status, r.status(), wire);
        return r.body();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
