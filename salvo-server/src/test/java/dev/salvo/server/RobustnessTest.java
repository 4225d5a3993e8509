package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad clients get a 4xx and a closed connection, or are cut off; the server keeps serving. */
class RobustnessTest {
    static SalvoServer server;

    @BeforeAll
    static void start() {
        server = SalvoServer.start(ServerConfig.newBuilder().maxBody(1024).idleTimeout(Duration.ofMillis(700)).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static int status(String reply) {
        assertTrue(reply.startsWith("HTTP/1.1 "), () -> "not an HTTP reply: " + reply);
        return Integer.parseInt(reply.substring(9, 12));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "NOT A REQUEST\r\n\r\n",
        "GET /get HTTP/9.Z\r\nHost: x\r\n\r\n",
        "GET /get HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        "GET /get HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        "GET /get HTTP/1.1\r\nHost: x\r\n Bad: folded\r\nBad Name: v\r\n\r\n",
    })
    void malformedRequestIs400AndClose(String request) {
        String reply = TestHttp.raw(server, request);
        assertEquals(400, status(reply), reply);
        assertTrue(reply.contains("\"status_code\":400"), reply);
        assertTrue(reply.toLowerCase().contains("connection: close"), reply);
        assertEquals(200, TestHttp.get(server, "/get").statusCode());
    }

    @Test
    void headersOver16KiBAre431() {
        String big = "X-Big: " + "a".repeat(17 * 1024) + "\r\n";
        String reply = TestHttp.raw(server, "GET /get HTTP/1.1\r\nHost: x\r\n" + big + "\r\n");
        assertEquals(431, status(reply), reply);
        String longLine = TestHttp.raw(server, "GET /get?" + "q".repeat(17 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(431, status(longLine), longLine);
        assertEquals(200, TestHttp.get(server, "/get?" + "q".repeat(8 * 1024)).statusCode(), "under the limit is fine");
    }

    @Test
    void bodyOverMaxIs413WithoutReadingIt() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            // announce 100 MB, send only the headers and a few bytes: the answer must not wait for the rest
            out.write("POST /post HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100000000\r\n\r\nabc"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = TestHttp.readAll(s.getInputStream());
            assertEquals(413, status(reply), reply);
            assertTrue(reply.contains("\"status_code\":413"), reply);
        }
        String chunked = TestHttp.raw(server, "POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "800\r\n" + "z".repeat(0x800) + "\r\n0\r\n\r\n");
        assertEquals(413, status(chunked), chunked);
    }

    @Test
    void idleTimeoutCutsAClientThatStopsSending() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET /get HTTP/1.1\r\nHost: x\r\nX-Half".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            assertEquals(-1, s.getInputStream().read());
            double took = (System.nanoTime() - start) / 1e9;
            assertTrue(took >= 0.5 && took < 4, "cut after " + took + " s");
        }
    }

    @Test
    void idleTimeoutDoesNotCutARequestBeingServed() {
        assertEquals(200, TestHttp.get(server, "/delay/1.2").statusCode());
    }

    @Test
    void garbageBytesNeverCrashTheServer() throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < 40; i++) {
            byte[] junk = new byte[1 + random.nextInt(4000)];
            random.nextBytes(junk);
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.setSoTimeout(3000);
                s.getOutputStream().write(junk);
                s.shutdownOutput();
                InputStream in = s.getInputStream();
                in.readAllBytes();
            } catch (java.net.SocketException reset) {
                // a reset is a fine answer to garbage
            }
        }
        assertEquals(200, TestHttp.get(server, "/get").statusCode());
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        String reply = TestHttp.raw(server, "GET /delay/0.2 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /status/201 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /get?last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        int first = reply.indexOf("HTTP/1.1 200");
        int second = reply.indexOf("HTTP/1.1 201");
        int third = reply.indexOf("HTTP/1.1 200", second);
        assertTrue(first == 0 && second > first && third > second, reply);
    }

    @Test
    void http10ClosesUnlessKeepAlive() {
        String reply = TestHttp.raw(server, "GET /get HTTP/1.0\r\n\r\n");
        assertEquals(200, status(reply));
    }
}
