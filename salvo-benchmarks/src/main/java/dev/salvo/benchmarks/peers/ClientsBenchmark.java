package dev.salvo.benchmarks.peers;

import dev.salvo.benchmarks.ServerProcess;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 6: Salvo's client against the Java peers on the same server, side by side. Starts the
 * embedded server and one {@link PeerWorker} JVM per client, warms each, then for every path and
 * concurrency level lets the clients take turns for the planned repetitions, and writes the report
 * ({@link ClientsReport}). Options: see {@link Plan#parse}. Bad options: a one-line message, exit 2.
 */
public final class ClientsBenchmark {
    private ClientsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Plan plan;
        try {
            plan = Plan.parse(args);
        } catch (RuntimeException e) {
            System.err.println("clients benchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        // on Ctrl-C or kill, take the server and the workers down too
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy), "clients-cleanup"));
        long started = System.nanoTime();
        String loadBefore = RunContext.loadAverage();
        Measurements measurements = new Measurements();
        List<WorkerProcess> workers = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start("--strategy", "async")) {
            for (Peer peer : plan.peers()) {
                workers.add(WorkerProcess.start(peer, plan.maxLevel(), plan.http2(), plan.workerFlags()));
            }
            checkAndWarm(plan, workers, server.baseUrl());
            measure(plan, workers, server.baseUrl(), measurements);
        } finally {
            for (WorkerProcess worker : workers) {
                worker.close();
            }
        }
        RunContext context = new RunContext(
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                (System.nanoTime() - started) / 60e9, "JDK " + Runtime.version(), loadBefore, RunContext.loadAverage());
        ClientsReport.write(plan, measurements, context);
        System.err.println("wrote " + plan.out());
    }

    /**
     * One GET per client and path (the body must have the expected size), then the JIT warm-up: each
     * client runs each path at {@link Plan#warmupLevel()} until {@link Plan#warmupSeconds()} have passed.
     */
    private static void checkAndWarm(Plan plan, List<WorkerProcess> workers, String base) throws Exception {
        for (String path : plan.paths()) {
            for (WorkerProcess worker : workers) {
                int length = worker.check(base + path);
                if (length <= 0 || path.startsWith("/bytes/") && length != Integer.parseInt(path.substring(7))) {
                    throw new IllegalStateException(worker.peer().displayName() + " read " + length + " bytes from " + path);
                }
            }
        }
        for (String path : plan.paths()) {
            for (WorkerProcess worker : workers) {
                long until = System.nanoTime() + plan.warmupSeconds() * 1_000_000_000L;
                RunResult warm;
                do {
                    warm = worker.run(base + path, plan.warmupLevel(), plan.warmupBatch());
                } while (System.nanoTime() < until);
                log("warm-up %s %s: %.0f req/s at the end, %d errors", path, worker.peer().displayName(),
                        warm.requestsPerSecond(), warm.errors());
            }
        }
    }

    private static void measure(Plan plan, List<WorkerProcess> workers, String base, Measurements measurements)
            throws Exception {
        int turn = 0;
        for (String path : plan.paths()) {
            for (int level : plan.levels()) {
                for (int rep = 0; rep < plan.reps(); rep++) {
                    for (WorkerProcess worker : rotated(workers, turn++)) {
                        worker.run(base + path, level, plan.preRun(level));
                        RunResult r = worker.run(base + path, level, plan.requests(level));
                        measurements.add(path, level, worker.peer(), r);
                        log("%s c=%d rep %d/%d %-22s %8.0f req/s  p50 %.3f ms  p99 %.3f ms  %6d B/req  %6.1f µs CPU/req%s",
                                path, level, rep + 1, plan.reps(), worker.peer().displayName(), r.requestsPerSecond(),
                                r.p50Nanos() / 1e6, r.p99Nanos() / 1e6, r.bytesPerRequest(),
                                r.cpuNanosPerRequest() / 1e3, r.errors() > 0 ? "  errors " + r.errors() + ": "
                                        + r.firstError() : "");
                    }
                }
            }
        }
    }

    /**
     * The workers in cyclic order, starting at the {@code turn}-th client that may lead (so a bare
     * transport or variant still runs right after its Salvo; see {@link Peer#runsWithPrevious()}).
     */
    private static List<WorkerProcess> rotated(List<WorkerProcess> workers, int turn) {
        List<Integer> leaders = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            if (!workers.get(i).peer().runsWithPrevious()) {
                leaders.add(i);
            }
        }
        int start = leaders.isEmpty() ? 0 : leaders.get(turn % leaders.size());
        List<WorkerProcess> order = new ArrayList<>(workers.size());
        for (int i = 0; i < workers.size(); i++) {
            order.add(workers.get((start + i) % workers.size()));
        }
        return order;
    }

    private static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
