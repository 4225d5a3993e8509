package dev.salvo.netty.bench;

import dev.salvo.client.Request;
import dev.salvo.client.spi.Transport;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps {@code concurrency} calls in flight on one transport: each completion sends the next
 * request from the completing thread, as a load generator does. Counts completions and errors.
 */
final class ClosedLoop {
    private final Transport transport;
    private final Request request;
    private final int concurrency;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running;
    private CountDownLatch stopped;

    ClosedLoop(Transport transport, Request request, int concurrency) {
        this.transport = transport;
        this.request = request;
        this.concurrency = concurrency;
    }

    /** One measured run after a warm-up: the requests completed per second. */
    Result run(Duration warmup, Duration measured) throws InterruptedException {
        running = true;
        stopped = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            send();
        }
        Thread.sleep(warmup.toMillis()); // not synchronisation: the warm-up is a span of time, as is the window below
        long doneBefore = completed.get();
        long failedBefore = failed.get();
        ClientCost before = ClientCost.now();
        long started = System.nanoTime();
        Thread.sleep(measured.toMillis());
        long done = completed.get() - doneBefore;
        long errors = failed.get() - failedBefore;
        ClientCost cost = ClientCost.now().since(before);
        double seconds = (System.nanoTime() - started) / 1e9;
        running = false;
        if (!stopped.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("calls still in flight 30 s after the run ended");
        }
        return new Result(done / seconds, errors, done == 0 ? 0 : cost.allocatedBytes() / done,
                done == 0 ? 0 : cost.cpuNanos() / 1000.0 / done);
    }

    private void send() {
        transport.execute(request).whenComplete((response, error) -> {
            if (error != null || response.status() != 200) {
                failed.incrementAndGet();
            } else {
                completed.incrementAndGet();
            }
            if (running) {
                send();
            } else {
                stopped.countDown();
            }
        });
    }

    /** Requests per second, failures, and the client side's bytes and CPU µs per request, while measured. */
    record Result(double requestsPerSecond, long errors, long bytesPerRequest, double cpuMicrosPerRequest) {
    }
}
