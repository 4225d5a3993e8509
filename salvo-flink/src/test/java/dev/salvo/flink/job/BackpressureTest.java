package dev.salvo.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a slow server, requests in flight never exceed capacity × parallelism (nor the per-host
 * limit × parallelism), counted at the server: a small JDK HTTP server whose handler counts the
 * requests it holds.
 */
class BackpressureTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = FlinkFixture.cluster();

    static final AtomicInteger HELD = new AtomicInteger();
    static final AtomicInteger MOST_HELD = new AtomicInteger();
    static final AtomicInteger ANSWERED = new AtomicInteger();
    static final HttpServer SERVER = slowServer(Duration.ofMillis(40));

    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        MOST_HELD.set(0);
        ANSWERED.set(0);
    }

    @AfterAll
    static void stop() {
        SERVER.stop(0);
    }

    @Test
    void inFlightNeverExceedsCapacityTimesParallelism() throws Exception {
        int most = run(2, 4, 64, 400);
        assertTrue(most <= 2 * 4, "at most capacity × parallelism = 8 held, saw " + most);
        assertTrue(most > 4, "both subtasks had calls in flight together, saw " + most);
    }

    @Test
    void thePerHostLimitAppliesPerSubtask() throws Exception {
        int most = run(2, 16, 2, 200);
        assertTrue(most <= 2 * 2, "at most maxPerHost × parallelism = 4 held, saw " + most);
        assertTrue(most > 2, "both subtasks had calls in flight together, saw " + most);
    }

    private int run(int parallelism, int maxInFlight, int maxPerHost, int n) throws Exception {
        String base = "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/slow?i=";
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(base + i);
        }
        Path out = dir.resolve("out");
        FetchJob.newBuilder(FlinkFixture.write(dir.resolve("urls.txt"), lines).toString(), out.toString())
                .parallelism(parallelism).maxInFlight(maxInFlight).maxPerHost(maxPerHost)
                .checkpointInterval(Duration.ofMillis(200)).build()
                .execute(StreamExecutionEnvironment.getExecutionEnvironment());
        assertEquals(n, CommittedOutput.read(out).records());
        assertEquals(0, CommittedOutput.read(out).errors());
        assertEquals(0, HELD.get(), "nothing held once the job ended");
        return MOST_HELD.get();
    }

    /** Holds each request for {@code delay}; counts the requests held at once, before replying. */
    private static HttpServer slowServer(Duration delay) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/slow", exchange -> {
                MOST_HELD.accumulateAndGet(HELD.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(delay); // not synchronisation: a slow server holding each request
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                HELD.decrementAndGet(); // before the reply: the client cannot send its next call earlier
                ANSWERED.incrementAndGet();
                byte[] body = "slow\n".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                }
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
