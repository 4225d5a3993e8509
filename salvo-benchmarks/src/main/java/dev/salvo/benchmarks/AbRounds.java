package dev.salvo.benchmarks;

import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.spi.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * An on ÷ off comparison in one run: two warm-up rounds of each side (the JIT is still compiling after
 * one short warm-up), then {@code rounds} timed rounds of {@link OverheadRatio#run}, each swapping which
 * side goes first so neither gains from the order; prints each round and returns the medians.
 */
final class AbRounds {
    private static final double WARM_UP_SECONDS = 3;

    /**
     * What both sides run: {@code [concurrency] [seconds per round] [rounds] [path] [transport]} on the command
     * line (defaults 64, 5, 5, {@code /get}, netty; transport as in {@link AllAtOnce}).
     */
    record Setup(int concurrency, double seconds, int rounds, String path, String transport) {
        static Setup parse(String[] args) {
            return new Setup(args.length > 0 ? Integer.parseInt(args[0]) : 64, args.length > 1 ? Double.parseDouble(args[1]) : 5,
                    args.length > 2 ? Integer.parseInt(args[2]) : 5, args.length > 3 ? args[3] : "/get",
                    args.length > 4 ? args[4] : "netty");
        }

        /** A fresh transport of this kind: one per side, so neither shares the other's pool. */
        Transport newTransport() {
            return AllAtOnce.transport(new String[] {"", "", transport});
        }

        /** The summary line: the setup, both medians and their ratio (on ÷ off). */
        String summary(Medians medians) {
            return String.format("concurrency=%d transport=%s path=%s off_rps=%.0f on_rps=%.0f ratio=%.3f", concurrency,
                    transport, path, medians.off(), medians.on(), medians.ratio());
        }
    }

    /** The medians of both sides, in requests per second. */
    record Medians(double off, double on) {
        double ratio() {
            return on / off;
        }
    }

    private AbRounds() {
    }

    static Medians compare(Function<Request, CompletableFuture<Response>> off, Function<Request, CompletableFuture<Response>> on,
            Request request, Setup setup) throws InterruptedException {
        int concurrency = setup.concurrency();
        double seconds = setup.seconds();
        int rounds = setup.rounds();
        for (int w = 0; w < 2; w++) {
            OverheadRatio.run(off, request, concurrency, WARM_UP_SECONDS);
            OverheadRatio.run(on, request, concurrency, WARM_UP_SECONDS);
        }
        double[] offRates = new double[rounds];
        double[] onRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                offRates[r] = OverheadRatio.run(off, request, concurrency, seconds);
                onRates[r] = OverheadRatio.run(on, request, concurrency, seconds);
            } else {
                onRates[r] = OverheadRatio.run(on, request, concurrency, seconds);
                offRates[r] = OverheadRatio.run(off, request, concurrency, seconds);
            }
            System.out.printf("round %d: off %.0f req/s, on %.0f req/s%n", r + 1, offRates[r], onRates[r]);
        }
        return new Medians(OverheadRatio.median(offRates), OverheadRatio.median(onRates));
    }
}
