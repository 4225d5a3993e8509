package dev.salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BatchesCommandTest {
    private static final String TIME = "\\d+\\.\\d\\d";
    @RegisterExtension
    static final QuickServer server = new QuickServer();

    @TempDir
    Path dir;

    @Test
    void theSeedsBatchesRunConcurrentlyInOrderWithinEach() throws IOException {
        String post = "{\"method\": \"POST\", \"url\": \"" + server.url("/delay/0.1") + "\", \"json\": {\"test\": \"someData\"}}";
        CliRun run = CliRun.of("batches", "-f", file("[[%1$s, %1$s], [%1$s, %1$s, %1$s], [%1$s, %1$s]]".formatted(post)));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(7 + 3 + 2, run.out().size(), run::toString);
        int[] next = new int[3];
        for (String line : run.out().subList(0, 10)) {
            if (line.startsWith("Batch #")) {
                assertTrue(Pattern.matches("Batch #[0-2] -- URL #[0-2] " + TIME, line), line);
                int batch = line.charAt(7) - '0';
                int url = line.charAt(line.indexOf("URL #") + 5) - '0';
                assertEquals(next[batch]++, url, () -> "steps in order within a batch: " + run);
            } else {
                assertTrue(Pattern.matches("\\*\\* Batch #[0-2] completed: " + TIME, line), line);
            }
        }
        assertEquals(List.of(2, 3, 2), List.of(next[0], next[1], next[2]));
        run.assertLine(10, "Total time for all batches: " + TIME)
                .assertLine(11, Pattern.quote("[[200, 200], [200, 200, 200], [200, 200]]"));
        double total = Double.parseDouble(run.out().get(10).substring("Total time for all batches: ".length()));
        double steps = run.out().stream().filter(l -> l.startsWith("Batch #"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertTrue(total >= 0.3 && total < steps, () -> "batches overlap: the total is below the sum of the steps: " + run);
    }

    @Test
    void sequentialRunsOneBatchAfterAnother() throws IOException {
        String get = "{\"url\": \"" + server.url("/get") + "\"}";
        CliRun run = CliRun.of("batches", "--sequential", "-f", file("{\"batches\": [[%1$s], [%1$s, %1$s]]}".formatted(get)));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("Batch #0 -- URL #0", "** Batch #0 completed:", "Batch #1 -- URL #0", "Batch #1 -- URL #1",
                "** Batch #1 completed:"), run.out().subList(0, 5).stream().map(l -> l.substring(0, l.lastIndexOf(' '))).toList());
    }

    @Test
    void aFailedStepEndsOnlyItsBatch() throws IOException {
        String dead = "{\"url\": \"" + TestServers.deadUrl() + "/get\"}";
        String good = "{\"url\": \"" + server.url("/get") + "\"}";
        CliRun run = CliRun.of("batches", "-f", file("{\"batches\": [[%s, %s], [%s, %s]]}".formatted(dead, good, good, good)));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().stream().anyMatch(l -> Pattern.matches("Batch #0 -- URL #0 " + TIME + " error: ConnectFailedException: .*", l)), run::toString);
        assertTrue(run.out().stream().anyMatch(l -> Pattern.matches("\\*\\* Batch #0 failed: " + TIME, l)), run::toString);
        assertTrue(run.out().stream().noneMatch(l -> l.startsWith("Batch #0 -- URL #1")), run::toString);
        assertEquals("[[ERR], [200, 200]]", run.out().get(run.out().size() - 1));
    }

    @Test
    void theExampleFileIsTheSeedsBatches() {
        List<List<dev.salvo.client.Request>> batches = dev.salvo.cli.batches.BatchFile.read(Path.of("examples/seed-batches.json"));
        assertEquals(List.of(2, 3, 2), batches.stream().map(List::size).toList());
        assertTrue(batches.stream().flatMap(List::stream).allMatch(r -> r.method().equals("POST")
                && java.nio.charset.StandardCharsets.UTF_8.decode(r.body().bytes().orElseThrow()).toString().equals("{\"test\":\"someData\"}")));
    }

    @Test
    void malformedJsonIsOneLineWithItsPlace() throws IOException {
        CliRun.of("batches", "-f", file("{\"batches\": [[{\"url\": }]]}")).assertBadInput("malformed JSON at line 1, column");
    }

    @Test
    void aWrongShapeNamesTheField() throws IOException {
        CliRun.of("batches", "-f", file("{\"batches\": [[{\"url\": \"http://127.0.0.1:1/\", \"verb\": \"GET\"}]]}"))
                .assertBadInput("batches[0][0]: unknown field 'verb'");
        CliRun.of("batches", "-f", file("{\"batches\": [[{\"method\": \"GET\"}]]}")).assertBadInput("batches[0][0].url");
        CliRun.of("batches", "-f", file("{\"batches\": []}")).assertBadInput("at least one batch");
        CliRun.of("batches", "-f", file("[1, 2]")).assertBadInput("expected {\"batches\"");
        CliRun.of("batches", "-f", file("{\"batches\": [[{\"url\": \"not a url\"}]]}")).assertBadInput("batches[0][0]");
    }

    @Test
    void aMissingFileIsBadInput() {
        CliRun.of("batches", "-f", dir.resolve("none.json").toString()).assertBadInput("no such file");
        CliRun.of("batches").assertBadInput("--file");
    }

    private String file(String json) throws IOException {
        String text = json.startsWith("[[") ? "{\"batches\": " + json + "}" : json;
        Path file = Files.createTempFile(dir, "batches", ".json");
        Files.writeString(file, text);
        return file.toString();
    }
}
