package dev.salvo.cli.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.cli.CliRun;
import dev.salvo.cli.TestServers;
import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code salvo fetch -o FILE} and {@code -O DIR} against the embedded server and a raw socket that cuts a body short. */
class FetchToFilesTest {
    @RegisterExtension
    static final TestServers.Quick server = new TestServers.Quick();

    @Test
    void outputStreamsOneBodyToTheFileAndReplacesWhatWasThere(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("body.bin");
        Files.writeString(file, "old contents");
        String url = server.url("/bytes/3000000?seed=7");
        CliRun run = CliRun.of("fetch", "-o", file.toString(), url);
        assertEquals(0, run.exitCode(), run::toString);
        run.assertLine(0, "\\Q" + url + "\\E \\d+\\.\\d\\d 200 3000000 \\Q" + file + "\\E");
        assertArrayEquals(expected(url), Files.readAllBytes(file));
        assertEquals(List.of(file), listing(dir), "no temporary file is left beside it");
    }

    @Test
    void outputDirNamesFilesSafelyAndNeverOverwrites(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("20"), "mine");
        String a = server.url("/bytes/10?seed=1");
        String b = server.url("/bytes/10?seed=2");
        String chunked = server.url("/stream-bytes/20?seed=3&chunk_size=7");
        String root = server.url("/");
        String traversal = server.url("/a/..%2F..%2F.hidden");
        CliRun run = CliRun.of("fetch", "-c", "1", "-O", dir.toString(), a, b, chunked, root, traversal);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(5, run.out().size(), run::toString);
        assertArrayEquals(expected(a), Files.readAllBytes(dir.resolve("10")));
        assertArrayEquals(expected(b), Files.readAllBytes(dir.resolve("10-1")));
        assertArrayEquals(expected(chunked), Files.readAllBytes(dir.resolve("20-1")));
        assertEquals("mine", Files.readString(dir.resolve("20")), "an existing file is never overwritten");
        assertTrue(Files.size(dir.resolve("index.html")) > 0, run::toString);
        assertTrue(Files.exists(dir.resolve("_hidden")), () -> listing(dir).toString());
        assertEquals(6, listing(dir).size(), () -> listing(dir).toString());
        run.assertLine(1, "\\Q" + b + "\\E \\d+\\.\\d\\d 200 10 \\Q" + dir.resolve("10-1") + "\\E");
    }

    @Test
    void aDownloadOutlivesTheIdleTimeoutWhileBytesComeButAStallEndsIt(@TempDir Path dir) throws Exception {
        Path steady = dir.resolve("steady.bin");
        String drip = server.url("/drip?numbytes=6&duration=1.5&delay=0");
        CliRun run = CliRun.of("fetch", "--idle-timeout", "700ms", "-o", steady.toString(), drip);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(6, Files.size(steady), "1.5 s in all, never 700 ms without a byte");
        Path stalled = dir.resolve("stalled.bin");
        CliRun stall = CliRun.of("fetch", "--idle-timeout", "300ms", "-o", stalled.toString(), server.url("/fault/stall"));
        assertEquals(1, stall.exitCode(), stall::toString);
        stall.assertLine(0, ".*/fault/stall \\d+\\.\\d\\d error: timed out");
        assertEquals(List.of(steady), listing(dir), "the stalled download leaves nothing");
        CliRun.of("fetch", "--idle-timeout", "0", "-o", stalled.toString(), drip).assertBadInput("more than 0");
    }

    @Test
    void aBodyCutShortLeavesNoFileAndExitsOne(@TempDir Path dir) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> cutShort(listener));
            Path file = dir.resolve("cut.bin");
            CliRun run = CliRun.of("fetch", "-o", file.toString(), "http://127.0.0.1:" + listener.getLocalPort() + "/cut");
            served.join();
            assertEquals(1, run.exitCode(), run::toString);
            run.assertLine(0, ".*/cut \\d+\\.\\d\\d error: .*");
            assertEquals(List.of(), listing(dir), "neither the file nor a temporary one is left");
        }
    }

    @Test
    void badTargetsAreOneLineErrorsAndNothingIsSent(@TempDir Path dir) throws IOException {
        String url = server.url("/bytes/10");
        Path plainFile = Files.writeString(dir.resolve("plain"), "x");
        CliRun.of("fetch", "-o", dir.resolve("x").toString(), url, url).assertBadInput("-o FILE takes one URL, got 2");
        CliRun.of("fetch", "-o", dir.toString(), url).assertBadInput("is a directory");
        CliRun.of("fetch", "-o", dir.resolve("missing/x").toString(), url).assertBadInput("no such directory");
        CliRun.of("fetch", "-o", plainFile.resolve("x").toString(), url).assertBadInput("is not a directory");
        CliRun.of("fetch", "-O", dir.resolve("missing").toString(), url).assertBadInput("no such directory");
        CliRun.of("fetch", "-O", plainFile.toString(), url).assertBadInput("is not a directory");
        CliRun.of("fetch", "-o", dir.resolve("x").toString(), "-O", dir.toString(), url).assertBadInput("give one of them");
        CliRun.of("fetch", "-O", dir.toString(), "--jsonl", "-", url).assertBadInput("--jsonl");
        CliRun.of("fetch", "-O", dir.toString(), "--mode", "sync", url).assertBadInput("--mode");
        assertEquals(List.of(plainFile), listing(dir));
    }

    private static byte[] expected(String url) throws IOException, InterruptedException {
        try (Salvo client = Salvo.create()) {
            return client.sendBlocking(Request.get(URI.create(url))).body();
        }
    }

    private static List<Path> listing(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers one request with a Content-Length of 100000 and 1000 bytes, then closes. */
    private static void cutShort(ServerSocket listener) {
        try (Socket socket = listener.accept()) {
            InputStream in = socket.getInputStream();
            int matched = 0;
            while (matched < 4) { // the request head ends with CRLF CRLF
                int c = in.read();
                if (c < 0) {
                    return;
                }
                matched = (c == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (c == '\r' ? 1 : 0);
            }
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1000]);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
