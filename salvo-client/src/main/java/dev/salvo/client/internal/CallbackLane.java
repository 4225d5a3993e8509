package dev.salvo.client.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default callback executor: one queue per client, served in order by one virtual thread that
 * parks when the queue is empty, so a completion costs a queue offer (plus, when the worker sleeps,
 * one unpark) instead of a new thread; under load the worker drains completions back to back and
 * nobody is woken at all. Before it parks, the worker may wait for more work ({@link #SPIN_NANOS}:
 * none by default, since a spin costs more than it saves).
 *
 * <p><b>A slow stage.</b> A stage that has run for more than {@link #STALL_NANOS} (blocking,
 * sleeping or computing) while others wait behind it stops holding them up: a watchdog gives the
 * queue to a new worker, and the old one ends once its stage returns. So stages run in the order
 * they were handed over, except that those queued behind a stalled stage may run before it ends;
 * a stage that waits for another stage of the same client (a {@code join()} on a chained future)
 * is freed within about two watchdog ticks. The watchdog is a virtual thread that ticks while the
 * lane has work and ends a tick after it goes idle. While it ticks, an idle worker parks without a
 * timeout (a timed park arms and cancels a timer each time: measurable at thousands of calls per
 * second); when it ends, it wakes the worker, which then parks for its keep-alive.
 *
 * <p>The lane never refuses a task, also after {@link #close()}: an idle worker then ends at once,
 * and a later task starts a new one. Thread-safe.
 */
final class CallbackLane implements Executor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("dev.salvo.client");
    static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /**
     * How long an idle worker waits for more work before it parks: system property
     * {@code dev.salvo.callbackSpinMicros} (default 0, read once), for measuring the trade of CPU
     * burnt while idle against the wake-up a park costs the next completion. Measured: a spin costs
     * more than it saves on two cores (docs/benchmarks/client-spin.md), so the default is none.
     */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(Math.max(0, Long.getLong("dev.salvo.callbackSpinMicros", 0)));
    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int NONE = 0;
    private static final int RUNNING = 1;
    private static final int PARKED = 2;

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** NONE: no worker; RUNNING: the worker will look at the queue again; PARKED: it must be unparked. */
    private final AtomicInteger state = new AtomicInteger(NONE);
    private final Thread.Builder threads;
    private final Watchdog watchdog = new Watchdog();
    private volatile Worker current;
    private volatile boolean closed;

    CallbackLane(String name) {
        this.threads = Thread.ofVirtual().name(name + "-", 0);
    }

    @Override
    public void execute(Runnable task) {
        tasks.offer(task);
        while (true) {
            int s = state.get();
            if (s == RUNNING) {
                return; // the worker looks at the queue again before it parks
            }
            if (state.compareAndSet(s, RUNNING)) {
                if (s == PARKED) {
                    LockSupport.unpark(current.thread);
                } else {
                    startWorker();
                }
                return;
            }
        }
    }

    private synchronized void startWorker() {
        current = new Worker();
        current.thread.start();
    }

    /** Idle workers end from now on; tasks handed over later still run. */
    @Override
    public void close() {
        closed = true;
        Worker worker = current;
        if (worker != null) {
            LockSupport.unpark(worker.thread);
        }
    }

    /** The current worker's thread, or null between workers: for tests. */
    Thread worker() {
        Worker worker = current;
        return worker == null ? null : worker.thread;
    }

    private final class Worker implements Runnable {
        final Thread thread = threads.unstarted(this);
        /** Stages begun and ended by this worker; they differ while one runs. */
        volatile long begun;
        volatile long ended;

        @Override
        public void run() {
            while (current == this) {
                Runnable task = tasks.poll();
                if (task == null) {
                    if (!waitForWork()) {
                        return;
                    }
                    continue;
                }
                begun++;
                watchdog.watch();
                try {
                    task.run();
                } catch (Throwable t) {
                    // a future's own stage never throws (its failure goes to its future); a task a
                    // user hands to callbackExecutor() may: logged, and the lane goes on
                    log.warn("a task on the callback executor failed", t);
                } finally {
                    ended++;
                }
            }
        }

        /** Spins briefly, then parks until there is work: true to go on, false when this worker ends. */
        private boolean waitForWork() {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (tasks.isEmpty() && System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            }
            synchronized (CallbackLane.this) {
                if (current != this) {
                    return false;
                }
                state.set(PARKED);
            }
            long parkedAt = System.nanoTime();
            while (tasks.isEmpty() || !state.compareAndSet(PARKED, RUNNING)) {
                if (state.get() == RUNNING) {
                    return true; // a task came and its sender woke this worker
                }
                long left = closed ? 0 : KEEP_ALIVE_NANOS - (System.nanoTime() - parkedAt);
                if (left <= 0 && retire()) {
                    return false;
                }
                if (left > 0 && watchdog.isTicking()) {
                    // busy lately: the next task is near, and a timed park would arm and cancel a
                    // timer on every call; the watchdog unparks this worker when it stops
                    LockSupport.park();
                } else {
                    LockSupport.parkNanos(left > 0 ? left : 1);
                }
            }
            return true;
        }

        /** Ends this idle worker unless a task has just come. */
        private boolean retire() {
            synchronized (CallbackLane.this) {
                if (!tasks.isEmpty() || !state.compareAndSet(PARKED, NONE)) {
                    return false;
                }
                current = null;
                return true;
            }
        }
    }

    /**
     * Ticks every half {@link #STALL_NANOS} while the lane has work: a worker found twice inside the
     * same stage with tasks waiting is replaced.
     */
    private final class Watchdog implements Runnable {
        private final AtomicInteger running = new AtomicInteger();

        void watch() {
            if (running.get() == 0 && running.compareAndSet(0, 1)) {
                threads.start(this);
            }
        }

        boolean isTicking() {
            return running.get() != 0;
        }

        @Override
        public void run() {
            Worker seen = null;
            long seenBegun = -1;
            while (true) {
                LockSupport.parkNanos(STALL_NANOS / 2);
                Worker worker = current;
                long begun = worker == null ? -1 : worker.begun;
                boolean inStage = worker != null && begun != worker.ended;
                boolean sameStage = worker == seen && begun == seenBegun;
                if (inStage && sameStage && !tasks.isEmpty()) {
                    replace(worker);
                }
                seen = worker;
                seenBegun = begun;
                if (sameStage && !inStage && tasks.isEmpty()) {
                    // nothing began for a whole tick: stop; a stage that begins from now on starts a new watchdog
                    running.set(0);
                    Worker now = current;
                    if (now == null || (now == seen && now.begun == seenBegun) || !running.compareAndSet(0, 1)) {
                        if (now != null) {
                            LockSupport.unpark(now.thread); // from an untimed park to its keep-alive one
                        }
                        return;
                    }
                }
            }
        }

        /** Gives the queue to a new worker, unless {@code stalled} has meanwhile finished its stage. */
        private void replace(Worker stalled) {
            synchronized (CallbackLane.this) {
                if (current != stalled || stalled.begun == stalled.ended || state.get() == PARKED) {
                    return;
                }
                current = new Worker();
                current.thread.start();
            }
        }
    }
}
