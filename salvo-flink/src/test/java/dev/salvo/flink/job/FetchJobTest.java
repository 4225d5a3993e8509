package dev.salvo.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.flink.ErrorKind;
import dev.salvo.flink.SalvoCallException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The fetch job on a 2 × 2 MiniCluster against the embedded server: output, order, bad input. */
class FetchJobTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = FlinkFixture.cluster();
    static final FlinkFixture.CountingServer SERVER = new FlinkFixture.CountingServer();

    @TempDir
    Path dir;

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @Test
    void everyLineAppearsExactlyOnceWithItsStatus() throws Exception {
        List<String> lines = new ArrayList<>();
        int n = 600;
        for (int i = 0; i < n; i++) {
            lines.add(switch (i % 3) {
                case 0 -> SERVER.url("/get?i=" + i);
                case 1 -> SERVER.url("/status/404?i=" + i);
                default -> "{\"method\": \"POST\", \"url\": \"" + SERVER.url("/anything?i=" + i)
                        + "\", \"headers\": {\"X-Test\": \"yes\"}, \"body\": \"line " + i + "\"}";
            });
        }
        lines.add("");
        lines.add("# a comment line is skipped");
        Path out = dir.resolve("out");
        FetchJob job = FetchJob.newBuilder(FlinkFixture.write(dir.resolve("urls.txt"), lines).toString(), out.toString())
                .maxInFlight(16).checkpointInterval(Duration.ofMillis(100)).build();

        job.execute(StreamExecutionEnvironment.getExecutionEnvironment());

        List<JsonNode> records = FlinkFixture.committed(out);
        Map<String, Integer> counts = FlinkFixture.countsByUrl(records);
        assertEquals(n, records.size(), "one record per request line");
        for (JsonNode record : records) {
            String url = record.get("url").asText();
            assertEquals(1, counts.get(url), url);
            int expected = url.contains("/status/404") ? 404 : 200;
            assertEquals(expected, record.get("status").asInt(), url);
            assertTrue(record.get("error").isNull(), url);
            assertTrue(record.get("bytes").asInt() > 0 || expected == 404, url);
            assertTrue(record.get("sha256").asText().matches("[0-9a-f]{64}"), url);
            assertTrue(record.get("latency_ms").asDouble() >= 0, url);
            if (url.contains("/anything")) {
                assertEquals("POST", record.get("method").asText());
            }
        }
        assertTrue(CommittedOutput.read(out).errors() == 0);
    }

    @Test
    void orderedKeepsInputOrderAndBodyFlagWritesTheBody() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(SERVER.url("/delay/" + ((i * 7) % 5) + "ms?i=" + i));
        }
        Path out = dir.resolve("out");
        FetchJob.newBuilder(FlinkFixture.write(dir.resolve("urls.txt"), lines).toString(), out.toString())
                .parallelism(1).ordered(true).withBody(true).checkpointInterval(Duration.ofMillis(100)).build()
                .execute(StreamExecutionEnvironment.getExecutionEnvironment());

        List<JsonNode> records = new ArrayList<>();
        for (Path file : sortedByPartNumber(CommittedOutput.files(out))) {
            for (String line : Files.readAllLines(file)) {
                records.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
            }
        }
        assertEquals(lines, records.stream().map(r -> r.get("url").asText()).toList());
        assertTrue(records.get(0).get("body").asText().contains("\"url\""), "the body itself: " + records.get(0));
    }

    @Test
    void badLinesBecomeClearErrorRecordsAndTheJobFinishes() throws Exception {
        int closedPort = FlinkFixture.closedPort();
        String refused = "http://127.0.0.1:" + closedPort + "/get";
        List<String> lines = List.of(
                "not a url",
                "ftp://127.0.0.1/file",
                "{\"url\": \"" + SERVER.url("/get") + "\", broken",
                "{\"url\": 5}",
                "{\"url\": \"" + SERVER.url("/get") + "\", \"extra\": 1}",
                "[1, 2]",
                "http://127.0.0.1:" + SERVER.server.port() + "/get\r\nX-Injected: yes",
                refused,
                SERVER.url("/get?ok"));
        Path out = dir.resolve("out");
        FetchJob.newBuilder(FlinkFixture.write(dir.resolve("urls.txt"), lines).toString(), out.toString())
                .checkpointInterval(Duration.ofMillis(100)).build()
                .execute(StreamExecutionEnvironment.getExecutionEnvironment());

        List<JsonNode> records = FlinkFixture.committed(out);
        Map<String, String> messageByInput = new java.util.HashMap<>();
        for (JsonNode record : records) {
            if (!record.get("error").isNull() && record.get("url").isNull()) {
                assertEquals("bad_input", record.get("error").get("kind").asText());
                messageByInput.put(record.get("input").asText(), record.get("error").get("message").asText());
            }
        }
        assertTrue(messageByInput.get("not a url").contains("must be absolute"), messageByInput.toString());
        assertTrue(messageByInput.get("ftp://127.0.0.1/file").contains("unsupported scheme 'ftp'"));
        assertTrue(messageByInput.values().stream().anyMatch(m -> m.startsWith("malformed JSON line")));
        assertTrue(messageByInput.get("{\"url\": 5}").contains("'url' must be a string"));
        assertTrue(messageByInput.values().stream().anyMatch(m -> m.contains("unknown field 'extra'")));
        assertTrue(messageByInput.get("[1, 2]").contains("must be an object"));
        // the CR LF splits the line: neither half can smuggle a header into a request
        assertTrue(messageByInput.get("X-Injected: yes").contains("must be absolute"));
        JsonNode connect = records.stream().filter(r -> refused.equals(r.get("url").asText())).findFirst().orElseThrow();
        assertEquals("connect", connect.get("error").get("kind").asText());
        assertTrue(connect.get("status").isNull());
        long ok = records.stream().filter(r -> r.get("error").isNull()).count();
        assertEquals(2, ok, "the good line, and the first half of the split one: " + records);
        assertEquals(lines.size() + 1, records.size());
    }

    @Test
    void anEmptyOrMissingFileIsRefusedBeforeTheJobStarts() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Path comments = FlinkFixture.write(dir.resolve("comments.txt"), List.of("# only", "", "   "));
        Path out = dir.resolve("out");
        for (Path input : List.of(empty, comments)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> FetchJob.newBuilder(input.toString(), out.toString()).build());
            assertTrue(e.getMessage().contains("has no request lines"), e.getMessage());
        }
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> FetchJob.newBuilder(dir.resolve("nope.txt").toString(), out.toString()).build());
        assertTrue(missing.getMessage().contains("no such readable file"), missing.getMessage());
        IllegalArgumentException outIsFile = assertThrows(IllegalArgumentException.class,
                () -> FetchJob.newBuilder(FlinkFixture.write(dir.resolve("one.txt"), List.of("http://127.0.0.1/")).toString(),
                        empty.toString()).build());
        assertTrue(outIsFile.getMessage().contains("is a file"), outIsFile.getMessage());
    }

    @Test
    void failOnErrorFailsTheJobWithTheCallsKind() throws Exception {
        int closedPort = FlinkFixture.closedPort();
        Path urls = FlinkFixture.write(dir.resolve("urls.txt"),
                List.of(SERVER.url("/get"), "http://127.0.0.1:" + closedPort + "/get"));
        FetchJob job = FetchJob.newBuilder(urls.toString(), dir.resolve("out").toString()).failOnError(true)
                .restarts(0, Duration.ZERO).checkpointInterval(Duration.ofMillis(100)).build();

        Exception e = assertThrows(Exception.class, () -> job.execute(StreamExecutionEnvironment.getExecutionEnvironment()));
        SalvoCallException call = cause(e, SalvoCallException.class);
        assertEquals(ErrorKind.CONNECT, call.kind());
        assertTrue(call.getMessage().startsWith("connect: "), call.getMessage());
        FlinkFixture.await("Salvo's I/O threads to end", Duration.ofSeconds(20), () -> FlinkFixture.salvoIoThreads() == 0);
    }

    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in", e);
    }

    /** part-<uid>-<subtask>-<n>.jsonl in the order written: by n. */
    static List<Path> sortedByPartNumber(List<Path> files) {
        return files.stream().sorted(java.util.Comparator.comparingLong(p -> {
            String name = p.getFileName().toString();
            String stem = name.substring(0, name.length() - FetchJob.PART_SUFFIX.length());
            return Long.parseLong(stem.substring(stem.lastIndexOf('-') + 1));
        })).toList();
    }
}
