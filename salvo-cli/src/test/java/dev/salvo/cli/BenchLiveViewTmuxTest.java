package dev.salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.server.SalvoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salvo bench}'s live view in a real terminal: tmux runs it in a pane, the test reads the
 * screen, presses Ctrl-C and checks the view gave way to a clean partial report.
 */
class BenchLiveViewTmuxTest {
    private static final Path TMUX = Path.of("/usr/bin/tmux");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final String socket = "salvo-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @Test
    void theViewCountsDownTheWarmupShowsTheRunAndCtrlCLeavesTheReport() throws Exception {
        if (!Files.isExecutable(TMUX)) {
            throw new AssertionError("tmux is needed for this test (apt-get install -y tmux; see bin/install-test-tools.sh)");
        }
        try (SalvoServer server = SalvoServer.start()) {
            Path script = dir.resolve("run.sh");
            List<String> java = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8"));
            if (Runtime.version().feature() >= 24) {
                java.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
            }
            java.addAll(List.of("-cp", "'" + System.getProperty("java.class.path") + "'", "dev.salvo.cli.Main", "bench",
                    server.url("/get"), "-c", "2", "--threads", "1", "-d", "60s", "--warmup", "3s"));
            Files.writeString(script, String.join(" ", java) + "\necho \"exit=$?\"\nsleep 60\n", StandardCharsets.UTF_8);
            tmux("new-session", "-d", "-s", "bench", "-x", "100", "-y", "45", "bash " + script);
            try {
                screen(s -> s.contains("warming up") && s.contains("s left"));
                String running = screen(s -> s.contains("req/s now") && s.matches("(?s).*p99 \\d+\\.\\d{3} ms.*")
                        && s.contains("status  200: "));
                assertTrue(running.contains("% ") && running.contains("/ 60.0s") && running.contains("errors  none"),
                        running);
                assertFalse(running.contains("warming up"), "the countdown gave way to the view:\n" + running);

                tmux("send-keys", "-t", "bench", "C-c");
                String end = screen(s -> s.contains("exit="));

                assertTrue(end.contains("exit=130"), end);
                assertTrue(end.contains("(stopped early: partial result)"), end);
                assertTrue(end.contains("Status    200: "), end);
                assertFalse(end.contains("req/s now"), "the view is erased:\n" + end);
                assertFalse(end.contains("Stopping."), "no stop message glued to the view:\n" + end);
                List<String> lines = end.lines().filter(l -> !l.isBlank()).toList();
                assertTrue(lines.get(0).startsWith("Target    GET "), "the report starts on the first line, clean:\n" + end);
            } finally {
                tmux("kill-server");
            }
        }
    }

    /** Polls the pane until its text passes {@code test}; returns that text. */
    private String screen(Predicate<String> test) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = tmux("capture-pane", "-p", "-t", "bench");
            if (test.test(text)) {
                return text;
            }
            Thread.sleep(50); // the poll interval of this bounded loop (tmux has no change signal), not synchronisation
        }
        throw new AssertionError("the screen never showed what was expected within " + WAIT + ":\n" + text);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TMUX.toString(), "-u", "-L", socket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || (process.exitValue() != 0 && !args[0].equals("kill-server"))) {
            throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
