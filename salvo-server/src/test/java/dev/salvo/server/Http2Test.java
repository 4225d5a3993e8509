package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** h2c with prior knowledge on the HTTP/1.1 port: the endpoints over Netty's HTTP/2 client and curl. */
class Http2Test {
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static SalvoServer server;

    @BeforeAll
    static void start() {
        server = SalvoServer.start(ServerConfig.newBuilder().accessLog(Http2Test::logged).build());
    }

    private static void logged(String line) {
        synchronized (LOG) {
            LOG.add(line);
            LOG.notifyAll();
        }
    }

    /** Whether a line containing {@code part} is logged within 10 s: the server logs once the reply went out. */
    private static boolean awaitLogged(String part) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (LOG) {
            while (LOG.stream().noneMatch(l -> l.contains(part))) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                try {
                    LOG.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void endpointsAnswerOverPriorKnowledgeH2c() {
        try (H2TestClient h2 = H2TestClient.priorKnowledge(server)) {
            H2TestClient.Reply get = h2.get("/get?a=1");
            assertEquals(200, get.status());
            assertTrue(get.text().contains("\"a\":\"1\""), get.text());
            assertFalse(get.text().toLowerCase().contains("x-http2"), "conversion headers leak: " + get.text());
            assertEquals(1000, h2.get("/bytes/1000").body().length);
            assertEquals(70_000, h2.get("/stream-bytes/70000?chunk_size=1000").body().length);
            assertEquals(418, h2.get("/status/418").status());
            assertEquals(200, h2.get("/delay/0.1").status());
        }
        assertTrue(awaitLogged("\"GET /get?a=1 HTTP/2.0\" 200"), LOG.toString());
    }

    @Test
    void http11StillServedOnTheSamePort() {
        assertEquals(200, TestHttp.get(server, "/get").statusCode());
        assertTrue(awaitLogged("\"GET /get HTTP/1.1\" 200"), LOG.toString());
    }

    @Test
    void curlWithPriorKnowledge() throws IOException, InterruptedException {
        String out = curl("--http2-prior-knowledge", "-s", "-w", "\\n%{http_version} %{http_code}", server.url("/get?b=2"));
        assertTrue(out.endsWith("\n2 200"), out);
        assertTrue(out.contains("\"b\":\"2\""), out);
        String bytes = curl("--http2-prior-knowledge", "-s", "-o", "/dev/null", "-w", "%{http_version} %{size_download}",
                server.url("/stream-bytes/100000"));
        assertEquals("2 100000", bytes);
    }

    @Test
    void upgradeFromHttp11() throws Exception {
        java.net.http.HttpClient jdk = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
        for (String path : List.of("/get?c=3", "/status/201")) {
            var res = jdk.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(java.net.http.HttpClient.Version.HTTP_2, res.version(), res.toString());
            assertTrue(res.statusCode() == 200 ? res.body().contains("\"c\":\"3\"") : res.statusCode() == 201, res.body());
        }
        String out = curl("--http2", "-s", "-w", "\n%{http_version} %{http_code}", server.url("/get?d=4"));
        assertTrue(out.endsWith("\n2 200"), out);
        assertTrue(out.contains("\"d\":\"4\""), out);
    }

    @Test
    void upgradeWithoutSettingsIsServedOverHttp11() throws IOException {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("GET /get HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String head = new String(s.getInputStream().readNBytes(15), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200 OK", head);
        }
    }

    static String curl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("curl", "--max-time", "20"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "curl did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "curl failed (exit " + p.exitValue() + "): " + out);
        return out;
    }
}
