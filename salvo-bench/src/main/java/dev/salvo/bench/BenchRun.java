package dev.salvo.bench;

import dev.salvo.bench.internal.Run;
import dev.salvo.client.spi.Transport;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One load run in progress. {@link #start} returns at once; the run ends by itself (time up or
 * count reached, every request bounded by the timeout) or when {@link #stop()} is called, and
 * {@link #result()} then completes. The transport is driven directly, without Salvo's queue, and
 * stays the caller's to close after the run.
 *
 * <pre>{@code
 * try (Transport transport = LoadTransport.NETTY.open(64, 2, true, Duration.ofSeconds(5))) {
 *     BenchRun run = BenchRun.start(BenchConfig.builder(Request.get(url)).duration(Duration.ofSeconds(10)).build(),
 *             transport);
 *     System.out.print(TextReport.render(run.await()));
 * }
 * }</pre>
 */
public final class BenchRun {
    private final Run run;

    private BenchRun(Run run) {
        this.run = run;
    }

    /** Starts {@code config} on {@code transport}. */
    public static BenchRun start(BenchConfig config, Transport transport) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(transport, "transport");
        return new BenchRun(Run.start(config, transport));
    }

    /** Where the run is (warm-up left, measured time, counts, rates, live percentiles), for a live view. */
    public Progress progress() {
        return run.progress();
    }

    /** Ends the run now; {@link #result()} completes shortly with what was measured so far. */
    public void stop() {
        run.requestStop();
    }

    /** Completes with the result when the run ends; never fails except on a bug in the engine. */
    public CompletableFuture<BenchResult> result() {
        return run.result().copy();
    }

    /** Waits for the end of the run. */
    public BenchResult await() throws InterruptedException {
        try {
            return run.result().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the bench engine failed", e.getCause());
        }
    }
}
