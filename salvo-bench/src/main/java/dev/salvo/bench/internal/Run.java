package dev.salvo.bench.internal;

import dev.salvo.bench.BenchConfig;
import dev.salvo.bench.BenchResult;
import dev.salvo.bench.ErrorKind;
import dev.salvo.bench.Progress;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.spi.Transport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state one run shares between its driver, the completion callbacks and its clock: times,
 * slots, counts and the permits of a counted run. Sends go straight to the {@link Transport}.
 */
public final class Run {
    private static final Logger LOG = LoggerFactory.getLogger(Run.class);

    final BenchConfig config;
    final long startNanos;
    final long warmupEndNanos;
    final long timeoutNanos;
    final Slot[] slots;
    final Tally tally;
    private final Transport transport;
    private final Request request;
    private final long count;
    private final AtomicLong permits;
    private final AtomicLong lastMeasuredDone = new AtomicLong();
    private final Driver driver;
    private final RunClock clock;
    /** Scenario runs only, else null: starts flows, and pauses between their steps. */
    private final FlowRun.Starter flows;
    private final java.util.concurrent.ScheduledExecutorService thinker;
    private final CompletableFuture<BenchResult> result = new CompletableFuture<>();
    private volatile long endNanos;
    private volatile boolean stopRequested;
    private volatile boolean stopped;

    private Run(BenchConfig config, Transport transport) {
        this.config = config;
        this.transport = transport;
        this.request = config.request();
        this.count = config.requests().orElse(0);
        this.permits = new AtomicLong(count);
        this.timeoutNanos = config.timeout().toNanos();
        this.slots = new Slot[config.connections()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot(i);
        }
        this.tally = new Tally(config.isOpenModel());
        this.startNanos = System.nanoTime();
        this.warmupEndNanos = startNanos + config.warmup().toNanos();
        this.endNanos = count > 0 ? Long.MAX_VALUE : warmupEndNanos + config.duration().toNanos();
        this.driver = config.isOpenModel() ? new OpenLoop(this) : new ClosedLoop(this);
        this.clock = new RunClock(this);
        this.flows = config.scenario().map(FlowRun.Starter::new).orElse(null);
        this.thinker = flows == null ? null : java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "salvo-bench-think");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a run; the transport stays the caller's to close. */
    public static Run start(BenchConfig config, Transport transport) {
        Run run = new Run(config, transport);
        LOG.debug("[{}] starting {}", Thread.currentThread().getName(), config);
        run.clock.start();
        run.driver.start();
        return run;
    }

    public CompletableFuture<BenchResult> result() {
        return result;
    }

    public Progress progress() {
        long now = System.nanoTime();
        long measured = Math.max(0, Math.min(now, endNanos) - warmupEndNanos);
        long done = tally.measuredDone();
        double[] live = clock.livePercentiles();
        java.util.Map<ErrorKind, Long> errors = new java.util.EnumMap<>(ErrorKind.class);
        tally.errorsByKind().forEach((kind, samples) -> {
            if (samples.count() > 0) {
                errors.put(kind, samples.count());
            }
        });
        return new Progress(Duration.ofNanos(now - startNanos), Duration.ofNanos(Math.max(0, warmupEndNanos - now)),
                Duration.ofNanos(measured), config.duration(), done, count, clock.currentRate(),
                measured > 0 ? done * 1e9 / measured : 0, live[0], live[1], live[2], tally.statuses(), errors);
    }

    /** Asks the run to end now; the result covers what completed so far. */
    public void requestStop() {
        stopRequested = true;
        clock.wake();
    }

    boolean stopRequested() {
        return stopRequested;
    }

    boolean stopped() {
        return stopped;
    }

    long endNanos() {
        return endNanos;
    }

    boolean counted() {
        return count > 0;
    }

    boolean countReached() {
        return count > 0 && tally.measuredDone() >= count;
    }

