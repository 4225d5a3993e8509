package dev.salvo.benchmarks.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes docs/benchmarks/clients.md from one run's {@link Measurements}: how it was measured, one
 * table per path (rows {@code | client | concurrency | requests/s | p50 ms | p99 ms | B/request |}),
 * CPU per request, Salvo's overhead over its transports, the goals, and every raw run. Whatever follows the
 * {@link #NOTES_MARKER} line in the existing file (the hand-written analysis) is kept.
 */
final class ClientsReport {
    static final String NOTES_MARKER = "<!-- notes below this line are written by hand and kept by bench/clients.sh -->";
    private static final double OVERHEAD_GOAL_MICROS = 5;
    private static final List<Integer> GOAL_LEVELS = List.of(64, 256);

    private final Plan plan;
    private final Measurements measurements;
    private final StringBuilder md = new StringBuilder();

    private ClientsReport(Plan plan, Measurements measurements) {
        this.plan = plan;
        this.measurements = measurements;
    }

    /** Writes the report to {@code plan.out()}, keeping the hand-written notes of the file already there. */
    static void write(Plan plan, Measurements measurements, RunContext context) throws IOException {
        ClientsReport report = new ClientsReport(plan, measurements);
        String notes = existingNotes(plan.out());
        report.header(context);
        for (String path : plan.paths()) {
            report.table(path);
        }
        report.cpu();
        report.overhead();
        report.goals();
        report.rawRuns();
        report.md.append('\n').append(NOTES_MARKER).append('\n').append(notes);
        Files.createDirectories(plan.out().toAbsolutePath().getParent());
        Files.writeString(plan.out(), report.md, StandardCharsets.UTF_8);
    }

    private static String existingNotes(Path out) throws IOException {
        if (!Files.exists(out)) {
            return "";
        }
        String old = Files.readString(out, StandardCharsets.UTF_8);
        int at = old.indexOf(NOTES_MARKER);
        return at < 0 ? "" : old.substring(at + NOTES_MARKER.length()).stripLeading();
    }

    private void header(RunContext context) {
        line("# Clients: Salvo and the Java peers, side by side" + (plan.http2() ? ", on h2c" : ""));
        line("");
        line("Written by `bench/clients.sh` on " + context.finishedUtc() + " (the run took "
                + String.format(Locale.ROOT, "%.1f", context.minutes()) + " min)"
                + (plan.quick() ? "; **a `--quick` smoke run: too few requests for conclusions**" : "")
                + ". Every run rewrites the tables; the notes after the last marker are kept.");
        line("");
        line("Command: `" + plan.command() + "`");
        line("");
        line("## How it was measured");
        line("");
        line("- Server: Salvo's embedded server (`dev.salvo.server.ServerMain --strategy async`) in its own JVM on "
                + "127.0.0.1, " + (plan.http2() ? "h2c on its HTTP/1.1 port (SETTINGS_MAX_CONCURRENT_STREAMS 1,000)"
                : "HTTP/1.1 keep-alive") + "; the same server process for every client.");
        if (plan.http2()) {
            line("- Protocol: every client speaks HTTP/2 on cleartext and multiplexes its requests as streams. "
                    + "Salvo, Jetty (`HttpClientTransportOverHTTP2`), OkHttp (`Protocol.H2_PRIOR_KNOWLEDGE`) and "
                    + "Vert.x (`HTTP_2`, `setHttp2ClearTextUpgrade(false)`) start with the preface (prior knowledge); "
                    + "the JDK `HttpClient` has no prior-knowledge mode and reaches h2c by `Upgrade: h2c` on each new "
                    + "connection. AsyncHttpClient (no HTTP/2) and Apache HC5 (not wired up here) sit this one out.");
        }
        line("- Each client runs in its own JVM (" + context.javaVersion() + ", `-Xms1g -Xmx1g -XX:+UseG1GC`), "
                + "kept for the whole run, so it stays warm between its turns and its JIT profile, threads and "
                + "allocation are its own. Before anything is measured, each client runs each path for "
                + plan.warmupSeconds() + " s at c=" + plan.warmupLevel() + " (a JVM here needs about that long "
                + "before its rate settles).");
        line("- Closed loop: c lanes, each sending its next request when the previous whole body is in memory "
                + "(from the completion callback). Requests per measured run: " + requestCounts()
                + ". Each measured run is preceded by an unmeasured one of max(" + plan.preRun(1) + ", 4c) requests "
                + "(fills the pool to c connections; the server closes connections idle for 30 s).");
        line("- The machine is noisy (2 cores shared with other agents' builds; load average "
                + context.loadBefore() + " at the start, " + context.loadAfter() + " at the end). So the clients "
                + "take turns within each path and concurrency level (the starting client rotates each "
                + "repetition), each client runs " + plan.reps() + " time(s) per cell, and every figure is the "
                + "median of those runs. Compare rows of one run; the spread between runs is large.");
        line("- requests/s: requests ÷ wall time of the run. p50/p99: HdrHistogram of send-to-whole-body latency. "
                + "B/request: heap bytes allocated by every thread of the client JVM during the run "
                + "(`com.sun.management.ThreadMXBean.getTotalThreadAllocatedBytes()` delta, which counts ended "
                + "threads too) ÷ requests; it includes the harness's own share, one completion node of about "
                + "40 B per request. CPU µs/request (overhead table): the client JVM's process CPU time "
                + "(`OperatingSystemMXBean.getProcessCpuTime()`) ÷ requests.");
        line("- Client versions and settings: see `salvo-benchmarks/pom.xml` and "
                + "`salvo-benchmarks/src/main/java/dev/salvo/benchmarks/peers/adapters/` (one class per client, "
                + "its Javadoc says how it is configured).");
        line("");
    }

    private String requestCounts() {
        return String.join(", ", plan.levels().stream().map(l -> "c=" + l + ": " + plan.requests(l)).toList());
    }

    private void table(String path) {
        line("## " + path);
        line("");
        line("| client | concurrency | requests/s | p50 ms | p99 ms | B/request |");
        line("|---|---|---|---|---|---|");
        StringBuilder errors = new StringBuilder();
        for (int level : plan.levels()) {
            for (Peer peer : plan.peers().stream().filter(Peer::isCompared).toList()) {
                RunResult m = measurements.median(path, level, peer);
                line(String.format(Locale.ROOT, "| %s | %d | %.0f | %.3f | %.3f | %d |", peer.displayName(), level,
                        m.requestsPerSecond(), m.p50Nanos() / 1e6, m.p99Nanos() / 1e6, m.bytesPerRequest()));
                if (m.errors() > 0) {
                    errors.append("- ").append(peer.displayName()).append(" c=").append(level).append(": ")
                            .append(m.errors()).append(" failed requests, first: ").append(m.firstError()).append('\n');
                }
            }
        }
        line("");
        if (!errors.isEmpty()) {
            line("Failures in " + path + ":");
            md.append(errors);
            line("");
        }
    }

    private void cpu() {
        line("## Client CPU per request");
        line("");
        line("The client JVM's CPU µs per request (median of the runs of each cell), every client measured: on "
                + "two cores shared with the server, the figure that bounds requests/s.");
        line("");
        StringBuilder header = new StringBuilder("| client |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String path : plan.paths()) {
            for (int level : plan.levels()) {
                header.append(' ').append(path).append(" c=").append(level).append(" |");
                rule.append("---|");
            }
        }
        line(header.toString());
        line(rule.toString());
        for (Peer peer : plan.peers()) {
            StringBuilder row = new StringBuilder("| " + peer.displayName() + " |");
            for (String path : plan.paths()) {
                for (int level : plan.levels()) {
                    row.append(String.format(Locale.ROOT, " %.1f |",
                            measurements.median(path, level, peer).cpuNanosPerRequest() / 1e3));
                }
            }
            line(row.toString());
        }
        line("");
    }

    private void overhead() {
        line("## Salvo's overhead over its own transport");
        line("");
        line("The same transport instance type, called directly (`transport.execute(request)`) and through Salvo "
                + "(`salvo.send(request)`: limits, queue, deadline timer, call state, hop to the callback executor). "
                + "Δ is the median over repetitions of (Salvo − bare), each pair run next to each other. "
                + "Wall µs/request is 10⁶ ÷ requests/s (on this CPU-bound machine it tracks the CPU per request "
                + "÷ cores); CPU µs/request is the client JVM's CPU time per request, the cost that does not "
                + "depend on how busy the server was. Two diagnostic rows split Salvo's cost: \"Netty, direct "
                + "callbacks\" is Salvo with `callbackExecutor(Runnable::run)` (futures complete on the I/O thread: "
                + "what remains is the engine itself), and \"Netty, pool callbacks\" uses a work-stealing pool of "
                + "platform threads instead of the default new virtual thread per completion. The difference between "
                + "\"Netty\" and \"Netty, direct callbacks\" is the price of the hop off the I/O thread.");
        line("");
        line("| transport | path | concurrency | bare requests/s | Salvo requests/s | Δ wall µs/request "
                + "| bare CPU µs/request | Salvo CPU µs/request | Δ CPU µs/request |");
        line("|---|---|---|---|---|---|---|---|---|");
        for (OverheadPair pair : OverheadPair.in(plan)) {
            for (String path : plan.paths()) {
                for (int level : plan.levels()) {
                    RunResult bare = measurements.median(path, level, pair.bare());
                    RunResult salvo = measurements.median(path, level, pair.salvo());
                    line(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f |",
                            pair.name(), path, level, bare.requestsPerSecond(), salvo.requestsPerSecond(),
                            pair.wallDeltaMicros(measurements, path, level), bare.cpuNanosPerRequest() / 1e3,
                            salvo.cpuNanosPerRequest() / 1e3, pair.cpuDeltaMicros(measurements, path, level)));
                }
            }
        }
        line("");
    }

    private void goals() {
        line("## Goals");
        line("");
        if (plan.peers().contains(Peer.SALVO_NETTY)) {
            for (String path : plan.paths()) {
                for (int level : GOAL_LEVELS) {
                    if (plan.levels().contains(level)) {
                        throughputGoal(path, level);
                    }
                }
            }
        }
        for (OverheadPair pair : OverheadPair.in(plan).stream().filter(OverheadPair::judged).toList()) {
            for (String path : plan.paths()) {
                for (int level : plan.levels()) {
                    double delta = pair.cpuDeltaMicros(measurements, path, level);
                    line(String.format(Locale.ROOT, "- Overhead over the %s transport, %s c=%d: %.1f µs CPU per request "
                            + "(goal ≤ %.0f): **%s**", pair.name(), path, level, delta, OVERHEAD_GOAL_MICROS,
                            delta <= OVERHEAD_GOAL_MICROS ? "met" : "not met"));
                }
            }
        }
        line("");
    }

    private void throughputGoal(String path, int level) {
        Optional<Peer> best = plan.peers().stream()
                .filter(Peer::isThirdParty)
                .max(Comparator.comparingDouble(p -> measurements.median(path, level, p).requestsPerSecond()));
        if (best.isEmpty()) {
            return;
        }
        double salvo = measurements.median(path, level, Peer.SALVO_NETTY).requestsPerSecond();
        double peer = measurements.median(path, level, best.get()).requestsPerSecond();
        line(String.format(Locale.ROOT, "- Salvo (Netty) vs the best peer (%s), %s c=%d: %.0f vs %.0f requests/s "
                + "(%.2f×): **%s**", best.get().displayName(), path, level, salvo, peer, salvo / peer,
                salvo >= peer ? "met" : "not met"));
    }

    private void rawRuns() {
        line("## Raw runs");
        line("");
        line("<details><summary>every measured run, in order of repetition (requests/s, p50 ms, p99 ms, "
                + "B/request, CPU µs/request)</summary>");
        line("");
        line("| path | concurrency | client | runs |");
        line("|---|---|---|---|");
        for (String path : plan.paths()) {
            for (int level : plan.levels()) {
                for (Peer peer : plan.peers()) {
                    line("| " + path + " | " + level + " | " + peer.displayName() + " | "
                            + String.join("; ", measurements.runs(path, level, peer).stream().map(r -> String.format(
                            Locale.ROOT, "%.0f, %.3f, %.3f, %d, %.1f", r.requestsPerSecond(), r.p50Nanos() / 1e6,
                            r.p99Nanos() / 1e6, r.bytesPerRequest(), r.cpuNanosPerRequest() / 1e3)).toList()) + " |");
                }
            }
        }
        line("");
        line("</details>");
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
