package dev.salvo.benchmarks;

import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.spi.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * An on ÷ off comparison in one run: two 10 s warm-up rounds of each side (after two of 5 s the "on" side
 * still gained in its timed rounds: its JIT was not done), then {@code rounds} timed rounds, each swapping
 * which side goes first so neither gains from the order; prints each round and returns the medians. A
 * {@link Side} runs in this JVM ({@link #compare(Function, Function, Request, Setup)}) or in one of its own
 * ({@link SideProcess}).
 */
final class AbRounds {
    private static final double WARM_UP_SECONDS = 10;

    /** One side of the comparison: a closed loop of calls for {@code seconds}; returns its requests/s. */
    @FunctionalInterface
    interface Side {
        double run(double seconds) throws Exception;
    }

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

    /** Both sides in this JVM: {@link OverheadRatio#run} of {@code off} and of {@code on}. */
    static Medians compare(Function<Request, CompletableFuture<Response>> off, Function<Request, CompletableFuture<Response>> on,
            Request request, Setup setup) throws Exception {
        return compare(seconds -> OverheadRatio.run(off, request, setup.concurrency(), seconds),
                seconds -> OverheadRatio.run(on, request, setup.concurrency(), seconds), setup);
    }

    static Medians compare(Side off, Side on, Setup setup) throws Exception {
        for (int w = 0; w < 2; w++) {
            off.run(WARM_UP_SECONDS);
            on.run(WARM_UP_SECONDS);
        }
        int rounds = setup.rounds();
        double[] offRates = new double[rounds];
        double[] onRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                offRates[r] = off.run(setup.seconds());
                onRates[r] = on.run(setup.seconds());
            } else {
                onRates[r] = on.run(setup.seconds());
                offRates[r] = off.run(setup.seconds());
            }
            System.out.printf("round %d: off %.0f req/s, on %.0f req/s (%.3f)%n", r + 1, offRates[r], onRates[r],
                    onRates[r] / offRates[r]);
        }
        return new Medians(OverheadRatio.median(offRates), OverheadRatio.median(onRates));
    }
}
