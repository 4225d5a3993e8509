package dev.salvo.netty.bench;

import dev.salvo.client.Request;
import dev.salvo.client.Transports;
import dev.salvo.client.spi.Transport;
import dev.salvo.netty.NettyTransport;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * NettyTransport against the JDK transport ({@code Transports.jdk()}, and the same client pinned
 * to HTTP/1.1 as {@code JDK-h1}) on the same loopback server, closed loop, side by side in one run: {@code rounds} rounds, each measuring every transport once on a fresh instance
 * after a warm-up; prints each run, the medians and the Netty/JDK ratios.
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
        transports.put("Netty", () -> NettyTransport.newBuilder().maxConnectionsPerHost(concurrency).build());
        transports.put("JDK", Transports::jdk);
        transports.put("JDK-h1", () -> Transports.jdk(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)));
        Map<String, List<ClosedLoop.Result>> results = new LinkedHashMap<>();
        try (HelloServer server = new HelloServer(1, bodyBytes)) {
            Request request = Request.get("http://127.0.0.1:" + server.port() + "/hello");
            System.out.printf(Locale.ROOT, "closed loop, concurrency %d, %d s measured after %d s warm-up, %d rounds, %d-byte body, %d cores%n",
                    concurrency, measured.toSeconds(), warmup.toSeconds(), rounds, bodyBytes,
                    Runtime.getRuntime().availableProcessors());
            for (int round = 1; round <= rounds; round++) {
                for (Map.Entry<String, Supplier<Transport>> entry : transports.entrySet()) {
                    try (Transport transport = entry.getValue().get()) {
                        ClosedLoop.Result result = new ClosedLoop(transport, request, concurrency).run(warmup, measured);
                        results.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(result);
                        System.out.printf(Locale.ROOT, "round %d  %-6s %9.0f req/s  %6.1f µs CPU/request  %6d B/request  (%d errors)  [%s]%n",
                                round, entry.getKey(), result.requestsPerSecond(), result.cpuMicrosPerRequest(),
                                result.bytesPerRequest(), result.errors(), transport);
                    }
                }
            }
        }
        System.out.println();
        System.out.println("| transport | concurrency | requests/s | client CPU µs/request | client B/request | runs (req/s) |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<String, List<ClosedLoop.Result>> entry : results.entrySet()) {
            List<ClosedLoop.Result> runs = entry.getValue();
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.0f | %s |%n", entry.getKey(), concurrency,
                    median(runs, ClosedLoop.Result::requestsPerSecond), median(runs, ClosedLoop.Result::cpuMicrosPerRequest),
                    median(runs, r -> (double) r.bytesPerRequest()),
                    runs.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.requestsPerSecond())).toList());
        }
        List<ClosedLoop.Result> netty = results.get("Netty");
        System.out.println();
        for (Map.Entry<String, List<ClosedLoop.Result>> other : results.entrySet()) {
            if (other.getKey().equals("Netty")) {
                continue;
            }
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                ratios.add(netty.get(i).requestsPerSecond() / other.getValue().get(i).requestsPerSecond());
            }
            System.out.printf(Locale.ROOT, "Netty / %s requests/s, per round: %s; median %.2f; %s / Netty CPU per request: %.2f%n",
                    other.getKey(), ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList(),
                    median(ratios, r -> r), other.getKey(),
                    median(other.getValue(), ClosedLoop.Result::cpuMicrosPerRequest)
                            / median(netty, ClosedLoop.Result::cpuMicrosPerRequest));
        }
    }

    private static <T> double median(List<T> values, Function<T, Double> metric) {
        List<Double> sorted = values.stream().map(metric).sorted().toList();
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
