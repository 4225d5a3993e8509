package dev.salvo.benchmarks.peers;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed loop of {@code concurrency} lanes over one client for a fixed number of requests: each
 * lane sends its next request from the completion of its previous one (as a load generator does),
 * so exactly {@code concurrency} requests are outstanding until the count is reached. Latency is
 * recorded per request in an HdrHistogram {@link Recorder} (wait-free, allocation-free);
 * allocation is {@code com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes} (every
 * thread of this JVM, live or ended) and CPU is the process CPU time, both as deltas over the run.
 *
 * <p>One run at a time; each instance is used by the lanes' completing threads concurrently.
 */
final class ClosedLoop {
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final PeerClient client;
    private final String url;
    private final int requests;
    private final Recorder latencies = new Recorder(MAX_LATENCY_NANOS, 3);
    private final AtomicInteger issued = new AtomicInteger();
    private final LongAdder errors = new LongAdder();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private final CountDownLatch lanesDone;
    private final Lane[] lanes;

    private ClosedLoop(PeerClient client, String url, int concurrency, int requests) {
        this.client = client;
        this.url = url;
        this.requests = requests;
        this.lanesDone = new CountDownLatch(concurrency);
        this.lanes = new Lane[concurrency];
        for (int i = 0; i < concurrency; i++) {
            lanes[i] = new Lane();
        }
    }

    /** Runs {@code requests} GETs of {@code url}, {@code concurrency} at a time, bounded by {@code timeout}. */
    static RunResult run(PeerClient client, String url, int concurrency, int requests, Duration timeout)
            throws InterruptedException {
        return new ClosedLoop(client, url, concurrency, requests).run(timeout);
    }

    private RunResult run(Duration timeout) throws InterruptedException {
        latencies.reset();
        long allocatedBefore = THREADS.getTotalThreadAllocatedBytes();
        long cpuBefore = OS.getProcessCpuTime();
        long start = System.nanoTime();
        for (Lane lane : lanes) {
            lane.next();
        }
        boolean finished = lanesDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long wall = System.nanoTime() - start;
        long cpu = OS.getProcessCpuTime() - cpuBefore;
        long allocated = THREADS.getTotalThreadAllocatedBytes() - allocatedBefore;
        Histogram histogram = latencies.getIntervalHistogram();
        long done = histogram.getTotalCount();
        if (!finished) {
            errors.add(Math.max(0, Math.min(issued.get(), requests) - done));
            firstError.compareAndSet(null, new IllegalStateException("timed out after " + timeout.toSeconds()
                    + " s with " + (Math.min(issued.get(), requests) - done) + " requests outstanding"));
        }
        long count = Math.max(1, done);
        Throwable error = firstError.get();
        return new RunResult(done / (wall / 1e9), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), allocated / count, cpu / count, errors.sum(),
                error == null ? "-" : error.toString());
    }

    /** One outstanding request at a time; it is its own completion callback, so a request costs no lambda. */
    private final class Lane implements BiConsumer<Integer, Throwable> {
        private long sentAt;

        void next() {
            if (issued.getAndIncrement() >= requests) {
                lanesDone.countDown();
                return;
            }
            sentAt = System.nanoTime();
            CompletableFuture<Integer> reply;
            try {
                reply = client.get(url);
            } catch (RuntimeException e) {
                reply = CompletableFuture.failedFuture(e);
            }
            reply.whenComplete(this);
        }

        @Override
        public void accept(Integer bodyLength, Throwable error) {
            latencies.recordValue(Math.min(System.nanoTime() - sentAt, MAX_LATENCY_NANOS));
            if (error == null) {
                next();
                return;
            }
            errors.increment();
            firstError.compareAndSet(null, error);
            // a failure may complete on the sending thread: go on from another one, not recursively
            CompletableFuture.runAsync(this::next);
        }
    }
}
