package dev.salvo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.Request;
import dev.salvo.server.SalvoServer;
import dev.salvo.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioTest {
    private static final Pattern REQUEST_LINE = Pattern.compile("\"([A-Z]+) (\\S+) HTTP");
    private static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();
    private static SalvoServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = SalvoServer.start(ServerConfig.newBuilder().accessLog(line -> {
            Matcher m = REQUEST_LINE.matcher(line);
            if (m.find()) {
                SEEN.add(m.group(1) + " " + m.group(2));
            }
        }).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static BenchResult run(Scenario scenario, BenchConfig.Builder config) throws Exception {
        try (var transport = LoadTransport.NETTY.open(8, 1, true, Duration.ofSeconds(2))) {
            return BenchRun.start(config.scenario(scenario).build(), transport).await();
        }
    }

    private static BenchConfig.Builder closed(int connections, Duration duration) {
        return BenchConfig.builder(Request.get(server.url("/"))).connections(connections).duration(duration)
                .warmup(Duration.ZERO);
    }

    @Test
    void weightedFlowsUseCsvRowsAndCarryExtractedValuesToTheNextStep() throws Exception {
        write("users.csv", "user,team\nada,\"red, blue\"\nbob,green\n");
        Path file = write("s.yaml", """
                variables: users.csv
                flows:
                  - name: browse
                    weight: 3
                    steps:
                      - url: /get?user=${user}
                  - name: login
                    steps:
                      - method: post
                        url: /post
                        headers: {Content-Type: application/json}
                        body: '{"user": "${user}", "team": "${team}"}'
                        extract:
                          who: {json: /json/user}
                          kind: {header: Content-Type}
                      - url: /anything/${who}
                        headers: {X-Kind: "${kind}"}
                """);
        Scenario scenario = Scenario.read(file);
        assertEquals(List.of(Map.of("user", "ada", "team", "red, blue"), Map.of("user", "bob", "team", "green")),
                scenario.rows(), "CSV quoting is honoured");
        SEEN.clear();

        BenchResult result = run(scenario, closed(4, Duration.ofMillis(1500)));

        assertEquals(0, result.errorCount(), result.errors().toString());
        List<String> seen = List.copyOf(SEEN);
        long gets = seen.stream().filter(s -> s.startsWith("GET /get?user=")).count();
        long posts = seen.stream().filter(s -> s.equals("POST /post")).count();
        List<String> follow = seen.stream().filter(s -> s.startsWith("GET /anything/")).toList();
        assertTrue(posts > 10, seen.size() + " requests");
        assertEquals(3.0, (double) gets / posts, 0.6, "browse starts three times as often as login");
        assertTrue(Math.abs(follow.size() - posts) <= 4, "each login's second step follows its first");
        assertTrue(follow.stream().allMatch(s -> s.equals("GET /anything/ada") || s.equals("GET /anything/bob")), follow.toString());
        assertTrue(follow.contains("GET /anything/ada") && follow.contains("GET /anything/bob"), "rows in turn");
        assertTrue(TextReport.render(result).contains("Scenario  browse ×3 (1 step), login ×1 (2 steps), 2 variable rows"),
                TextReport.render(result));
    }

    @Test
    void aValueMissingFromTheResponseEndsTheFlowAsAnError() throws Exception {
        Scenario scenario = Scenario.read(write("s.json", """
                {"flows": [{"name": "lost", "steps": [
                  {"url": "/get", "extract": {"token": {"json": "/no/such/field"}}},
                  {"url": "/never/${token}"}]}]}
                """));
        SEEN.clear();

        BenchResult result = run(scenario, closed(1, Duration.ofMillis(500)));

        assertTrue(result.errorCount(ErrorKind.OTHER) > 0);
        assertEquals(result.requests(), result.errorCount(), "every /get failed its extraction");
        String message = result.errors().get(ErrorKind.OTHER).messages().keySet().iterator().next();
        assertEquals("flow 'lost' step 1: no value for token (/no/such/field) in the response", message);
        assertTrue(SEEN.stream().noneMatch(s -> s.contains("/never/")), "the second step never left");
    }

    @Test
    void thinkTimePausesBetweenSteps() throws Exception {
        Scenario scenario = Scenario.read(write("s.yaml", """
                think: 100ms
                flows:
                  - steps:
                      - url: /get
                      - url: /get
                """));

        BenchResult result = run(scenario, closed(1, Duration.ofSeconds(1)));

        assertTrue(result.requests() >= 4 && result.requests() <= 22,
                "two requests per 100 ms at most on one slot (a pause between the steps): " + result.requests());
    }

    @Test
    void theOpenModelRateCountsFlowStarts() throws Exception {
        Scenario scenario = Scenario.read(write("s.yaml", """
                flows:
                  - steps: [{url: /get}, {url: /get}, {url: /get}]
                """));

        BenchResult result = run(scenario, closed(16, Duration.ofSeconds(2)).rate(30));

        assertTrue(result.requests() > 100 && result.requests() <= 190,
                "30 flow starts a second for 2 s, three requests each: " + result.requests());
    }

    @Test
    void aCountedScenarioRunIsRefused() throws Exception {
        Scenario scenario = Scenario.read(write("s.yaml", "flows: [{steps: [{url: /get}]}]"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchConfig.builder(Request.get(server.url("/"))).requests(5).scenario(scenario).build());
        assertTrue(e.getMessage().contains("timed"), e.getMessage());
    }

    @Test
    void aHeaderValueCannotSmuggleAnotherHeader() throws Exception {
        Path file = write("inject.yaml", "flows:\n  - steps:\n      - url: /\n        headers: {X-A: \"a\\r\\nX-Injected: 1\"}\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.read(file));
        assertTrue(e.getMessage().endsWith(":4: flows[0].steps[0].headers.X-A: a header value cannot hold a line break"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "flows:\\n  - steps:\\n      - url: /get\\n        wait: 1s|:4: flows[0].steps[0].wait: unknown field",
        "flows:\\n  - weight: 0\\n    steps: [{url: /get}]|:2: flows[0].weight: '0' is not a whole number",
        "flows:\\n  - steps:\\n      - url: /get\\n        think: 5 parsecs|:4: flows[0].steps[0].think: '5 parsecs' is not a time",
        "flows:\\n  - steps:\\n      - url: /get/${nobody}|:3: flows[0].steps[0].url: ${nobody} is neither",
        "flows:\\n  - steps:\\n      - method: GET|:3: flows[0].steps[0].url: is missing",
        "flows: [\\n  {steps: |: not valid YAML or JSON",
        "variables: nowhere.csv\\nflows: [{steps: [{url: /}]}]|:1: variables: no such file",
        "flows: []|:1: flows: give a list",
        "42|: a scenario is a mapping",
        "flows:\\n  - steps:\\n      - url: /\\n        method: 'GET /x'|:4: flows[0].steps[0].method: 'GET /X' is not an HTTP method",
    })
    void errorsNameTheFileTheLineAndTheField(String yaml, String expected) throws Exception {
        Path file = write("bad.yaml", yaml.replace("\\n", "\n").replace("\\r", "\r"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "'" + expected + "' in: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
