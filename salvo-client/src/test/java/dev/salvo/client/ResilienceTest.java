package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.salvo.client.contract.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries (with Retry-After), redirects and the connect timeout. */
class ResilienceTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    /** A real JDK HTTP server that answers {@code failures} times with {@code status}, then 200. */
    private static HttpServer flaky(int failures, int status, String retryAfter, AtomicInteger hits) throws IOException {
        HttpServer flaky = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        flaky.createContext("/", exchange -> {
            int n = hits.incrementAndGet();
            if (n <= failures) {
                if (retryAfter != null) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfter);
                }
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        flaky.start();
        return flaky;
    }

    private static String base(HttpServer s) {
        return "http://127.0.0.1:" + s.getAddress().getPort() + "/";
    }

    @Test
    void retriesA503HonouringRetryAfter() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer flaky = flaky(2, 503, "1", hits);
        try (Salvo http = Salvo.newBuilder().retryPolicy(RetryPolicy.defaults()).build()) {
            long start = System.nanoTime();
            Response response = Await.value(http.send(Request.get(base(flaky))));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(200, response.status());
            assertEquals(3, hits.get());
            assertTrue(seconds >= 1.9, "two Retry-After: 1 waits, took " + seconds);
        } finally {
            flaky.stop(0);
        }
    }

    @Test
    void givesUpAfterMaxAttemptsAndReturnsTheLastStatus() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer flaky = flaky(100, 429, null, hits);
        RetryPolicy policy = RetryPolicy.newBuilder().maxAttempts(3).backoff(Duration.ofMillis(10), Duration.ofMillis(50)).build();
        try (Salvo http = Salvo.newBuilder().retryPolicy(policy).build()) {
            assertEquals(429, Await.value(http.send(Request.get(base(flaky)))).status());
            assertEquals(3, hits.get());
        } finally {
            flaky.stop(0);
        }
    }

    @Test
    void doesNotRetryPostByDefault() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer flaky = flaky(1, 503, null, hits);
        try (Salvo http = Salvo.newBuilder().retryPolicy(RetryPolicy.defaults()).build()) {
            Response response = Await.value(http.send(Request.post(base(flaky), "text/plain", new byte[] {1})));
            assertEquals(503, response.status());
            assertEquals(1, hits.get());
        } finally {
            flaky.stop(0);
        }
    }

    @Test
    void retriesRefusedConnectionsThenFailsTyped() {
        List<Integer> attempts = new ArrayList<>();
        RetryPolicy policy = RetryPolicy.newBuilder().maxAttempts(3).backoff(Duration.ofMillis(5), Duration.ofMillis(20)).build();
        EventListener starts = event -> {
            if (event.phase() == CallEvent.Phase.STARTED) {
                attempts.add(event.attempt());
            }
        };
        try (Salvo http = Salvo.newBuilder().retryPolicy(policy).eventListener(starts).build()) {
            Await.failure(http.send(Request.get("http://127.0.0.1:" + Await.refusedPort() + "/")),
                    ConnectFailedException.class);
            assertEquals(List.of(1, 2, 3), attempts);
            assertEquals(0, http.inFlight() + http.queued());
        }
    }

    @Test
    void followsRedirectsToTheEnd() {
        try (Salvo http = Salvo.create()) {
            Response response = Await.value(http.send(server.get("/redirect/3")));
            assertEquals(200, response.status());
            assertTrue(response.uri().getPath().endsWith("/get"), response.uri().toString());
        }
        try (Salvo http = Salvo.newBuilder().redirects(RedirectPolicy.NEVER).build()) {
            assertEquals(302, Await.value(http.send(server.get("/redirect/3"))).status());
        }
    }

    @Test
    void aPostRedirectedBy302BecomesAGet() {
        try (Salvo http = Salvo.create()) {
            String target = java.net.URLEncoder.encode(server.url("/anything"), java.nio.charset.StandardCharsets.UTF_8);
            Response response = Await.value(http.send(Request.postJson(
                    server.url("/redirect-to?status_code=302&url=" + target), "{}")));
            assertEquals(200, response.status());
            assertTrue(response.bodyString().contains("\"GET\""), response.bodyString());
        }
    }

    @Test
    void connectTimeoutIsConnectFailed() throws IOException {
        // a listener with a full backlog that never accepts: further SYNs go unanswered
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(s);
                    } catch (IOException e) {
                        s.close();
                        break;
                    }
                }
                try (Salvo http = Salvo.newBuilder().connectTimeout(Duration.ofMillis(300)).build()) {
                    long start = System.nanoTime();
                    Throwable failure = Await.failure(http.send(Request.get("http://127.0.0.1:" + full.getLocalPort() + "/")),
                            SalvoIOException.class);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    assertTrue(failure instanceof ConnectFailedException, "got " + failure);
                    assertTrue(seconds < 5, "took " + seconds);
                }
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }
}
