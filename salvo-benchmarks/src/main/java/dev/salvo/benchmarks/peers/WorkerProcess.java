package dev.salvo.benchmarks.peers;

import dev.salvo.benchmarks.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The coordinator's handle on one {@link PeerWorker} JVM: sends a command line, waits for the
 * answer line, passes anything else the worker prints on to standard error. Confined to the
 * coordinator's thread.
 */
final class WorkerProcess implements AutoCloseable {
    /** The same JVM flags for every client: fixed heap, native access for epoll, quiet logs. */
    private static final List<String> JVM_FLAGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
            "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private final Peer peer;
    private final Process process;
    private final BufferedReader replies;
    private final PrintStream commands;

    private WorkerProcess(Peer peer, Process process) {
        this.peer = peer;
        this.process = process;
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Starts a worker for {@code peer} (speaking h2c if {@code http2}) and waits until its client is ready. */
    static WorkerProcess start(Peer peer, int maxConcurrency, boolean http2, List<String> extraJvmFlags)
            throws IOException {
        List<String> flags = new ArrayList<>(JVM_FLAGS);
        flags.addAll(extraJvmFlags);
        WorkerProcess worker = new WorkerProcess(peer, ChildJvm.start(flags, PeerWorker.class.getName(),
                List.of(peer.key(), Integer.toString(maxConcurrency), http2 ? "h2c" : "h1"), false));
        worker.awaitReply("ready");
        return worker;
    }

    Peer peer() {
        return peer;
    }

    /** One GET of {@code url}: the body's length, or an exception saying what went wrong. */
    int check(String url) throws IOException {
        commands.println("check " + url);
        String reply = awaitReply("ok", "error");
        if (reply.startsWith("error")) {
            throw new IOException(peer.displayName() + " failed GET " + url + ": " + reply.substring(6));
        }
        return Integer.parseInt(reply.substring(3).trim());
    }

    /** One closed-loop run in the worker. */
    RunResult run(String url, int concurrency, int requests) throws IOException {
        commands.println("run " + url + " " + concurrency + " " + requests);
        String reply = awaitReply(RunResult.PREFIX.trim(), "error");
        if (reply.startsWith("error")) {
            throw new IOException(peer.displayName() + ": " + reply);
        }
        return RunResult.parse(reply);
    }

    private String awaitReply(String... prefixes) throws IOException {
        String line;
        while ((line = replies.readLine()) != null) {
            for (String prefix : prefixes) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            System.err.println("[" + peer.key() + "] " + line);
        }
        throw new IOException("worker for " + peer.displayName() + " ended (exit " + exitCode() + ")");
    }

    private String exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public void close() throws InterruptedException {
        commands.println("quit");
        commands.close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
