package dev.salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.server.SalvoServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SearchCommandTest {
    private static final String ELAPSED = "Elapsed Time: \\d:\\d\\d:\\d\\d\\.\\d{6}";
    @RegisterExtension
    static final QuickServer server = new QuickServer();

    @Test
    void syncAndAsyncPrintTheSeedsOneLine() {
        CliRun sync = CliRun.of("search", "sync", "--count", "6", "--server", server.url("/"));
        assertEquals(0, sync.exitCode(), sync::toString);
        assertEquals(1, sync.out().size(), sync::toString);
        sync.assertLine(0, ELAPSED);
        CliRun async = CliRun.of("search", "async", "--count", "6", "--pool", "6", "--server", server.url("/"));
        assertEquals(0, async.exitCode(), async::toString);
        async.assertLine(0, ELAPSED);
        assertTrue(seconds(sync) >= 6 * 0.05, sync::toString);
        assertTrue(seconds(async) < seconds(sync), () -> sync + "\n" + async);
    }

    @Test
    void aWrongModeIsTheSeedsMessageAndExitTwo() {
        for (String[] args : List.of(new String[] {"search", "fast"}, new String[] {"search"},
                new String[] {"search", "SYNC"})) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), run::toString);
            assertEquals(List.of("Error: Must supply either of: ['sync', 'async']"), run.err());
            assertTrue(run.out().isEmpty());
        }
    }

    @Test
    void aDeadServerIsOneLineAndExitOne() {
        CliRun run = CliRun.of("search", "sync", "--server", TestServers.deadUrl());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.err().size(), run::toString);
        assertTrue(run.err().get(0).startsWith("Error: POST http://127.0.0.1:") && run.err().get(0).contains("/services/auth/login"),
                run::toString);
    }

    @Test
    void aServerWithoutTheApiIsOneLineAndExitOne() {
        try (SalvoServer other = TestServers.quick()) {
            CliRun run = CliRun.of("search", "sync", "--server", other.url("/status/418"));
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().get(0).startsWith("Error: could not log in: HTTP "), run::toString);
        }
    }

    private static double seconds(CliRun run) {
        String clock = run.out().get(0).substring("Elapsed Time: ".length());
        String[] parts = clock.split(":");
        return Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60 + Double.parseDouble(parts[2]);
    }
}
