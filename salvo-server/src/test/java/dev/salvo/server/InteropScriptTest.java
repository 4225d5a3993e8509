package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs scripts/interop.sh (curl and ab against this server) so that CI checks the server with
 * independent HTTP implementations. The script installs curl and ab when missing.
 */
class InteropScriptTest {

    @Test
    void curlAndAbAgreeWithTheServer() throws IOException, InterruptedException {
        Path script = Path.of("scripts", "interop.sh").toAbsolutePath();
        assertTrue(Files.isRegularFile(script), "missing " + script);
        try (SalvoServer server = SalvoServer.start()) {
            Process p = new ProcessBuilder("bash", script.toString(), Integer.toString(server.port()))
                    .redirectErrorStream(true).start();
            boolean finished = p.waitFor(120, TimeUnit.SECONDS);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!finished) {
                p.destroyForcibly();
            }
            assertTrue(finished, "interop.sh did not finish in 120 s:\n" + output);
            assertEquals(0, p.exitValue(), "interop.sh failed:\n" + output);
            assertTrue(output.contains("interop: 0 failure(s)"), output);
        }
    }
}
