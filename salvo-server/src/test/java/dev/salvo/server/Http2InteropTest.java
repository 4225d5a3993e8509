package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's h2c against independent HTTP/2 implementations: nghttp2's h2load (many streams on
 * few connections) and curl with prior knowledge. Both come from Debian ({@code nghttp2-client},
 * {@code curl}); bin/install-test-tools.sh installs them.
 */
class Http2InteropTest {
    private static final Pattern REQUESTS = Pattern.compile(
            "requests: (\\d+) total, (\\d+) started, (\\d+) done, (\\d+) succeeded, (\\d+) failed, (\\d+) errored, (\\d+) timeout");
    private static final Pattern STATUS = Pattern.compile("status codes: (\\d+) 2xx, (\\d+) 3xx, (\\d+) 4xx, (\\d+) 5xx");
    private static SalvoServer server;

    @BeforeAll
    static void start() {
        server = SalvoServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void h2loadTwoThousandRequestsOnFourConnectionsTenStreamsEach() throws IOException, InterruptedException {
        String out = run(List.of("h2load", "-n", "2000", "-c", "4", "-m", "10", server.url("/get")));
        Matcher requests = REQUESTS.matcher(out);
        assertTrue(requests.find(), "no requests line in h2load's output:\n" + out);
        assertEquals("2000", requests.group(1), out);
        assertEquals("2000", requests.group(4), "succeeded\n" + out);
        assertEquals("0 0 0", requests.group(5) + " " + requests.group(6) + " " + requests.group(7), "failed, errored, timeout\n" + out);
        Matcher status = STATUS.matcher(out);
        assertTrue(status.find(), out);
        assertEquals("2000", status.group(1), "2xx\n" + out);
        assertTrue(out.contains("Application protocol: h2c"), out);
    }

    @Test
    void curlPriorKnowledgeStreamBytesAreTheHttp11Bytes(@TempDir Path dir) throws IOException, InterruptedException {
        String path = "/stream-bytes/300000?seed=5&chunk_size=7000";
        Path body = dir.resolve("body");
        String meta = run(List.of("curl", "--http2-prior-knowledge", "-s", "--max-time", "20", "-o", body.toString(),
                "-w", "%{http_version} %{http_code}", server.url(path)));
        assertEquals("2 200", meta.strip());
        assertArrayEquals(TestHttp.get(server, path).body(), Files.readAllBytes(body));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException missing) {
            throw new AssertionError(cmd.getFirst() + " is needed (bin/install-test-tools.sh installs it)", missing);
        }
        boolean finished = p.waitFor(60, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, cmd.getFirst() + " did not finish in 60 s:\n" + out);
        assertEquals(0, p.exitValue(), cmd.getFirst() + " failed:\n" + out);
        return out;
    }
}
