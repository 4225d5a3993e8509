package dev.salvo.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Salvo's embedded server in a child JVM (so the client under test has its process, its memory
 * and its file descriptors to itself). Confined to the thread that starts and closes it.
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final String baseUrl;

    private ServerProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts {@code dev.salvo.server.ServerMain} on a free port with the given extra arguments. */
    public static ServerProcess start(String... serverArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--quiet"));
        args.addAll(List.of(serverArgs));
        Process process = ChildJvm.start(List.of("-Xss256k"), "dev.salvo.server.ServerMain", args, true);
        // a benchmark stopped by Ctrl-C or kill takes its server down with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "salvo-server-process-stop"));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("listening on ")) {
            process.destroyForcibly();
            throw new IOException("server did not start: " + line);
        }
        String url = line.substring("listening on ".length()).split(" ")[0];
        return new ServerProcess(process, url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** The CPU time the server's JVM has used so far (all its threads: the JIT compiler's too). */
    public Duration cpuTime() {
        return ChildJvm.cpuTime(process.toHandle());
    }

    /** e.g. {@code http://127.0.0.1:34567} */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
