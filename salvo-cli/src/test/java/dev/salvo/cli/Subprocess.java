package dev.salvo.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code salvo} as its own process (for signals and logging set-up, which are per JVM), on this
 * test JVM's java and class path. Its stdout and stderr lines are collected as they come.
 */
final class Subprocess implements AutoCloseable {
    private final Process process;
    private final List<String> out = Collections.synchronizedList(new ArrayList<>());
    private final List<String> err = Collections.synchronizedList(new ArrayList<>());
    private final Thread outReader;
    private final Thread errReader;

    private Subprocess(Process process) {
        this.process = process;
        outReader = drain(process.inputReader(StandardCharsets.UTF_8), out);
        errReader = drain(process.errorReader(StandardCharsets.UTF_8), err);
    }

    static Subprocess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        if (Runtime.version().feature() >= 24) { // Netty's Unsafe and native-library use, allowed without warnings
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.salvo.cli.Main"));
        command.addAll(List.of(args));
        return new Subprocess(new ProcessBuilder(command).start());
    }

    /** Waits up to {@code timeout} for a stderr line matching {@code test}; returns it. */
    String awaitErr(Predicate<String> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (err) {
                for (String line : err) {
                    if (test.test(line)) {
                        return line;
                    }
                }
            }
            Thread.sleep(20); // the poll interval of this bounded loop, not a guess at when the line comes
        }
        throw new AssertionError("no matching stderr line within " + timeout + "; stderr: " + err + " stdout: " + out);
    }

    /** Sends SIGINT, as Ctrl-C does. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** Waits up to {@code timeout} for the exit code and the last of its output. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "; stderr: " + err);
        }
        outReader.join(timeout.toMillis());
        errReader.join(timeout.toMillis());
        return process.exitValue();
    }

    List<String> out() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    List<String> err() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static Thread drain(BufferedReader reader, List<String> lines) {
        return Thread.ofVirtual().start(() -> {
            try (reader) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("<read failed: " + e + ">");
            }
        });
    }
}
