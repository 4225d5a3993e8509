package dev.salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void servesLogsEachRequestAndStopsCleanlyOnCtrlC() throws Exception {
        try (Subprocess serve = Subprocess.start("serve", "--port", "0", "--strategy", "threads", "--threads", "2")) {
            String banner = serve.awaitErr(line -> line.startsWith("Serving on "), WAIT);
            Matcher url = Pattern.compile("Serving on (http://127\\.0\\.0\\.1:\\d+)/ \\(strategy threads\\)").matcher(banner);
            assertTrue(url.find(), banner);
            try (Salvo client = Salvo.create()) {
                Response howdy = client.sendBlocking(Request.get(url.group(1) + "/?cost=0.05"));
                assertEquals(200, howdy.status());
                assertEquals("Howdy!\r\n", howdy.bodyString());
                assertEquals(200, client.sendBlocking(Request.get(url.group(1) + "/get?x=1")).status());
            }
            serve.awaitErr(line -> line.contains("\"GET /?cost=0.05 HTTP/1.1\" 200"), WAIT);
            serve.awaitErr(line -> line.contains("\"GET /get?x=1 HTTP/1.1\" 200"), WAIT);
            serve.interrupt();
            assertEquals(130, serve.awaitExit(WAIT), serve.err()::toString);
            assertTrue(serve.err().contains("Stopped."), serve.err()::toString);
            assertTrue(serve.err().stream().noneMatch(line -> line.contains("Exception") || line.startsWith("\tat ")),
                    serve.err()::toString);
        }
    }

    @Test
    void quietServesWithoutAccessLog() throws Exception {
        try (Subprocess serve = Subprocess.start("serve", "--port", "0", "--quiet")) {
            String banner = serve.awaitErr(line -> line.startsWith("Serving on "), WAIT);
            String base = banner.substring("Serving on ".length(), banner.indexOf("/ ("));
            try (Salvo client = Salvo.create()) {
                assertEquals(200, client.sendBlocking(Request.get(base + "/get")).status());
            }
            serve.interrupt();
            assertEquals(130, serve.awaitExit(WAIT));
            assertTrue(serve.err().stream().noneMatch(line -> line.contains("GET /get")), serve.err()::toString);
        }
    }

    @Test
    void badFlagsAreOneLine() {
        CliRun.of("serve", "--strategy", "warp").assertBadInput("unknown strategy 'warp'");
        CliRun.of("serve", "--port", "70000").assertBadInput("port");
        CliRun.of("serve", "--max-duration", "soon").assertBadInput("'soon' is not a duration");
        CliRun.of("serve", "--max-body", "huge").assertBadInput("'huge' is not a size");
        CliRun.of("serve", "--threads", "0").assertBadInput("threads");
    }

    @Test
    void aTakenPortIsOneLineAndExitTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("serve", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(2, run.exitCode(), run::toString);
            assertEquals(List.of("Error: port " + taken.getLocalPort() + " is in use"), run.err(), run::toString);
            assertTrue(run.out().isEmpty(), run::toString);
        }
    }

    @Test
    void accessLogGoesToAFileSampledAndNotToTheTerminal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("access.log");
        try (Subprocess serve = Subprocess.start("serve", "--port", "0", "--access-log", file.toString(), "--access-log-sample", "3")) {
            String banner = serve.awaitErr(line -> line.startsWith("Serving on "), WAIT);
            String base = banner.substring("Serving on ".length(), banner.indexOf("/ ("));
            try (Salvo client = Salvo.create()) {
                for (int i = 0; i < 9; i++) {
                    assertEquals(200, client.sendBlocking(Request.get(base + "/get?n=" + i)).status());
                }
            }
            URI uri = URI.create(base);
            try (Socket raw = new Socket(uri.getHost(), uri.getPort())) { // a client library would refuse to send it
                raw.getOutputStream().write("GET /get?a=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertTrue(new String(raw.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 400 "));
            }
            serve.interrupt();
            assertEquals(130, serve.awaitExit(WAIT));
            List<String> lines = Files.readAllLines(file);
            assertEquals(List.of("/get?n=0", "/get?n=3", "/get?n=6", "/get?a=%zz"),
                    lines.stream().map(l -> l.substring(l.indexOf("\"GET ") + 5, l.indexOf(" HTTP/1.1"))).toList(), lines::toString);
            assertTrue(serve.err().stream().noneMatch(line -> line.contains("GET /") || line.contains("Exception")
                    || line.startsWith("\tat ")), serve.err()::toString);
        }
    }

    @Test
    void badAccessLogFlagsAreOneLine(@TempDir Path dir) {
        CliRun.of("serve", "--access-log-sample", "0").assertBadInput("--access-log-sample");
        CliRun.of("serve", "--port", "0", "--access-log", dir.resolve("no/such/dir/log").toString()).assertBadInput("cannot write the access log");
        CliRun.of("serve", "--head-timeout", "never").assertBadInput("'never' is not a duration");
        CliRun.of("serve", "--max-connections", "0").assertBadInput("maxConnections");
    }
}
