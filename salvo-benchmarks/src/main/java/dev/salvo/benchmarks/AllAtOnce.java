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
    private AllAtOnce() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String path = args.length > 1 ? args[1] : "/delay/1";
        try (ServerProcess server = ServerProcess.start()) {
            // warm both JVMs' connection paths (JIT) on a throw-away transport, so the measured run
            // pays for 10,000 new connections but not for compiling the code that makes them; five
            // rounds, as the HTTP/2 path (child channels, HPACK, the frame codec) has more to compile
            for (int round = 0; round < 5; round++) {
                run(server.baseUrl(), Math.min(n, 3000), "/delay/0.1", args);
            }
            Result result = run(server.baseUrl(), n, path, args);
            System.out.printf("transport=%s requests=%d path=%s ok=%d failures=%s wall_s=%.3f connections=%d peak_rss_mb=%d%n",
                    args.length > 2 ? args[2] : "netty", n, path, result.ok(), result.failures(), result.seconds(),
                    result.connections(), peakRssMb());
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
