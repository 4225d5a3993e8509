package dev.salvo.benchmarks;

import dev.salvo.client.HttpVersion;
import dev.salvo.client.Outcome;
import dev.salvo.client.PoolStats;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import dev.salvo.client.Transports;
import dev.salvo.client.spi.Transport;
import dev.salvo.netty.NettyTransport;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Issue 2's first benchmark: N requests to a slow endpoint, all sent at once; prints the wall
 * time, the failures, the connections the transport had open at the end and the client JVM's peak
 * RSS. Usage: {@code AllAtOnce [N] [path] [transport]} (defaults 10000, /delay/1, netty). The
 * server runs in its own JVM; over h2c (issue 13) its SETTINGS_MAX_CONCURRENT_STREAMS (1,000 by
 * default) decides how many connections the N streams need.
 */
public final class AllAtOnce {
    /**
     * Thirty rounds: after five (15,000 calls) a JIT log showed both JVMs still compiling about a
     * hundred methods at C2 during the measured run, their compiler threads taking about a third
     * of the two cores from it; after thirty the CPU both JVMs spend on the measured h2c run fell by
     * about two thirds.
     */
    private static final int WARM_UP_ROUNDS = 30;
    private static final int WARM_UP_CALLS = 3000;
    /** A JVM that used less CPU than this over one {@link #QUIET_SPELL} is done compiling. */
    private static final Duration IDLE_CPU = Duration.ofMillis(10);
    private static final Duration QUIET_SPELL = Duration.ofMillis(250);
    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(30);

    private AllAtOnce() {
    }

    /**
     * Waits until both JVMs are idle, each using less than {@link #IDLE_CPU} over a
     * {@link #QUIET_SPELL}: after the warm-up rounds their JIT compilers still have queues to work
     * off (on two cores for seconds), and a measured run beside them would time the compilers.
     * Gives up after {@link #SETTLE_AT_MOST} and says so. Returns the seconds it waited.
     */
    static double settle(ServerProcess server) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + SETTLE_AT_MOST.toNanos();
        Duration client = ownCpuTime(), serverCpu = server.cpuTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(QUIET_SPELL.toMillis());
            Duration clientNow = ownCpuTime(), serverNow = server.cpuTime();
            boolean idle = clientNow.minus(client).compareTo(IDLE_CPU) < 0 && serverNow.minus(serverCpu).compareTo(IDLE_CPU) < 0;
            if (idle) {
                return (System.nanoTime() - start) / 1e9;
            }
            client = clientNow;
            serverCpu = serverNow;
        }
        System.out.println("warning: the JVMs were still busy " + SETTLE_AT_MOST.toSeconds() + " s after the warm-up");
        return SETTLE_AT_MOST.toSeconds();
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static Duration ownCpuTime() {
        return ChildJvm.cpuTime(ProcessHandle.current());
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String path = args.length > 1 ? args[1] : "/delay/1";
        try (ServerProcess server = ServerProcess.start()) {
            // warm both JVMs' connection paths (JIT) on a throw-away transport, so the measured run
            // pays for 10,000 new connections but not for compiling the code that makes them
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                run(server.baseUrl(), Math.min(n, WARM_UP_CALLS), "/delay/0.1", args);
            }
            double settled = settle(server);
            Duration clientCpu = ownCpuTime(), serverCpu = server.cpuTime();
            Result result = run(server.baseUrl(), n, path, args);
            System.out.printf("transport=%s requests=%d path=%s ok=%d failures=%s wall_s=%.3f connections=%d peak_rss_mb=%d "
                            + "settled_s=%.2f client_cpu_s=%.2f server_cpu_s=%.2f%n",
                    args.length > 2 ? args[2] : "netty", n, path, result.ok(), result.failures(), result.seconds(),
                    result.connections(), peakRssMb(), settled, seconds(ownCpuTime().minus(clientCpu)),
                    seconds(server.cpuTime().minus(serverCpu)));
        }
    }

    /**
     * What one all-at-once round produced.
     *
     * @param connections the connections open when the last response had arrived (HTTP/1.1: one
     *                    per call; HTTP/2: as few as the server's stream limit allows)
     */
    record Result(int ok, Map<String, Integer> failures, double seconds, int connections) {
    }

    /** Sends n requests at once over a fresh transport (so every one opens its own connection). */
    static Result run(String base, int n, String path, String[] args) {
        try (Transport transport = transport(args);
             Salvo http = Salvo.newBuilder().transport(transport).maxInFlight(n).maxPerHost(n)
                     .deadline(Duration.ofSeconds(60)).build()) {
            List<Request> requests = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                requests.add(Request.get(base + path));
            }
            long start = System.nanoTime();
            List<Outcome<Response>> outcomes = http.gatherOutcomes(requests).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Integer> failures = new TreeMap<>();
            int ok = 0;
            for (Outcome<Response> outcome : outcomes) {
                if (outcome instanceof Outcome.Failure<Response> f) {
                    failures.merge(f.error().getClass().getSimpleName(), 1, Integer::sum);
                } else if (outcome.value().status() == 200) {
                    ok++;
                } else {
                    failures.merge("status " + outcome.value().status(), 1, Integer::sum);
                }
            }
            int connections = http.poolStats().stream().mapToInt(PoolStats::open).sum();
            return new Result(ok, failures, seconds, connections);
        }
    }

    /**
     * args[2]: "netty" (default, HTTP/1.1), "netty-h2c" (HTTP/2 with prior knowledge, streams
     * multiplexed), "jdk" (HTTP/2 preferred, the JDK's default), "jdk11" (HTTP/1.1 only),
     * "blocking" (HttpURLConnection on virtual threads).
     */
    static Transport transport(String[] args) {
        String kind = args.length > 2 ? args[2] : "netty";
        return switch (kind) {
            case "netty" -> NettyTransport.newBuilder().maxConnectionsPerHost(20_000).build();
            case "netty-h2c" -> NettyTransport.newBuilder().protocol(HttpVersion.HTTP_2).maxConnectionsPerHost(20_000).build();
            case "jdk" -> Transports.jdk();
            case "jdk11" -> Transports.jdk(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)));
            case "blocking" -> Transports.blocking(Transports.urlConnection(Duration.ofSeconds(10), Duration.ofSeconds(60)));
            default -> throw new IllegalArgumentException("transport must be netty, netty-h2c, jdk, jdk11 or blocking: " + kind);
        };
    }

    /** VmHWM of this process, in MiB. */
    static long peakRssMb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
