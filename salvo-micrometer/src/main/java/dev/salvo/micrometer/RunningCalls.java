package dev.salvo.micrometer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The running calls of one client by id, for a listener that each call's events reach on several threads.
 * A call has a slot of its own unless a call that many ids older still holds it ({@code id} spread over the
 * slots, so calls started one after another do not share a cache line); only then it goes to a map:
 * a call costs a compare-and-set to add and one to remove, where a map allocates a node and a boxed key
 * and updates a count every thread shares. Thread-safe; each id is added once and removed at most once.
 */
final class RunningCalls<V extends RunningCalls.Entry> {
    /** What is kept: it knows its call's id. */
    interface Entry {
        long id();
    }

    /** Odd: {@code id * SPREAD} gives as many consecutive ids as there are slots a slot each, consecutive ids far apart. */
    private static final long SPREAD = 0x9E3779B97F4A7C15L;

    private final AtomicReferenceArray<V> slots;
    private final int mask;
    private final ConcurrentHashMap<Long, V> overflow = new ConcurrentHashMap<>();

    /** @param slots how many calls have a slot; a power of two */
    RunningCalls(int slots) {
        if (slots <= 0 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, got " + slots);
        }
        this.slots = new AtomicReferenceArray<>(slots);
        this.mask = slots - 1;
    }

    void add(V entry) {
        if (!slots.compareAndSet(slot(entry.id()), null, entry)) {
            overflow.put(entry.id(), entry);
        }
    }

    /** The running call {@code id}; null when it is not (or no longer) running. */
    V get(long id) {
        V entry = slots.get(slot(id));
        return entry != null && entry.id() == id ? entry : overflow.get(id);
    }

    /** Removes and returns the running call {@code id}; null when it is not running. */
    V remove(long id) {
        int slot = slot(id);
        V entry = slots.get(slot);
        if (entry != null && entry.id() == id && slots.compareAndSet(slot, entry, null)) {
            return entry;
        }
        return overflow.remove(id);
    }

    /** How many calls are running: counts every slot (for tests and diagnostics, not per call). */
    int size() {
        int size = overflow.size();
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != null) {
                size++;
            }
        }
        return size;
    }

    private int slot(long id) {
        return (int) (id * SPREAD) & mask;
    }
}
