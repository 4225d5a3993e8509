package dev.salvo.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.Request;
import dev.salvo.client.RetryPolicy;
import dev.salvo.client.Salvo;
import dev.salvo.netty.NettyTransport;
import dev.salvo.server.SalvoServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

/** Salvo's events become the subtask's metrics, with real calls to the embedded server. */
class SalvoMetricsTest {

    @Test
    void eventsBecomeGaugesAHistogramAndCounters() throws Exception {
        Map<String, Metric> metrics = new ConcurrentHashMap<>();
        SalvoMetrics listener = SalvoMetrics.register(new Recording(metrics, ""));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ClientSettings settings = new ClientSettings(8, 8, Duration.ofMillis(500), Duration.ofSeconds(2),
                RetrySpec.of(RetryPolicy.none()), 1, 1 << 20);
        try (SalvoServer server = SalvoServer.start();
                NettyTransport transport = settings.newTransport();
                Salvo client = settings.newClient(transport, listener)) {
            listener.watch(client);
            List<CompletableFuture<?>> calls = List.of(
                    client.send(Request.get(server.url("/get"))),
                    client.send(Request.get(server.url("/get?again"))),
                    client.send(Request.get(server.url("/status/404"))),
                    client.send(Request.get(server.url("/status/503"))),
                    client.send(Request.get("http://127.0.0.1:" + closedPort + "/")),
                    client.send(Request.get(server.url("/delay/3"))));
            for (CompletableFuture<?> call : calls) {
                call.handle((r, e) -> null).join();
            }
            assertEquals(0, gauge(metrics, "salvo.inFlight"));
            assertEquals(0, gauge(metrics, "salvo.queued"));
        }
        assertEquals(2, count(metrics, "salvo.responses.2xx"));
        assertEquals(1, count(metrics, "salvo.responses.4xx"));
        assertEquals(1, count(metrics, "salvo.responses.5xx"));
        assertEquals(1, count(metrics, "salvo.errors.connect"));
        assertEquals(1, count(metrics, "salvo.errors.deadline"));
        Histogram latency = (Histogram) metrics.get("salvo.latencyMs");
        assertEquals(6, latency.getCount());
        assertTrue(latency.getStatistics().getMax() >= 400, "the deadline call took about 500 ms");
        listener.countError(ErrorKind.BAD_INPUT);
        assertEquals(1, count(metrics, "salvo.errors.bad_input"));
    }

    private static long count(Map<String, Metric> metrics, String name) {
        return ((Counter) metrics.get(name)).getCount();
    }

    private static Object gauge(Map<String, Metric> metrics, String name) {
        return ((Gauge<?>) metrics.get(name)).getValue();
    }

    /** A metric group that keeps what is registered, by dotted name. */
    private static final class Recording extends UnregisteredMetricsGroup {
        private final Map<String, Metric> metrics;
        private final String prefix;

        Recording(Map<String, Metric> metrics, String prefix) {
            this.metrics = metrics;
            this.prefix = prefix;
        }

        @Override
        public <C extends Counter> C counter(String name, C counter) {
            metrics.put(prefix + name, counter);
            return counter;
        }

        @Override
        public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
            metrics.put(prefix + name, gauge);
            return gauge;
        }

        @Override
        public <H extends Histogram> H histogram(String name, H histogram) {
            metrics.put(prefix + name, histogram);
            return histogram;
        }

        @Override
        public MetricGroup addGroup(String name) {
            return new Recording(metrics, prefix + name + ".");
        }
    }
}
