package dev.salvo.benchmarks;

import java.io.BufferedReader;
import java.io.File;
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
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xss256k", "-cp", System.getProperty("java.class.path"),
                "dev.salvo.server.ServerMain", "--port", "0", "--quiet"));
        command.addAll(List.of(serverArgs));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
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
        return process.toHandle().info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for the server process"));
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
