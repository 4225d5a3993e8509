package dev.salvo.client.internal;

import dev.salvo.client.CircuitOpenException;
import dev.salvo.client.ClientClosedException;
import dev.salvo.client.Origin;
import dev.salvo.client.QueueFullException;
import dev.salvo.client.SalvoIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides when a call may run: at most {@code maxInFlight} in all and, per {@link Origin} (scheme,
 * host, port), at most its limit ({@code maxPerHost}, or the {@link AdaptiveLimit adaptive} one), no
 * faster than its {@link RateBucket rate}, not while a Retry-After pauses it, not while its
 * {@link Breaker circuit breaker} is open; the rest wait in FIFO order. The queue bound counts only
 * calls that have to wait: a call that can start at once (as far as the concurrency limits go) always
 * starts, a call already admitted (back from a retry wait, or moved to another origin by a redirect) is
 * never refused, and no call is refused for the rate or a pause: it waits. A host that cannot start a
 * call does not hold up calls to other hosts: among the hosts that can, the one whose oldest waiting
 * call came first goes next ({@link Hosts}). A host waiting for time (a permit, the end of a pause) is
 * woken by a timer ({@link HostWakeups}). Every operation is O(log hosts) amortized, so 100,000 waiting
 * calls cost nothing per completion.
 *
 * <p>Thread-safe (one lock), never calling out while holding it. Calls leave the queue by being
 * promoted, refused (an opening breaker: {@code refusal} set, handed over with the calls to start), or
 * {@link #abandon}ed (cancel, deadline, close); an abandoned call is dropped lazily from its host's
 * deque, but stops counting at once.
 */
final class Dispatcher {
    /** Gets the calls a timer's wake-up let in, and the call whose pause just ended (or null). */
    interface Wakeup {
        void woke(List<Call> toStart, Call resumedBy);
    }

    private final int maxInFlight;
    private final int maxQueued;
    private final Wakeup wakeup;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final Hosts hosts;
    private final HostWakeups wakeups;
    private long sequence;
    private int inFlight;
    private int queued;
    private boolean closed;

    Dispatcher(int maxInFlight, int maxPerHost, int maxQueued, Politeness politeness, ScheduledExecutorService timer,
            Wakeup wakeup) {
        this.maxInFlight = maxInFlight;
        this.maxQueued = maxQueued;
        this.wakeup = wakeup;
        this.hosts = new Hosts(politeness, maxPerHost);
        this.wakeups = new HostWakeups(timer, this::wake);
    }

    /**
     * Queues {@code call} under its current request's origin; fills {@code toStart} with the calls
     * that may start now (possibly this one).
     *
     * @param readmit true for a call that was admitted before (a retry, a cross-origin redirect):
     *                it goes to the front of its origin's queue and the queue bound does not apply
     * @throws QueueFullException when the call would have to wait and the queue bound is reached
     * @throws CircuitOpenException when the origin's circuit breaker is open
     * @throws ClientClosedException once {@link #closeAndDrain} has run
     */
    void enqueue(Call call, boolean readmit, List<Call> toStart) throws SalvoIOException {
        lock.lock();
        try {
            if (closed) {
                throw new ClientClosedException("client is closed; not sending " + call.describe());
            }
            Origin origin = call.current.origin();
            Host host = hosts.of(origin);
            if (host.breaker != null && host.breaker.refuses(System.nanoTime())) {
                throw new CircuitOpenException("circuit breaker of " + origin + " is " + host.breaker.describe()
                        + "; not sending " + call.describe());
            }
            boolean startsNow = inFlight < maxInFlight && host.live == 0 && host.hasRoom();
            if (!readmit && !startsNow && queued >= maxQueued) {
                hosts.forgetIfUnused(host);
                throw new QueueFullException("queue full: " + queued + " calls waiting (maxQueued " + maxQueued
                        + "), " + inFlight + " in flight; rejected " + call.describe());
            }
            call.slot = Call.Slot.QUEUED;
            call.host = host;
            if (readmit) {
                host.waiting.addFirst(call);
                hosts.unready(host);
            } else {
                call.sequence = sequence++;
                host.waiting.add(call);
            }
            host.live++;
            queued++;
            consider(host);
            promote(toStart);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes {@code call} out of the dispatcher, wherever it is: a queued call stops counting as
     * queued; a running one frees its slot, its attempt ending as {@code verdict} says. Returns what it was.
     */
    Call.Slot abandon(Call call, Breaker.Verdict verdict, List<Call> toStart) {
        lock.lock();
        try {
            Call.Slot was = call.slot;
            call.slot = Call.Slot.NONE;
            Host host = call.host;
            if (was == Call.Slot.QUEUED) {
                host.live--;
                queued--;
                if (host.live == 0) {
                    host.waiting.clear();
                    hosts.forgetIfUnused(host);
                }
            } else if (was == Call.Slot.RUNNING) {
                inFlight--;
                if (host.finished(call, verdict)) {
                    refuseQueued(host, toStart);
                }
                consider(host);
                hosts.forgetIfUnused(host);
                promote(toStart);
                if (inFlight == 0) {
                    idle.signalAll();
                }
            }
            return was;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Pauses the origin of running {@code call} for {@code nanos} (a Retry-After): none of its queued
     * calls starts before then. True when the origin was not paused before (it is now).
     */
    boolean pause(Call call, long nanos) {
        lock.lock();
        try {
            Host host = call.host;
            if (call.slot != Call.Slot.RUNNING || nanos <= 0) {
                return false;
            }
            hosts.unready(host);
            return wakeups.pause(host, call, System.nanoTime() + nanos);
        } finally {
            lock.unlock();
        }
    }

    /** Refuses calls from now on; removes and returns every queued call. */
    List<Call> closeAndDrain() {
        lock.lock();
        try {
            closed = true;
            List<Call> drained = new ArrayList<>(queued);
            for (Host host : hosts.all()) {
                for (Call call : host.waiting) {
                    if (call.slot == Call.Slot.QUEUED) {
                        call.slot = Call.Slot.NONE;
                        drained.add(call);
                    }
                }
                host.waiting.clear();
                host.live = 0;
            }
            hosts.drained();
            queued = 0;
            return drained;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no call is in flight, at most {@code nanos}; true when idle. */
    boolean awaitIdle(long nanos) throws InterruptedException {
        lock.lock();
        try {
            long left = nanos;
            while (inFlight > 0) {
                if (left <= 0) {
                    return false;
                }
                left = idle.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    int queued() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    private void promote(List<Call> toStart) {
        Host host;
        while (inFlight < maxInFlight && (host = hosts.pollReady()) != null) {
            Call next = pollLive(host);
            if (next == null) {
                hosts.forgetIfUnused(host);
                continue;
            }
            next.slot = Call.Slot.RUNNING;
            host.live--;
            host.running++;
            host.started(next);
            queued--;
            inFlight++;
            toStart.add(next);
            consider(host);
        }
    }

    /** Puts a host with waiting calls and room into the ready queue, or has the timer wake it when time allows. */
    private void consider(Host host) {
        if (host.inReady || host.live == 0 || !host.hasRoom()) {
            return;
        }
        long wait = host.nanosUntilAllowed();
        if (wait == 0) {
            hosts.makeReady(host, host.waiting.peekFirst() == null ? sequence++ : host.waiting.peekFirst().sequence);
        } else {
            wakeups.schedule(host, System.nanoTime() + wait);
        }
    }

    private void wake(Host host, long at) {
        List<Call> toStart = new ArrayList<>(2);
        Call resumedBy;
        lock.lock();
        try {
            resumedBy = wakeups.due(host, at);
            if (hosts.isCurrent(host)) {
                consider(host);
                hosts.forgetIfUnused(host);
                promote(toStart);
            }
        } finally {
            lock.unlock();
        }
        wakeup.woke(toStart, resumedBy);
    }

    /** The breaker opened: the host's queued calls fail at once (they go out with {@code toStart}). */
    private void refuseQueued(Host host, List<Call> toStart) {
        Call call;
        while ((call = host.waiting.pollFirst()) != null) {
            if (call.slot == Call.Slot.QUEUED) {
                call.slot = Call.Slot.NONE;
                call.refusal = new CircuitOpenException("circuit breaker of " + host.key + " opened ("
                        + host.breaker.describe() + ") while " + call.describe() + " was queued");
                host.live--;
                queued--;
                toStart.add(call);
            }
        }
        hosts.unready(host);
    }

    private static Call pollLive(Host host) {
        Call call;
        while ((call = host.waiting.pollFirst()) != null) {
            if (call.slot == Call.Slot.QUEUED) {
                return call;
            }
        }
        return null;
    }
}
