package dev.salvo.flink.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.server.SalvoServer;
import dev.salvo.server.ServerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** What the job tests share: the 2 × 2 MiniCluster, an embedded server that counts, files in and out. */
final class FlinkFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlinkFixture() {
    }

    /** A MiniCluster of 2 task managers with 2 slots each. */
    static MiniClusterExtension cluster() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(2).setNumberSlotsPerTaskManager(2).build());
    }

    /** An embedded Salvo server whose access log counts the requests it answered. */
    static final class CountingServer implements AutoCloseable {
        final AtomicInteger answered = new AtomicInteger();
        final SalvoServer server = SalvoServer.start(ServerConfig.newBuilder().accessLog(line -> answered.incrementAndGet())
                .build());

        String url(String path) {
            return server.url(path);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    static Path write(Path file, List<String> lines) throws IOException {
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** The committed records, parsed. */
    static List<JsonNode> committed(Path out) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (Path file : CommittedOutput.files(out)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    /** How often each URL appears in the committed output. */
    static Map<String, Integer> countsByUrl(List<JsonNode> records) {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode record : records) {
            counts.merge(record.get("url").asText(), 1, Integer::sum);
        }
        return counts;
    }

    /** Waits for {@code condition}, checking every 10 ms, failing after {@code limit}. */
    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            Thread.sleep(10); // the poll interval of this bounded loop, not a guess at when the condition holds
        }
    }

    /** A loopback port nothing listens on (it was free a moment ago): connecting is refused. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Live Netty I/O threads of Salvo transports in this JVM. */
    static long salvoIoThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("salvo-netty")).count();
    }
}
