package dev.salvo.cli.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.cli.CliRun;
import dev.salvo.cli.TestServers;
import dev.salvo.server.SalvoServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code salvo fetch} flag beyond the seed's, against real servers on loopback, bad values included. */
class FetchOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SalvoServer server;

    @BeforeAll
    static void start() {
        server = TestServers.quick();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void methodHeadersAndBodyReachTheServer() throws IOException {
        try (RecordingServer recording = new RecordingServer(200)) {
            CliRun run = CliRun.of("fetch", "-X", "PUT", "-H", "X-Test: yes", "-H", "Content-Type: text/plain",
                    "-d", "hello=1", recording.url("/put"));
            assertEquals(0, run.exitCode(), run::toString);
            RecordingServer.Received got = recording.received().get(0);
            assertEquals("PUT /put HTTP/1.1", got.requestLine(), got::toString);
            assertTrue(got.hasHeader("X-Test: yes") && got.hasHeader("Content-Type: text/plain"), got::toString);
            assertEquals("hello=1", got.body());
        }
    }

    @Test
    void dataAlonePostsAFormAndReadsFiles(@TempDir Path dir) throws IOException {
        Path body = dir.resolve("body.json");
        Files.writeString(body, "{\"a\": 1}");
        try (RecordingServer recording = new RecordingServer(200)) {
            assertEquals(0, CliRun.of("fetch", "-d", "a=1", recording.url("/form")).exitCode());
            assertEquals(0, CliRun.of("fetch", "-d", "@" + body, recording.url("/file")).exitCode());
            RecordingServer.Received form = recording.received().get(0);
            assertEquals("POST /form HTTP/1.1", form.requestLine());
            assertTrue(form.hasHeader("Content-Type: application/x-www-form-urlencoded"), form::toString);
            assertEquals("{\"a\": 1}", recording.received().get(1).body());
        }
        CliRun.of("fetch", "-d", "@" + dir.resolve("missing"), server.url("/post")).assertBadInput("no such file");
        CliRun.of("fetch", "-d", "@" + dir, server.url("/post")).assertBadInput("-d");
    }

    @Test
    void dataFromStandardInput() throws IOException {
        try (RecordingServer recording = new RecordingServer(200)) {
            CliRun run = withStdin("piped body", "fetch", "-d", "@-", recording.url("/stdin"));
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals("piped body", recording.received().get(0).body());
        }
    }

    @Test
    void badMethodsAndHeadersAreBadInputAndNothingIsSent() throws IOException {
        try (RecordingServer recording = new RecordingServer(200)) {
            String url = recording.url("/x");
            CliRun.of("fetch", "-X", "GE T", url).assertBadInput("method must be an HTTP token");
            CliRun.of("fetch", "-X", "", url).assertBadInput("-X");
            CliRun.of("fetch", "-H", "no colon", url).assertBadInput("expected 'Name: value'");
            CliRun.of("fetch", "-H", ": empty name", url).assertBadInput("expected 'Name: value'");
            CliRun.of("fetch", "-H", "X-Evil: a\r\nInjected: 1", url).assertBadInput("forbidden character");
            CliRun.of("fetch", "-H", "Bad Name: v", url).assertBadInput("not allowed in a token");
            assertTrue(recording.received().isEmpty(), () -> "sent: " + recording.received());
        }
    }

    @Test
    void timeoutEndsASlowUrlInPlainWords() {
        CliRun run = CliRun.of("fetch", "--timeout", "200ms", server.url("/delay/3"), server.url("/get"));
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().stream().anyMatch(l -> l.matches(".*/delay/3 \\d+\\.\\d\\d error: timed out")), run::toString);
        run.assertLine(4, "\\[ERR, 200\\]");
        CliRun.of("fetch", "--timeout", "soon", server.url("/get")).assertBadInput("not a duration");
        CliRun.of("fetch", "--timeout", "-1s", server.url("/get")).assertBadInput("negative");
        CliRun.of("fetch", "--timeout", "0", server.url("/get")).assertBadInput("more than 0");
    }

    @Test
    void retriesRepeatA503UntilItSucceeds() throws IOException {
        try (RecordingServer flaky = new RecordingServer(503, 503, 200)) {
            CliRun run = CliRun.of("fetch", "--retries", "2", flaky.url("/flaky"));
            assertEquals(0, run.exitCode(), run::toString);
            run.assertLine(3, "\\[200\\]");
            assertEquals(3, flaky.received().size());
        }
        try (RecordingServer flaky = new RecordingServer(503, 200)) {
            CliRun run = CliRun.of("fetch", flaky.url("/flaky"));
            run.assertLine(3, "\\[503\\]");
            assertEquals(1, flaky.received().size(), "no retries by default");
        }
        CliRun.of("fetch", "--retries", "-1", server.url("/get")).assertBadInput("--retries must be 0..10");
        CliRun.of("fetch", "--retries", "1000000", server.url("/get")).assertBadInput("--retries must be 0..10");
        CliRun.of("fetch", "--retries", "two", server.url("/get")).assertBadInput("two");
    }

    @Test
    void maxPerHostQueuesCallsToOneHost() {
        String delay = server.url("/delay/0.3");
        CliRun one = CliRun.of("fetch", "--max-per-host", "1", delay, delay, delay, delay);
        assertEquals(0, one.exitCode(), one::toString);
        assertTrue(FetchCommandTotals.total(one) >= 1.2, one::toString);
        CliRun four = CliRun.of("fetch", "--max-per-host", "4", delay, delay, delay, delay);
        assertTrue(FetchCommandTotals.total(four) < 1.2, four::toString);
        CliRun.of("fetch", "--max-per-host", "0", delay).assertBadInput("--max-per-host must be at least 1");
        CliRun.of("fetch", "-c", "0", delay).assertBadInput("-c must be at least 1");
    }

    @Test
    void jsonlWritesOneObjectPerUrlAsEachFinishes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.jsonl");
        String dead = TestServers.deadUrl() + "/x";
        CliRun run = CliRun.of("fetch", "--jsonl", file.toString(), server.url("/bytes/100"), server.url("/status/404"), dead);
        assertEquals(1, run.exitCode(), run::toString);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        assertEquals(3, lines.size(), lines::toString);
        JsonNode bytes = find(lines, server.url("/bytes/100"));
        assertEquals(200, bytes.get("status").asInt());
        assertEquals(100, bytes.get("bytes").asInt());
        assertEquals("HTTP/1.1", bytes.get("protocol").asText());
        assertTrue(bytes.get("error").isNull() && bytes.get("seconds").asDouble() >= 0, bytes::toString);
        assertEquals(404, find(lines, server.url("/status/404")).get("status").asInt());
        JsonNode failed = find(lines, dead);
        assertTrue(failed.get("status").isNull() && failed.get("protocol").isNull(), failed::toString);
        assertEquals("refused", failed.get("error").asText());
        CliRun.of("fetch", "--jsonl", dir.resolve("no/such/dir/x.jsonl").toString(), server.url("/get"))
                .assertBadInput("cannot write");
    }

    @Test
    void jsonlOnStandardOutputReplacesTheLines() throws IOException {
        CliRun run = CliRun.of("fetch", "--jsonl", "-", server.url("/get"), server.url("/uuid"));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(2, run.out().size(), run::toString);
        for (String line : run.out()) {
            assertEquals(200, JSON.readTree(line).get("status").asInt(), line);
        }
    }

    @Test
    void urlsComeFromStandardInput() {
        String urls = "# from a pipe\n" + server.url("/get") + "\n\n" + server.url("/uuid") + "\n";
        CliRun run = withStdin(urls, "fetch", "--mode", "sync", "-f", "-");
        assertEquals(0, run.exitCode(), run::toString);
        run.assertLine(1, FetchCommandTotals.q(server.url("/get")) + " \\d+\\.\\d\\d")
                .assertLine(2, FetchCommandTotals.q(server.url("/uuid")) + " \\d+\\.\\d\\d");
        withStdin("", "fetch", "-f", "-").assertBadInput("no URLs");
        withStdin(server.url("/post"), "fetch", "-f", "-", "-d", "@-").assertBadInput("both read standard input");
        withStdin("not a url\n", "fetch", "-f", "-").assertBadInput("standard input line 1");
    }

    @Test
    void anUntrustedCertificateSaysSoAndCacertOrInsecureFixIt(@TempDir Path dir) throws Exception {
        try (HttpsTestServer https = new HttpsTestServer(dir)) {
            String url = https.url("localhost", "/secure");
            for (String kind : List.of("netty", "jdk")) {
                CliRun untrusted = CliRun.of("fetch", "--transport", kind, url);
                assertEquals(1, untrusted.exitCode(), untrusted::toString);
                untrusted.assertLine(1, FetchCommandTotals.q(url)
                        + " \\d+\\.\\d\\d error: certificate not trusted \\(use --cacert FILE, or -k to skip the check\\)");
                assertTrue(String.join("\n", untrusted.err()).isEmpty(), untrusted::toString);
                CliRun trusted = CliRun.of("fetch", "--transport", kind, "--cacert", https.certificate().toString(), url);
                assertEquals(0, trusted.exitCode(), trusted::toString);
                trusted.assertLine(3, "\\[200\\]");
                CliRun insecure = CliRun.of("fetch", "--transport", kind, "-k", url);
                assertEquals(0, insecure.exitCode(), insecure::toString);
                CliRun insecureWrongName = CliRun.of("fetch", "--transport", kind, "-k", https.url("127.0.0.1", "/"));
                assertEquals(0, insecureWrongName.exitCode(), () -> "-k skips the host name check too: " + insecureWrongName);
            }
            CliRun wrongName = CliRun.of("fetch", "--cacert", https.certificate().toString(), https.url("127.0.0.1", "/"));
            assertTrue(wrongName.out().get(1).endsWith("error: certificate is not for this host name"), wrongName::toString);
        }
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        CliRun.of("fetch", "--cacert", notPem.toString(), server.url("/get")).assertBadInput("not a certificate file");
        CliRun.of("fetch", "--cacert", dir.resolve("none.pem").toString(), server.url("/get")).assertBadInput("no such file");
        CliRun.of("fetch", "--cacert", notPem.toString(), "-k", server.url("/get")).assertBadInput("contradict");
    }

    @Test
    void proxySendsEveryRequestThroughIt() {
        // the embedded server routes absolute-form targets, as a proxy receives them
        String proxy = "http://127.0.0.1:" + server.port();
        CliRun run = CliRun.of("fetch", "--proxy", proxy, "http://salvo.invalid/get");
        assertEquals(0, run.exitCode(), run::toString);
        run.assertLine(3, "\\[200\\]");
        CliRun.of("fetch", "--proxy", proxy, "--transport", "netty", "http://salvo.invalid/get").assertBadInput("--transport jdk");
        CliRun.of("fetch", "--proxy", "ftp://127.0.0.1:1", server.url("/get")).assertBadInput("expected http://HOST:PORT");
        CliRun.of("fetch", "--proxy", "http://127.0.0.1", server.url("/get")).assertBadInput("expected http://HOST:PORT");
        CliRun.of("fetch", "--proxy", "http://exa mple:80", server.url("/get")).assertBadInput("not a URL");
        CliRun dead = CliRun.of("fetch", "--proxy", TestServers.deadUrl(), "http://salvo.invalid/get");
        assertEquals(1, dead.exitCode(), dead::toString);
        assertTrue(dead.out().get(1).endsWith("error: connection refused"), dead::toString);
    }

    private static JsonNode find(List<JsonNode> lines, String url) {
        return lines.stream().filter(l -> l.get("url").asText().equals(url)).findFirst()
                .orElseThrow(() -> new AssertionError(url + " not in " + lines));
    }

    private static CliRun withStdin(String text, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(saved);
        }
    }
}
