package dev.salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What is per process: Ctrl-C and the logging set-up, checked on a real {@code salvo} process. */
class SignalsAndLoggingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    static final QuickServer server = new QuickServer();

    @Test
    void verboseLogsEachCallWithThreadNamesAndRequestIds() throws Exception {
        try (Subprocess fetch = Subprocess.start("fetch", "-v", "--mode", "sync", server.url("/get"))) {
            assertEquals(0, fetch.awaitExit(WAIT), fetch.err()::toString);
            assertTrue(fetch.err().stream().anyMatch(line -> line.matches(".*DEBUG.*\\[[^\\]]+\\] #\\d+ (queued|started) .*")),
                    fetch.err()::toString);
        }
    }

    @Test
    void aFailedUrlReadsInPlainWordsAndVerboseAddsTheExceptionChain() throws Exception {
        String dead = TestServers.deadUrl() + "/x";
        try (Subprocess plain = Subprocess.start("fetch", dead)) {
            assertEquals(1, plain.awaitExit(WAIT), plain.err()::toString);
            assertTrue(plain.out().stream().anyMatch(line -> line.endsWith(" error: connection refused")), plain.out()::toString);
            assertTrue(plain.err().isEmpty(), plain.err()::toString);
        }
        try (Subprocess verbose = Subprocess.start("fetch", "-v", dead)) {
            assertEquals(1, verbose.awaitExit(WAIT), verbose.err()::toString);
            assertTrue(verbose.err().stream().anyMatch(line -> line.contains(dead + " failed: ConnectFailedException")),
                    verbose.err()::toString);
            assertTrue(verbose.err().stream().anyMatch(line -> line.startsWith("Caused by: ")), verbose.err()::toString);
        }
    }

    @Test
    void quietByDefault() throws Exception {
        try (Subprocess fetch = Subprocess.start("fetch", "--mode", "sync", server.url("/get"))) {
            assertEquals(0, fetch.awaitExit(WAIT), fetch.err()::toString);
            assertTrue(fetch.err().stream().noneMatch(line -> line.contains("DEBUG") || line.contains("INFO")),
                    fetch.err()::toString);
            assertEquals(4, fetch.out().size(), fetch.out()::toString);
        }
    }

    @Test
    void ctrlCStopsAFetchCleanly() throws Exception {
        try (Subprocess fetch = Subprocess.start("fetch", "--mode", "async", server.url("/delay/8"))) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!fetch.out().contains("**** ASYNC ****") && System.nanoTime() < deadline) {
                Thread.sleep(20); // poll interval of a bounded wait for the banner
            }
            while (server.inFlight() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5); // poll interval of a bounded wait until the call is in flight at the server
            }
            assertEquals(1, server.inFlight(), "the fetch's call never reached the server");
            long interrupted = System.nanoTime();
            fetch.interrupt();
            assertEquals(130, fetch.awaitExit(WAIT), fetch.err()::toString);
            assertTrue((System.nanoTime() - interrupted) / 1e9 < 5, "stops well before the 8 s call ends");
            assertTrue(fetch.err().contains("Stopping."), fetch.err()::toString);
            assertTrue(fetch.err().stream().noneMatch(line -> line.contains("Exception") || line.startsWith("\tat ")),
                    fetch.err()::toString);
        }
    }
}