    long lastMeasuredDoneNanos() {
        return lastMeasuredDone.get();
    }

    Driver driver() {
        return driver;
    }

    /** Takes the right to send one more measured request; false once a counted run has sent them all. */
    boolean claimPermit() {
        return count == 0 || permits.getAndDecrement() > 0;
    }

    /** Sends on {@code slot}; completion comes back through {@link #completed}. */
    void send(Slot slot, long intendedNanos, long sentNanos, boolean measured) {
        InFlight flight = new InFlight(this, slot, intendedNanos, sentNanos, measured);
        slot.current = flight;
        CompletableFuture<Response> future;
        try {
            Request next = request;
            if (flows != null) {
                if (slot.flow == null) {
                    slot.flow = flows.start(measured);
                }
                next = slot.flow.request(request.uri());
            }
            future = transport.execute(next); // read whole within the request's limit (64 MiB default)
        } catch (RuntimeException e) {
            flight.accept(null, e);
            return;
        }
        flight.future = future;
        future.whenComplete(flight);
    }

    void completed(InFlight flight, Response response, Throwable failure) {
        long done = System.nanoTime();
        Slot slot = flight.slot;
        slot.current = null;
        tally.anyCompletion();
        FlowRun flow = slot.flow;
        String missing = flow != null && failure == null ? flow.extract(response) : null;
        if (flight.measured && done < endNanos) {
            if (missing != null) {
                tally.failure(ErrorKind.OTHER, missing);
            } else if (failure == null) {
                tally.response(flight.intendedNanos, flight.sentNanos, done, response);
            } else {
                tally.failure(flight.timedOut() ? ErrorKind.TIMEOUT : ErrorKind.of(failure), describe(flight, failure));
            }
            if (count > 0) {
                lastMeasuredDone.accumulateAndGet(done, Math::max);
                if (tally.measuredDone() >= count) {
                    clock.wake();
                }
            }
        }
        if (stopped) {
            return;
        }
        if (flow != null && failure == null && missing == null) {
            long think = flow.think().toNanos();
            if (flow.advance()) {
                // always from the think thread, even without a pause: the completing connection goes back to
                // the transport's pool first, so the next step can reuse it instead of waiting for another
                thinker.schedule(() -> nextStep(slot, flow), think, java.util.concurrent.TimeUnit.NANOSECONDS);
                return;
            }
        }
        slot.flow = null;
        driver.slotFree(slot);
    }

    /** Sends the next step of {@code flow} on {@code slot}, measured from now. */
    private void nextStep(Slot slot, FlowRun flow) {
        if (!stopped) {
            long now = System.nanoTime();
            send(slot, now, now, flow.measured);
        }
    }

    /** Times out every request in flight for longer than the timeout; called by the clock. */
    void sweepTimeouts(long now) {
        for (Slot slot : slots) {
            InFlight flight = slot.current;
            if (flight != null && now - flight.sentNanos > timeoutNanos) {
                flight.timeOut();
            }
        }
    }

    /** Ends sending at {@code now}: later completions are not counted, requests in flight are cancelled. */
    void stopAt(long now) {
        if (now < endNanos) {
            endNanos = now;
        }
        stopped = true;
        driver.stop();
        if (thinker != null) {
            thinker.shutdownNow();
        }
        for (Slot slot : slots) {
            InFlight flight = slot.current;
            if (flight != null) {
                flight.abandon();
            }
        }
    }

    void finish(BenchResult outcome) {
        LOG.debug("[{}] finished: {} requests in {}", Thread.currentThread().getName(), outcome.requests(),
                outcome.duration());
        result.complete(outcome);
    }

    void fail(Throwable failure) {
        result.completeExceptionally(failure);
    }

    private String describe(InFlight flight, Throwable failure) {
        if (flight.timedOut()) {
            return "no response within " + DurationText.of(config.timeout());
        }
        Throwable cause = ErrorKind.unwrap(failure);
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + message;
    }
}
