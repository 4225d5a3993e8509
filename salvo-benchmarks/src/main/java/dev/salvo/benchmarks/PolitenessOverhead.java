package dev.salvo.benchmarks;

import dev.salvo.client.BodyHandler;
import dev.salvo.client.BodyResponse;
import dev.salvo.client.Interceptor;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import dev.salvo.client.spi.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Issue 14's overhead figure: requests/s of a client with a pass-through interceptor and a rate limit
 * that never binds (a million a second) vs a plain client, each on its own transport of the same kind,
 * same server and concurrency, alternating rounds in one run (each round swaps which side goes first,
 * after two warm-up rounds of each); prints each round and the ratio of
 * medians (on ÷ off). Usage: {@code PolitenessOverhead [concurrency] [seconds per round] [rounds] [path] [transport]}.
 */
public final class PolitenessOverhead {
    private PolitenessOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String path = args.length > 3 ? args[3] : "/get";
        String kind = args.length > 4 ? args[4] : "netty";
        Interceptor passThrough = new Interceptor() {
            @Override
            public <T> CompletableFuture<BodyResponse<T>> intercept(Request request, BodyHandler<T> handler, Chain chain) {
                return chain.proceed(request, handler);
            }
        };
        try (ServerProcess server = ServerProcess.start();
             Transport plainTransport = AllAtOnce.transport(new String[] {"", "", kind});
             Transport politeTransport = AllAtOnce.transport(new String[] {"", "", kind});
             Salvo plain = Salvo.newBuilder().transport(plainTransport).maxInFlight(concurrency).build();
             Salvo polite = Salvo.newBuilder().transport(politeTransport).maxInFlight(concurrency)
                     .interceptor(passThrough).rateLimit(1_000_000, 1_000_000).build()) {
            Request request = Request.get(server.baseUrl() + path);
            Function<Request, CompletableFuture<Response>> off = plain::send;
            Function<Request, CompletableFuture<Response>> on = polite::send;
            for (int w = 0; w < 2; w++) { // the JIT is still compiling after one short warm-up
                OverheadRatio.run(off, request, concurrency, 3);
                OverheadRatio.run(on, request, concurrency, 3);
            }
            double[] offRates = new double[rounds];
            double[] onRates = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                if (r % 2 == 0) { // alternate which side goes first, so neither gains from the order
                    offRates[r] = OverheadRatio.run(off, request, concurrency, seconds);
                    onRates[r] = OverheadRatio.run(on, request, concurrency, seconds);
                } else {
                    onRates[r] = OverheadRatio.run(on, request, concurrency, seconds);
                    offRates[r] = OverheadRatio.run(off, request, concurrency, seconds);
                }
                System.out.printf("round %d: off %.0f req/s, on %.0f req/s%n", r + 1, offRates[r], onRates[r]);
            }
            double offMedian = OverheadRatio.median(offRates);
            double onMedian = OverheadRatio.median(onRates);
            System.out.printf("concurrency=%d transport=%s path=%s off_rps=%.0f on_rps=%.0f ratio=%.3f%n",
                    concurrency, kind, path, offMedian, onMedian, onMedian / offMedian);
        }
    }
}
