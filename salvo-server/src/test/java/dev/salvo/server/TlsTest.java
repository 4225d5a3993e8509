package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server on TLS: h2 and HTTP/1.1 by ALPN to curl and the JDK's client; what is not TLS is cut cleanly. */
class TlsTest {
    private static final AccessLines LOG = new AccessLines();
    private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(2);
    private static ServerTls tls;
    private static SalvoServer server;
    private static String pem;

    @BeforeAll
    static void start() {
        tls = ServerTls.selfSigned();
        pem = tls.certificateFile().orElseThrow().toString();
        server = SalvoServer.start(ServerConfig.newBuilder().tls(tls).headTimeout(HEAD_TIMEOUT).accessLog(LOG).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void curlNegotiatesH2AndTheUrlSaysHttps() throws Exception {
        String url = server.url("/get?a=1");
        assertTrue(url.startsWith("https://127.0.0.1:"), url);
        String out = Http2Test.curl("--http2", "--cacert", pem, "-s", "-w", "\n%{http_version} %{http_code}", url);
        assertTrue(out.endsWith("\n2 200"), out);
        assertTrue(out.contains("\"url\":\"" + url + "\""), out);
        assertTrue(LOG.await("\"GET /get?a=1 HTTP/2.0\" 200"), LOG::toString);
        String bytes = Http2Test.curl("--http2", "--cacert", pem, "-s", "-o", "/dev/null", "-w",
                "%{http_version} %{size_download}", server.url("/stream-bytes/100000"));
        assertEquals("2 100000", bytes);
    }

    @Test
    void curlOnHttp11GetsHttp11() throws Exception {
        String out = Http2Test.curl("--http1.1", "--cacert", pem, "-s", "-w", "\n%{http_version} %{http_code}",
                server.url("/anything?b=2"));
        assertTrue(out.endsWith("\n1.1 200"), out);
        assertTrue(out.contains("\"url\":\"" + server.url("/anything?b=2") + "\""), out);
        assertTrue(LOG.await("\"GET /anything?b=2 HTTP/1.1\" 200"), LOG::toString);
    }

    @Test
    void theJdkClientTrustingThePemNegotiatesHttp2() throws Exception {
        HttpClient jdk = HttpClient.newBuilder().sslContext(trusting(tls)).version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> res = jdk.send(HttpRequest.newBuilder(URI.create(server.url("/post")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"c\":3}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, res.version());
        assertEquals(200, res.statusCode());
        assertTrue(res.body().contains("\"json\":{\"c\":3}"), res.body());
    }

    @Test
    void aClientWithoutAlpnGetsHttp11AndNoH2cUpgrade() throws Exception {
        try (Socket s = trusting(tls).getSocketFactory().createSocket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET /get?e=5 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                    + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String head = new String(s.getInputStream().readNBytes(15), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200 OK", head, "h2c is for cleartext only");
        }
        assertTrue(LOG.await("\"GET /get?e=5 HTTP/1.1\" 200"), LOG::toString);
    }

    @Test
    void h2loadMultiplexesOverTls() throws Exception {
        Process p = new ProcessBuilder("h2load", "-n", "400", "-c", "2", "-m", "20", server.url("/get?h2load=1"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "h2load did not finish");
        assertTrue(out.contains("Application protocol: h2"), out);
        assertTrue(out.contains("400 succeeded, 0 failed, 0 errored"), out);
        assertTrue(out.contains("400 2xx"), out);
    }

    @Test
    void plainHttpToTheTlsPortIsClosedWithoutAReplyOrAWarning() throws Exception {
        String err = stderrOf(() -> {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write("GET /get HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] reply = s.getInputStream().readAllBytes();
                assertTrue(!new String(reply, StandardCharsets.ISO_8859_1).startsWith("HTTP/"), "an HTTP reply in cleartext");
            }
        });
        assertTrue(err.isEmpty(), err);
        assertServesStill();
    }

    @Test
    void anUntrustingClientFailsItsHandshakeAndTheServerKeepsServing() throws Exception {
        String err = stderrOf(() -> {
            HttpClient defaults = HttpClient.newHttpClient();
            assertThrows(SSLHandshakeException.class, () -> defaults.send(HttpRequest.newBuilder(URI.create(server.url("/get"))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        });
        assertTrue(err.isEmpty(), err);
        assertServesStill();
    }

    @Test
    void aClientThatNeverStartsTheHandshakeIsClosedAfterTheHeadTimeout() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout((int) HEAD_TIMEOUT.multipliedBy(5).toMillis());
            long start = System.nanoTime();
            InputStream in = s.getInputStream();
            assertEquals(-1, in.read(), "closed without a byte");
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(HEAD_TIMEOUT.dividedBy(2)) > 0, "not before the timeout");
        }
    }

    private static void assertServesStill() throws Exception {
        String out = Http2Test.curl("--http2", "--cacert", pem, "-s", "-w", "\n%{http_version} %{http_code}", server.url("/status/204"));
        assertEquals("\n2 204", out);
    }

    /** An SSL context trusting the server's own certificate only. */
    static SSLContext trusting(ServerTls tls) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {tls.trustManager()}, null);
        return context;
    }

    interface Action {
        void run() throws Exception;
    }

    /**
     * What the server logged to stderr (slf4j-simple, WARN and up in tests) while {@code action} ran.
     * The server logs a failed handshake before it closes the connection, so a client that waited
     * for the close has seen any line.
     */
    private static String stderrOf(Action action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
