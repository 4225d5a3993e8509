package dev.salvo.benchmarks;

import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import dev.salvo.client.spi.Transport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Issue 2's overhead figure: requests/s of Salvo over a transport vs the bare transport, same
 * server, same concurrency, alternating rounds in one run; prints each round and the ratio of
 * medians. Usage: {@code OverheadRatio [concurrency] [seconds per round] [rounds] [path] [transport]}
 * (transport as in {@link AllAtOnce}, default jdk).
 */
public final class OverheadRatio {
    private OverheadRatio() {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String path = args.length > 3 ? args[3] : "/get";
        String kind = args.length > 4 ? args[4] : "jdk";
        try (ServerProcess server = ServerProcess.start(); Transport transport = AllAtOnce.transport(new String[] {"", "", kind});
             Salvo salvo = Salvo.newBuilder().transport(transport).maxInFlight(concurrency).maxPerHost(concurrency).build()) {
            Request request = Request.get(server.baseUrl() + path);
            Function<Request, CompletableFuture<Response>> bare = transport::execute;
            Function<Request, CompletableFuture<Response>> viaSalvo = salvo::send;
            run(bare, request, concurrency, 3); // warm both paths and the connection pool
            run(viaSalvo, request, concurrency, 3);
            double[] bareRates = new double[rounds];
            double[] salvoRates = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                bareRates[r] = run(bare, request, concurrency, seconds);
                salvoRates[r] = run(viaSalvo, request, concurrency, seconds);
                System.out.printf("round %d: bare %.0f req/s, salvo %.0f req/s%n", r + 1, bareRates[r], salvoRates[r]);
            }
            double bareMedian = median(bareRates);
            double salvoMedian = median(salvoRates);
            System.out.printf("concurrency=%d transport=%s bare_rps=%.0f salvo_rps=%.0f ratio=%.3f overhead_us=%.2f%n",
                    concurrency, kind, bareMedian, salvoMedian, salvoMedian / bareMedian,
                    (concurrency / salvoMedian - concurrency / bareMedian) * 1e6);
        }
    }

    /** Closed loop: {@code concurrency} virtual threads, each sending back to back; requests/s. */
    static double run(Function<Request, CompletableFuture<Response>> send, Request request, int concurrency,
            double seconds) throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            workers.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    if (send.apply(request).join().status() == 200) {
                        done.increment();
                    }
                }
            }));
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
