package dev.salvo.client.internal;

import dev.salvo.client.ClientClosedException;
import dev.salvo.client.Origin;
import dev.salvo.client.QueueFullException;
import dev.salvo.client.SalvoIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides when a call may run: at most {@code maxInFlight} in all and {@code maxPerHost} per
 * {@link Origin} (scheme, host, port); the rest wait in FIFO order. The queue bound counts only
 * calls that have to wait: a call that can start at once always starts, and a call already
 * admitted (back from a retry wait, or moved to another origin by a redirect) is never refused. A host whose own limit is reached does not hold up
 * calls to other hosts: among the hosts below their limit, the one whose oldest waiting call came
 * first goes next. Every operation is O(log hosts) amortized, so 100,000 waiting calls cost
 * nothing per completion.
 *
 * <p>Thread-safe (one lock). Calls leave the queue either by being promoted or by
 * {@link #abandon} (cancel, deadline, close); an abandoned call is dropped lazily from its host's
 * deque, but stops counting at once.
 */
final class Dispatcher {
    private final int maxInFlight;
    private final int maxPerHost;
    private final int maxQueued;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final Map<Origin, Host> hosts = new HashMap<>();
    private final PriorityQueue<Host> ready = new PriorityQueue<>((a, b) -> Long.compare(a.readyKey, b.readyKey));
    private long sequence;
    private int inFlight;
    private int queued;
    private boolean closed;

    Dispatcher(int maxInFlight, int maxPerHost, int maxQueued) {
        this.maxInFlight = maxInFlight;
        this.maxPerHost = maxPerHost;
        this.maxQueued = maxQueued;
    }

    /**
     * Queues {@code call} under its current request's origin; fills {@code toStart} with the calls
     * that may start now (possibly this one).
     *
     * @param readmit true for a call that was admitted before (a retry, a cross-origin redirect):
     *                it goes to the front of its origin's queue and the queue bound does not apply
     * @throws QueueFullException when the call would have to wait and the queue bound is reached
     * @throws ClientClosedException once {@link #closeAndDrain} has run
     */
    void enqueue(Call call, boolean readmit, List<Call> toStart) throws SalvoIOException {
        lock.lock();
        try {
            if (closed) {
                throw new ClientClosedException("client is closed; not sending " + call.describe());
            }
            Origin origin = call.current.origin();
            Host host = hosts.get(origin);
            boolean startsNow = inFlight < maxInFlight && (host == null || host.live == 0 && host.running < maxPerHost);
            if (!readmit && !startsNow && queued >= maxQueued) {
                throw new QueueFullException("queue full: " + queued + " calls waiting (maxQueued " + maxQueued
                        + "), " + inFlight + " in flight; rejected " + call.describe());
            }
            if (host == null) {
                host = new Host(origin);
                hosts.put(origin, host);
            }
            call.slot = Call.Slot.QUEUED;
            call.host = host;
            if (readmit) {
                host.waiting.addFirst(call);
                if (host.inReady) {
                    ready.remove(host);
                    host.inReady = false;
                }
            } else {
                call.sequence = sequence++;
                host.waiting.add(call);
            }
            host.live++;
            queued++;
            if (!host.inReady && host.running < maxPerHost) {
                markReady(host, host.waiting.peekFirst());
            }
            promote(toStart);
        } finally {
            lock.unlock();
        }
    }

    /** Frees the slot of a call that held one; fills {@code toStart} with calls that may start now. */
    void release(Call call, List<Call> toStart) {
        lock.lock();
        try {
            if (call.slot != Call.Slot.RUNNING) {
                return;
            }
            call.slot = Call.Slot.NONE;
            Host host = call.host;
            inFlight--;
            host.running--;
            if (!host.inReady && host.live > 0 && host.running < maxPerHost) {
                markReady(host, host.waiting.peekFirst());
            }
            forgetIfUnused(host);
            promote(toStart);
            if (inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes {@code call} out of the dispatcher, wherever it is: a queued call stops counting as
     * queued; a running one frees its slot. Returns what it was.
     */
    Call.Slot abandon(Call call, List<Call> toStart) {
        lock.lock();
        try {
            Call.Slot was = call.slot;
            if (was == Call.Slot.QUEUED) {
                call.slot = Call.Slot.NONE;
                call.host.live--;
                queued--;
                if (call.host.live == 0) {
                    call.host.waiting.clear();
                    forgetIfUnused(call.host);
                }
            } else if (was == Call.Slot.RUNNING) {
                release(call, toStart);
            }
            return was;
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
            for (Host host : hosts.values()) {
                for (Call call : host.waiting) {
                    if (call.slot == Call.Slot.QUEUED) {
                        call.slot = Call.Slot.NONE;
                        drained.add(call);
                    }
                }
                host.waiting.clear();
                host.live = 0;
            }
            ready.clear();
            hosts.values().forEach(h -> h.inReady = false);
            hosts.values().removeIf(h -> h.running == 0);
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
        while (inFlight < maxInFlight && !ready.isEmpty()) {
            Host host = ready.poll();
            host.inReady = false;
            Call next = pollLive(host);
            if (next == null) {
                forgetIfUnused(host);
                continue;
            }
            next.slot = Call.Slot.RUNNING;
            host.live--;
            host.running++;
            queued--;
            inFlight++;
            toStart.add(next);
            if (host.live > 0 && host.running < maxPerHost) {
                markReady(host, host.waiting.peekFirst());
            }
        }
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

    private void markReady(Host host, Call head) {
        host.readyKey = head == null ? sequence++ : head.sequence;
        host.inReady = true;
        ready.add(host);
    }

    private void forgetIfUnused(Host host) {
        if (host.running == 0 && host.live == 0 && !host.inReady) {
            hosts.remove(host.key, host);
        }
    }

    /** One origin's calls. Guarded by the dispatcher's lock. */
    static final class Host {
        final Origin key;
        final ArrayDeque<Call> waiting = new ArrayDeque<>();
        int live;
        int running;
        boolean inReady;
        long readyKey;

        Host(Origin key) {
            this.key = key;
        }
    }
}
