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
    private static SalvoServer server;

    @BeforeAll
    static void start() {
        server = SalvoServer.start(dev.salvo.server.ServerConfig.builder().accessLog(line -> SEEN.incrementAndGet()).build());
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
        assertFalse(ran.err().contains("\r"), "no progress line when not on a terminal: " + ran.err());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals(300, report.get("requests").asLong());
        assertEquals(300, report.get("status").get("200").asLong());
        assertTrue(Files.readString(html).contains("<svg"));
        Thread.sleep(200);
        assertEquals(300, SEEN.get() - before);
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
                List.of(url, "--bogus"));
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
