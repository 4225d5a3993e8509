package dev.salvo.flink.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code salvo flink-fetch}: the embedded MiniCluster run, and one-line refusals of bad usage. */
class FlinkFetchMainTest {
    static final FlinkFixture.CountingServer SERVER = new FlinkFixture.CountingServer();

    @TempDir
    Path dir;

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FlinkFetchMain.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void runsOnAnEmbeddedMiniClusterAndSumsUp() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add(SERVER.url("/get?i=" + i));
        }
        Path urls = FlinkFixture.write(dir.resolve("urls.txt"), lines);
        Path out = dir.resolve("out");

        Run run = run("--urls", urls.toString(), "--out", out.toString(), "--parallelism", "2", "--ordered",
                "-c", "8", "--checkpoint-interval", "100ms");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("50 records in "), run.out());
        assertTrue(run.out().contains(": 0 errors;"), run.out());
        assertEquals(50, CommittedOutput.read(out).records());
        assertEquals("", run.err(), "quiet unless -v");
    }

    @Test
    void aFailedRequestMakesExitCodeOne() throws Exception {
        Path urls = FlinkFixture.write(dir.resolve("urls.txt"), List.of(SERVER.url("/get"), "mailto:someone@example.com"));
        Run run = run("--urls", urls.toString(), "--out", dir.resolve("out").toString(), "--checkpoint-interval", "100ms");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().contains("2 records in") && run.out().contains(": 1 errors;"), run.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--parallelism 0|parallelism must be positive",
        "-c 0|maxInFlight must be positive",
        "--max-per-host -3|maxPerHost must be positive",
        "--deadline 40s --timeout 30s|Salvo's deadline (PT40S) must be below Flink's async timeout (PT30S)",
        "--deadline soon|not a duration: 'soon'",
        "--checkpoint-interval 1ms|checkpoint interval must be at least 10 ms",
        "--retries -1|--retries must not be negative",
        "--jobmanager nohost|--jobmanager must be HOST:PORT, got 'nohost'",
        "--jobmanager host:99999|--jobmanager must be HOST:PORT",
        "--bogus|Unknown option: '--bogus'",
    })
    void badUsageIsRefusedOnOneLine(String extra, String message) throws Exception {
        Path urls = FlinkFixture.write(dir.resolve("urls.txt"), List.of(SERVER.url("/get")));
        List<String> args = new ArrayList<>(List.of("--urls", urls.toString(), "--out", dir.resolve("out").toString()));
        args.addAll(List.of(extra.split(" ")));
        Run run = run(args.toArray(String[]::new));
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertTrue(run.err().startsWith("Error: "), run.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void versionNamesSalvoFlinkAndJava() {
        Run run = run("--version");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("salvo flink-fetch ") && run.out().contains("Apache Flink 2.3.0"), run.out());
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Run run = run("--urls", empty.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, run.exit());
        assertEquals("Error: --urls " + empty + " has no request lines (it is empty, or only blank and # lines)",
                run.err().strip());
    }
}
