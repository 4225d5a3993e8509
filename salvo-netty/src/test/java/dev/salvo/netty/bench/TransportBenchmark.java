package dev.salvo.netty.bench;

import dev.salvo.client.Request;
import dev.salvo.client.Transport;
import dev.salvo.client.Transports;
import dev.salvo.netty.NettyTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * NettyTransport against the JDK transport on the same loopback server, closed loop, side by side
 * in one run: {@code rounds} rounds, each measuring every transport once on a fresh instance
 * after a warm-up; prints each run, the medians and the ratio.
 *
 * <p>Arguments (all optional): {@code concurrency seconds warmupSeconds rounds bodyBytes}, default
 * {@code 64 10 3 3 13}.
 */
public final class TransportBenchmark {
    private TransportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = arg(args, 0, 64);
        Duration measured = Duration.ofSeconds(arg(args, 1, 10));
        Duration warmup = Duration.ofSeconds(arg(args, 2, 3));
        int rounds = arg(args, 3, 3);
        int bodyBytes = arg(args, 4, 13);
        Map<String, Supplier<Transport>> transports = new LinkedHashMap<>();
        transports.put("Netty", () -> NettyTransport.builder().maxConnectionsPerHost(concurrency).build());
        transports.put("JDK", Transports::jdk);
        Map<String, List<Double>> results = new LinkedHashMap<>();
        try (HelloServer server = new HelloServer(1, bodyBytes)) {
            Request request = Request.get("http://127.0.0.1:" + server.port() + "/hello");
            System.out.printf(Locale.ROOT, "closed loop, concurrency %d, %d s measured after %d s warm-up, %d rounds, %d-byte body%n",
                    concurrency, measured.toSeconds(), warmup.toSeconds(), rounds, bodyBytes);
            for (int round = 1; round <= rounds; round++) {
                for (Map.Entry<String, Supplier<Transport>> entry : transports.entrySet()) {
                    try (Transport transport = entry.getValue().get()) {
                        ClosedLoop.Result result = new ClosedLoop(transport, request, concurrency).run(warmup, measured);
                        results.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(result.requestsPerSecond());
                        System.out.printf(Locale.ROOT, "round %d  %-6s %10.0f req/s  (%d errors)  [%s]%n",
                                round, entry.getKey(), result.requestsPerSecond(), result.errors(), transport);
                    }
                }
            }
        }
        double netty = median(results.get("Netty"));
        double jdk = median(results.get("JDK"));
        System.out.println();
        System.out.println("| transport | concurrency | requests/s (median) | runs |");
        System.out.println("|---|---|---|---|");
        for (Map.Entry<String, List<Double>> entry : results.entrySet()) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %s |%n", entry.getKey(), concurrency,
                    median(entry.getValue()), entry.getValue().stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
        }
        System.out.printf(Locale.ROOT, "%nNetty / JDK = %.2f%n", netty / jdk);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static int arg(String[] args, int index, int fallback) {
        if (args.length <= index) {
            return fallback;
        }
        int value = Integer.parseInt(args[index]);
        if (value <= 0) {
            throw new IllegalArgumentException("argument " + (index + 1) + " must be positive, got " + value);
        }
        return value;
    }
}
