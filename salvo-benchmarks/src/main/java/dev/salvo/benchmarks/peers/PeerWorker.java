package dev.salvo.benchmarks.peers;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The child JVM that holds one client for the whole benchmark, so each client has its own heap,
 * JIT profile and threads, stays warm between its runs, and its allocation and CPU figures are
 * its own. Usage: {@code PeerWorker <client key> <max concurrency> [h2c]} ({@code h2c}: the client
 * speaks HTTP/2 on cleartext). Prints {@code ready}, then
 * answers one line per command read from standard input:
 * <ul>
 *   <li>{@code check URL} → {@code ok BODY_LENGTH} or {@code error MESSAGE}</li>
 *   <li>{@code run URL CONCURRENCY REQUESTS} → a {@link RunResult} line</li>
 *   <li>{@code quit} (or end of input) → closes the client and exits</li>
 * </ul>
 * Confined to its main thread, apart from the client's own threads.
 */
public final class PeerWorker {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(180);

    private PeerWorker() {
    }

    public static void main(String[] args) throws Exception {
        Peer peer = Peer.byKey(args[0]);
        int maxConcurrency = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        boolean http2 = args.length > 2 && args[2].equals("h2c");
        try (PeerClient client = peer.create(maxConcurrency, http2)) {
            out.println("ready " + peer.key());
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                out.println(answer(client, line.split(" ")));
            }
        }
        System.exit(0); // some clients leave non-daemon threads behind after close
    }

    private static String answer(PeerClient client, String[] command) throws InterruptedException {
        return switch (command[0]) {
            case "check" -> check(client, command[1]);
            case "run" -> ClosedLoop.run(client, command[1], Integer.parseInt(command[2]),
                    Integer.parseInt(command[3]), RUN_TIMEOUT).toLine();
            default -> "error unknown command " + command[0];
        };
    }

    private static String check(PeerClient client, String url) throws InterruptedException {
        try {
            return "ok " + client.get(url).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return "error " + (e.getCause() == null ? e : e.getCause()).toString().replaceAll("\\s+", " ");
        }
    }
}
