package dev.salvo.client.internal;

import dev.salvo.client.Origin;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The {@link Dispatcher}'s per-origin admission state: a {@link Host} for every origin with calls or
 * state of its own (a rate, a breaker, a learnt limit), and the ready queue of the hosts that may start
 * a call now, the one whose oldest waiting call came first at its head. A plain host is forgotten as
 * soon as it has nothing once more than {@value #KEEP_IDLE} hosts are known; any host when a sweep
 * (every {@value #SWEEP_EVERY} new hosts) finds it idle. Confined to the dispatcher's lock.
 */
final class Hosts {
    private static final int SWEEP_EVERY = 256;
    private static final int KEEP_IDLE = 64;

    private final Map<Origin, Host> byOrigin = new HashMap<>();
    private final PriorityQueue<Host> ready = new PriorityQueue<>((a, b) -> Long.compare(a.readyKey, b.readyKey));
    private final Politeness politeness;
    private final int maxPerHost;
    private long created;

    Hosts(Politeness politeness, int maxPerHost) {
        this.politeness = politeness;
        this.maxPerHost = maxPerHost;
    }

    /** The origin's host, made (as the politeness settings say) if it has none. */
    Host of(Origin origin) {
        Host host = byOrigin.get(origin);
        if (host == null) {
            host = politeness.newHost(origin, maxPerHost, System.nanoTime());
            byOrigin.put(origin, host);
            if (++created % SWEEP_EVERY == 0) {
                sweep();
            }
        }
        return host;
    }

    /** False once {@code host} was forgotten (a later call to its origin got a new one). */
    boolean isCurrent(Host host) {
        return byOrigin.get(host.key) == host;
    }

    Collection<Host> all() {
        return byOrigin.values();
    }

    /** Queues a host with room and a waiting call, ordered by {@code key} (its oldest call's sequence). */
    void makeReady(Host host, long key) {
        host.readyKey = key;
        host.inReady = true;
        ready.add(host);
    }

    /** The ready host to start a call from next, taken out of the ready queue; null when none. */
    Host pollReady() {
        Host host = ready.poll();
        if (host != null) {
            host.inReady = false;
        }
        return host;
    }

    void unready(Host host) {
        if (host.inReady) {
            ready.remove(host);
            host.inReady = false;
        }
    }

    /**
     * Forgets a plain host that has nothing, once more than {@link #KEEP_IDLE} hosts are known: a
     * client that calls a few hosts one call at a time keeps their hosts instead of making and dropping
     * one per call; one that calls many still holds no more than that many idle ones (and the sweep
     * takes those too).
     */
    void forgetIfUnused(Host host) {
        if (byOrigin.size() > KEEP_IDLE && host.isPlain() && host.running == 0 && host.live == 0 && !host.inReady && host.wakeAt == 0 && !host.paused) {
            byOrigin.remove(host.key, host);
        }
    }

    /** After a drain: nothing is ready, and the hosts with no call running are forgotten. */
    void drained() {
        ready.clear();
        byOrigin.values().forEach(h -> h.inReady = false);
        byOrigin.values().removeIf(h -> h.running == 0);
    }

    /** Forgets hosts with state (a rate, a breaker, a learnt limit) that have been left alone long enough. */
    private void sweep() {
        long now = System.nanoTime();
        byOrigin.values().removeIf(h -> h.isIdle(now));
    }
}
