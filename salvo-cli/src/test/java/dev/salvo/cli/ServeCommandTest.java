package dev.salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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
    void aTakenPortIsOneLineAndExitOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("serve", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(1, run.exitCode(), run::toString);
            assertEquals(1, run.err().size(), run::toString);
            assertTrue(run.err().get(0).startsWith("Error: cannot serve on 127.0.0.1:" + taken.getLocalPort()), run::toString);
        }
    }
}
