package dev.salvo.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.server.SalvoServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class BenchCommandTest {
    private static final AtomicLong SEEN = new AtomicLong();
    /** Wall-clock millis of the first request since the last reset to 0. */
    private static final AtomicLong FIRST_SEEN_AT = new AtomicLong();
    private static SalvoServer server;

    @BeforeAll
    static void start() {
        server = SalvoServer.start(dev.salvo.server.ServerConfig.newBuilder().accessLog(line -> {
            SEEN.incrementAndGet();
            FIRST_SEEN_AT.compareAndSet(0, System.currentTimeMillis());
        }).build());
    }

    /**
     * Waits (bounded, 20 s) until the access log has counted {@code count} requests since {@code before}: the log
     * line is written after the response. The 5 ms sleep is this bounded loop's poll interval.
     */
    private static long awaitSeen(long before, long count) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (SEEN.get() - before < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return SEEN.get() - before;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** What one command line printed and returned. */
    record Ran(int exit, String out, String err) {
    }

    static Ran bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OneLineErrors.install(new CommandLine(new BenchCommand()))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Ran(exit, out.toString(), err.toString());
    }

    @Test
    void countedRunPrintsTheReportAndWritesJsonAndHtml(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Path html = dir.resolve("r.html");
        long before = SEEN.get();

        Ran ran = bench(server.url("/get"), "-n", "300", "-c", "4", "--threads", "1", "-H", "X-Bench: yes",
                "--json", json.toString(), "--html", html.toString());

        assertEquals(0, ran.exit(), ran.err());
        assertTrue(ran.out().contains("Requests  300 in "), ran.out());
        assertTrue(ran.out().contains("Status    200: 300"), ran.out());
        assertTrue(ran.out().contains("Protocol  HTTP/1.1: 300"), ran.out());
        assertFalse(ran.err().contains("\r"), "no progress line when not on a terminal: " + ran.err());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(300, report.get("requests").asLong());
        assertEquals(300, report.get("status").get("200").asLong());
        assertTrue(Files.readString(html).contains("<svg"));
        assertEquals(300, awaitSeen(before, 300));
    }

    @Test
    void overHttp2TheReportsSayEveryResponseCameOnIt(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("h2.json");
        Ran ran = bench(server.url("/get"), "-n", "400", "-c", "2", "--http2", "--max-concurrent-streams", "8",
                "--threads", "1", "--json", json.toString());
        assertEquals(0, ran.exit(), ran.err());
        assertTrue(ran.out().contains("Protocol  HTTP/2: 400"), ran.out());
        assertFalse(ran.out().contains("HTTP/1.1"), ran.out());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(400, report.get("protocol").get("HTTP/2").asLong());
        assertEquals(1, report.get("protocol").size(), report.toString());
    }

    @Test
    void openModelWithABodyAndMethod() {
        Ran ran = bench(server.url("/post"), "-m", "POST", "-b", "{\"a\":1}", "-H", "Content-Type: application/json",
                "-R", "200", "-d", "1s", "--warmup", "0s", "-c", "4", "--transport", "jdk");

        assertEquals(0, ran.exit(), ran.err());
        assertTrue(ran.out().contains("Model     open, 200 req/s target"), ran.out());
        assertTrue(ran.out().contains("from intended send"), ran.out());
        assertTrue(ran.out().contains("Status    200: "), ran.out());
    }

    static List<List<String>> badInput() {
        String url = "http://127.0.0.1:1/";
        return List.of(
                List.of("http://exa mple.com/", "-n", "1"),
                List.of("ftp://127.0.0.1/", "-n", "1"),
                List.of("127.0.0.1:8080", "-n", "1"),
                List.of(url, "-n", "10", "-d", "1s"),
                List.of(url, "-c", "0"),
                List.of(url, "-n", "1", "--streams", "4"),
                List.of(url, "-n", "1", "--http2", "--streams", "0"),
                List.of(url, "-n", "1", "--http2", "--no-keepalive"),
                List.of(url, "-n", "-5"),
                List.of(url, "-R", "0"),
                List.of(url, "-R", "-3"),
                List.of(url, "-d", "0s"),
                List.of(url, "--timeout", "0"),
                List.of(url, "--threads", "0"),
                List.of(url, "-d", "soon"),
                List.of(url, "-H", "no colon here"),
                List.of(url, "-b", "x", "-B", "/etc/hostname"),
                List.of(url, "-B", "/no/such/file"),
                List.of(url, "--json", "/no/such/dir/r.json"),
                List.of(url, "--transport", "carrier-pigeon"),
                List.of(url, "--no-keepalive", "--transport", "jdk"),
                List.of(url, "--bogus"),
                List.of(url, "-n", "9223372036854775807"),
                List.of(url, "--slo", "p99<20"),
                List.of(url, "--slo", "p99<20ms", "--slo", "fast please"),
                List.of(url, "--start-at", "yesterday"),
                List.of(url, "--start-at", "2000-01-01T00:00:00Z"),
                List.of(url, "--start-at", "@99999999999"),
                List.of(url, "--start-at", "25:00"),
                List.of("-n", "1"),
                List.of("merge"),
                List.of("merge", "/no/such/report.json"),
                List.of("merge", "/etc/hostname"),
                List.of("merge", "/etc"));
    }

    @Test
    void aScenarioRunsItsFlowsAndABadOneIsOneLineNamingFileLineAndField(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), """
                flows:
                  - name: pair
                    steps:
                      - url: /get
                        extract: {origin: {json: /origin}}
                      - url: /anything/${origin}
                """);
        Ran ran = bench(server.url("/"), "--scenario", scenario.toString(), "-d", "1s", "--warmup", "0s", "-c", "2");
        assertEquals(0, ran.exit(), ran.err());
        assertTrue(ran.out().contains("Scenario  pair ×1 (2 steps)"), ran.out());
        assertTrue(ran.out().contains("Errors    none"), ran.out());

        Path bad = Files.writeString(dir.resolve("bad.yaml"), "flows:\n  - steps:\n      - url: /get\n        weight: 2\n");
        Ran refused = bench(server.url("/"), "--scenario", bad.toString(), "-d", "1s");
        assertEquals(2, refused.exit());
        assertEquals("Error: --scenario: " + bad + ":4: flows[0].steps[0].weight: unknown field; expected one of "
                + "[body, extract, headers, method, think, url]", refused.err().strip());
        assertTrue(bench(server.url("/"), "--scenario", scenario.toString(), "-n", "5").err()
                .contains("-n cannot be combined with --scenario"));
        assertTrue(bench(server.url("/"), "--scenario", "/no/such.yaml").err()
                .contains("--scenario: cannot read /no/such.yaml: no such file"));
    }

    @Test
    void aMissingBodyFileSaysWhy() {
        Ran ran = bench("http://127.0.0.1:1/", "-B", "/no/such/file");

        assertEquals("Error: -B: cannot read /no/such/file: no such file", ran.err().strip());
    }

    @Test
    void aHugeCountIsRefusedWithTheLimit() {
        Ran ran = bench("http://127.0.0.1:1/", "-n", "9223372036854775807");

        assertTrue(ran.err().startsWith("Error: -n must be at most 1,000,000,000,000"), ran.err());
    }

    @Test
    void objectivesThatHoldExitZeroAndOneThatFailsExitsThree(@TempDir Path dir) throws Exception {
        Ran met = bench(server.url("/get"), "-n", "200", "-c", "2", "--slo", "p99<30s", "--slo", "errors<0.1%");
        assertEquals(0, met.exit(), met.err());
        assertTrue(met.out().contains("all 2 objectives met"), met.out());

        Path json = dir.resolve("r.json");
        Ran missed = bench(server.url("/get"), "-n", "200", "-c", "2", "--slo", "p99<30s", "--slo", "rps>100000000",
                "--json", json.toString());
        assertEquals(BenchReports.SLO_FAILED, missed.exit(), missed.err());
        assertTrue(missed.out().contains("1 of 2 objectives FAILED"), missed.out());
        assertTrue(missed.err().contains("Error: 1 of 2 objectives failed"), missed.err());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertFalse(report.get("slo_passed").asBoolean());
        assertEquals("rps>100000000", report.get("slo").get(1).get("objective").asText());
        assertFalse(report.get("slo").get(1).get("passed").asBoolean());
    }

    @Test
    void twoReportsMergeIntoOneAndTheMergeCanCheckObjectives(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertEquals(0, bench(server.url("/get"), "-n", "300", "-c", "2", "--json", a.toString()).exit());
        assertEquals(0, bench(server.url("/get"), "-n", "200", "-c", "3", "--json", b.toString()).exit());
        Path merged = dir.resolve("m.json");

        Ran ran = bench("merge", a.toString(), b.toString(), "--json", merged.toString(), "--html",
                dir.resolve("m.html").toString());

        assertEquals(0, ran.exit(), ran.err());
        assertTrue(ran.out().contains("Requests  500 in "), ran.out());
        assertTrue(ran.out().contains("Merged    2 runs"), ran.out());
        assertTrue(ran.out().contains("closed, 5 connections"), ran.out());
        assertEquals(500, new ObjectMapper().readTree(merged.toFile()).get("status").get("200").asLong());
        Ran strict = bench("merge", a.toString(), b.toString(), "--slo", "p50<1us");
        assertEquals(BenchReports.SLO_FAILED, strict.exit(), strict.err());
        Ran damaged = bench("merge", a.toString(), Files.writeString(dir.resolve("x.json"), "{\"format\": 1}").toString());
        assertEquals(2, damaged.exit());
        assertTrue(damaged.err().contains("x.json: field 'format'"), damaged.err());
    }

    @Test
    void startAtWaitsForTheGivenSecond() throws InterruptedException {
        long startEpoch = java.time.Instant.now().getEpochSecond() + 2;
        long before = SEEN.get();
        FIRST_SEEN_AT.set(0);
        long launched = System.currentTimeMillis();

        Ran ran = bench(server.url("/get"), "-n", "50", "-c", "1", "--start-at", "@" + startEpoch);

        assertEquals(0, ran.exit(), ran.err());
        assertEquals(50, awaitSeen(before, 50));
        assertTrue(FIRST_SEEN_AT.get() >= startEpoch * 1000, "no request before the start time: "
                + (FIRST_SEEN_AT.get() - startEpoch * 1000) + " ms");
        assertTrue(FIRST_SEEN_AT.get() - startEpoch * 1000 < 1000, "and the first soon after it");
        assertTrue(System.currentTimeMillis() - launched < 10_000, "ends in time");
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputIsOneLineAndExitTwo(List<String> args) {
        long start = System.nanoTime();
        Ran ran = bench(args.toArray(String[]::new));

        assertEquals(2, ran.exit(), ran.err());
        assertTrue(ran.err().startsWith("Error: "), ran.err());
        assertEquals(1, ran.err().strip().lines().count(), "one line: " + ran.err());
        assertEquals("", ran.out());
        assertTrue((System.nanoTime() - start) / 1e9 < 2, "no run started");
    }

    @Test
    void aDeadTargetEndsOnTimeWithExitOneAndTheErrorsCounted() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        long start = System.nanoTime();
        Ran ran = bench("http://127.0.0.1:" + port + "/", "-d", "1s", "--warmup", "0s", "-c", "4");

        assertTrue((System.nanoTime() - start) / 1e9 < 4, "ends on time");
        assertEquals(1, ran.exit(), ran.err());
        assertTrue(ran.out().contains("connect: "), ran.out());
        assertTrue(ran.err().startsWith("Error: no responses: all "), ran.err());
    }
}
