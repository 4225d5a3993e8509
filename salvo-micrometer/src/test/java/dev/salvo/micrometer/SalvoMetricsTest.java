package dev.salvo.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.CallEvent;
import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.DeadlineExceededException;
import dev.salvo.client.EventListener;
import dev.salvo.client.Request;
import dev.salvo.client.RetryPolicy;
import dev.salvo.client.Salvo;
import dev.salvo.netty.NettyTransport;
import dev.salvo.server.SalvoServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SalvoMetricsTest {
    private static SalvoServer server;
    private static String host;

    @BeforeAll
    static void start() {
        server = SalvoServer.start();
        host = "127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Salvo.Builder client(boolean netty, EventListener listener) {
        Salvo.Builder builder = Salvo.newBuilder().eventListener(listener);
        return netty ? builder.transport(NettyTransport.newBuilder().maxConnectionsPerHost(4).build()) : builder;
    }

    private static Timer requests(MeterRegistry registry, String status, String exception) {
        return registry.get(SalvoMetrics.REQUESTS).tags("status", status, "exception", exception, "client.name", host).timer();
    }

    @ParameterizedTest(name = "netty={0}")
    @ValueSource(booleans = {false, true})
    void aCallIsTimedTaggedAndCounted(boolean netty) throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        SalvoMetrics metrics = SalvoMetrics.newBuilder(registry).tags(Tags.of("client", "test"))
                .uriTemplate(request -> request.uri().getPath().startsWith("/bytes/") ? "/bytes/{n}" : null).build();
        try (Salvo http = client(netty, metrics.eventListener()).build()) {
            metrics.monitor(http);
            assertEquals(200, http.send(Request.get(server.url("/bytes/1000"))).get().status());
            assertEquals(200, http.send(Request.post(server.url("/anything/upload"), "text/plain", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .get().status());

            Timer bytes = registry.get(SalvoMetrics.REQUESTS).tags("method", "GET", "uri", "/bytes/{n}", "status", "200",
                    "outcome", "SUCCESS", "exception", "none", "client.name", host, "client", "test").timer();
            assertEquals(1, bytes.count());
            assertTrue(bytes.totalTime(TimeUnit.NANOSECONDS) > 0);
            assertEquals(1, registry.get(SalvoMetrics.REQUESTS).tags("method", "POST", "uri", "UNKNOWN").timer().count());
            assertEquals(2, registry.get(SalvoMetrics.QUEUE_WAIT).tags("client.name", host).timer().count());
            assertTrue(registry.get(SalvoMetrics.BYTES_RECEIVED).counter().count() >= 1000);
            assertEquals(5, registry.get(SalvoMetrics.BYTES_SENT).counter().count());
            assertEquals(0, registry.get(SalvoMetrics.IN_FLIGHT).tags("client", "test").gauge().value());
            assertEquals(0, registry.get(SalvoMetrics.QUEUED).gauge().value());
            double idle = registry.get(SalvoMetrics.POOL_CONNECTIONS).tags("state", "idle", "client.name", host).gauge().value();
            double max = registry.get(SalvoMetrics.POOL_MAX).tags("client.name", host).gauge().value();
            // the Netty transport pools its keep-alive connection; the JDK's HttpClient shows no pool
            assertEquals(netty ? 1 : 0, idle);
            assertEquals(netty ? 4 : 0, max);
            assertEquals(0, registry.get(SalvoMetrics.POOL_CONNECTIONS).tags("state", "in-use").gauge().value());
        }
    }

    @Test
    void failuresAreTaggedWithTheirKind() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        SalvoMetrics metrics = SalvoMetrics.create(registry);
        CountDownLatch started = new CountDownLatch(1);
        EventListener onStart = event -> {
            if (event.phase() == CallEvent.Phase.STARTED && event.request().uri().getPath().equals("/delay/10")) {
                started.countDown();
            }
        };
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Salvo http = Salvo.newBuilder().eventListener(metrics.eventListener().andThen(onStart)).build()) {
            metrics.monitor(http);
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> http.send(Request.get("http://127.0.0.1:" + closedPort + "/get")).get());
            assertInstanceOf(ConnectFailedException.class, refused.getCause());
            ExecutionException late = assertThrows(ExecutionException.class,
                    () -> http.send(Request.newBuilder(server.url("/delay/5")).deadline(Duration.ofMillis(200)).build()).get());
            assertInstanceOf(DeadlineExceededException.class, late.getCause());
            CompletableFuture<?> cancelled = http.send(Request.get(server.url("/delay/10")));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            cancelled.cancel(true);
            assertThrows(CancellationException.class, cancelled::join);

            assertEquals(1, registry.get(SalvoMetrics.REQUESTS).tags("status", "IO_ERROR", "outcome", "UNKNOWN",
                    "exception", "ConnectFailedException", "client.name", "127.0.0.1:" + closedPort).timer().count());
            assertEquals(1, requests(registry, "IO_ERROR", "DeadlineExceededException").count());
            assertEquals(1, requests(registry, "CLIENT_ERROR", "CancellationException").count());
            assertEquals(0, http.inFlight());
            assertEquals(0, registry.get(SalvoMetrics.IN_FLIGHT).gauge().value());
            assertEquals(0, registry.get(SalvoMetrics.QUEUED).gauge().value());
        }
    }

    @Test
    void retriesAndRedirectsCountOnceAsACall() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        SalvoMetrics metrics = SalvoMetrics.create(registry);
        RetryPolicy quick = RetryPolicy.newBuilder().maxAttempts(3).backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .retryOnStatus(Set.of(503)).build();
        try (Salvo http = Salvo.newBuilder().eventListener(metrics.eventListener()).retryPolicy(quick).build()) {
            assertEquals(503, http.send(Request.get(server.url("/status/503"))).get().status());
            assertEquals(200, http.send(Request.get(server.url("/redirect/2"))).get().status());

            Timer unavailable = registry.get(SalvoMetrics.REQUESTS).tags("status", "503", "outcome", "SERVER_ERROR").timer();
            assertEquals(1, unavailable.count());
            assertEquals(2, registry.get(SalvoMetrics.RETRIES).tags("reason", "503", "client.name", host).counter().count());
            assertEquals(1, requests(registry, "200", "none").count());
            assertEquals(List.of(), registry.find(SalvoMetrics.REQUESTS).tags("status", "302").timers().stream().toList());
        }
    }

    @Test
    void queueWaitIsTimedForEveryCallThatWaited() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        SalvoMetrics metrics = SalvoMetrics.create(registry);
        try (Salvo http = Salvo.newBuilder().eventListener(metrics.eventListener()).maxInFlight(1).build()) {
            metrics.monitor(http);
            List<CompletableFuture<?>> calls = List.of(http.send(Request.get(server.url("/delay/0.2"))),
                    http.send(Request.get(server.url("/get"))), http.send(Request.get(server.url("/get"))));
            assertEquals(2, registry.get(SalvoMetrics.QUEUED).gauge().value());
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
            Timer wait = registry.get(SalvoMetrics.QUEUE_WAIT).timer();
            assertEquals(3, wait.count());
            // the last call waited for the first one's 200 ms at least
            assertTrue(wait.max(TimeUnit.MILLISECONDS) >= 200, () -> "max wait " + wait.max(TimeUnit.MILLISECONDS));
            assertEquals(0, registry.get(SalvoMetrics.QUEUED).gauge().value());
        }
    }

    @Test
    void twoClientsOnOneMetricsKeepTheirCallsApart() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        SalvoMetrics metrics = SalvoMetrics.newBuilder(registry).uriTemplate(request -> request.uri().getPath()).build();
        CallRecorder first = (CallRecorder) metrics.eventListener();
        CallRecorder second = (CallRecorder) metrics.eventListener();
        CountDownLatch slowStarted = new CountDownLatch(1);
        EventListener onStart = event -> {
            if (event.phase() == CallEvent.Phase.STARTED) {
                slowStarted.countDown();
            }
        };
        try (Salvo a = Salvo.newBuilder().eventListener(first.andThen(onStart)).build();
             Salvo b = Salvo.newBuilder().eventListener(second).build()) {
            // both clients number their first call 1: b's runs and ends while a's is still at the server
            CompletableFuture<?> slow = a.send(Request.get(server.url("/delay/1")));
            assertTrue(slowStarted.await(10, TimeUnit.SECONDS));
            assertEquals(200, b.send(Request.get(server.url("/get"))).get().status());
            assertEquals(1, first.running());
            slow.get();

            assertEquals(1, registry.get(SalvoMetrics.REQUESTS).tags("uri", "/get").timer().count());
            Timer delayed = registry.get(SalvoMetrics.REQUESTS).tags("uri", "/delay/1").timer();
            assertEquals(1, delayed.count());
            assertTrue(delayed.totalTime(TimeUnit.MILLISECONDS) >= 1000, () -> delayed.totalTime(TimeUnit.MILLISECONDS) + " ms");
            assertEquals(2, registry.get(SalvoMetrics.QUEUE_WAIT).timer().count());
            assertEquals(0, first.running());
            assertEquals(0, second.running());
        }
    }

    @Test
    void aSecondClientWithTheSameTagsIsRefusedAndOneWithItsOwnTagGetsItsOwnGauges() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (Salvo first = Salvo.newBuilder().build(); Salvo second = Salvo.newBuilder().build()) {
            SalvoMetrics.create(registry).monitor(first);
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> SalvoMetrics.create(registry).monitor(second));
            assertTrue(refused.getMessage().contains("already monitored"), refused.getMessage());
            SalvoMetrics.newBuilder(registry).tags(Tags.of("client", "second")).build().monitor(second);
            assertEquals(2, registry.find(SalvoMetrics.IN_FLIGHT).gauges().size());
            assertEquals(1, registry.find(SalvoMetrics.IN_FLIGHT).tag("client", "second").gauges().size());
        }
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(NullPointerException.class, () -> SalvoMetrics.create(null));
        assertThrows(NullPointerException.class, () -> SalvoMetrics.newBuilder(new SimpleMeterRegistry()).tags(null));
        assertThrows(NullPointerException.class, () -> SalvoMetrics.create(new SimpleMeterRegistry()).monitor(null));
    }
}
