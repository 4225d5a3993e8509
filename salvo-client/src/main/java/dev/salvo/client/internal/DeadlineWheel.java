package dev.salvo.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The calls' deadlines, on a hashed timing wheel: adding and removing a deadline is O(1) under one
 * slot's lock and never wakes a thread, where a scheduled task per call would wake the timer thread
 * whenever it became the earliest (at one call in flight: every call). One daemon thread ticks
 * every {@link #TICK_NANOS} while deadlines are pending (and a second after), then parks until the
 * next add; deadlines fire up to one tick late. Thread-safe.
 */
final class DeadlineWheel implements AutoCloseable {
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int SLOTS = 1024;
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Slot[] slots = new Slot[SLOTS];
    private final long origin = System.nanoTime();
    private final AtomicInteger pending = new AtomicInteger();
    private final Consumer<Call> onExpiry;
    private final Thread sweeper;
    private volatile boolean idle;
    private volatile boolean closed;

    DeadlineWheel(String name, Consumer<Call> onExpiry) {
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new Slot();
        }
        this.onExpiry = onExpiry;
        this.sweeper = Thread.ofPlatform().name(name).daemon().unstarted(this::sweep);
        this.sweeper.start();
    }

    /** Arms {@code call}'s deadline ({@link Call#deadlineNanos}). */
    void add(Call call) {
        long tick = tickOf(call.deadlineNanos);
        Slot slot = slots[(int) (tick & (SLOTS - 1))];
        synchronized (slot) {
            call.wheelTick = tick;
            call.wheelSlot = slot;
            call.wheelNext = slot.head;
            if (slot.head != null) {
                slot.head.wheelPrev = call;
            }
            slot.head = call;
        }
        pending.incrementAndGet();
        if (idle) {
            LockSupport.unpark(sweeper);
        }
    }

    /** Disarms {@code call}'s deadline, if armed. */
    void remove(Call call) {
        Slot slot = call.wheelSlot;
        if (slot == null) {
            return;
        }
        boolean removed;
        synchronized (slot) {
            removed = call.wheelSlot == slot;
            if (removed) {
                unlink(slot, call);
            }
        }
        if (removed) {
            pending.decrementAndGet();
        }
    }

    private long tickOf(long nanos) {
        long sinceOrigin = Math.max(0, nanos - origin);
        return (sinceOrigin + TICK_NANOS - 1) / TICK_NANOS;
    }

    private static void unlink(Slot slot, Call call) {
        if (call.wheelPrev != null) {
            call.wheelPrev.wheelNext = call.wheelNext;
        } else {
            slot.head = call.wheelNext;
        }
        if (call.wheelNext != null) {
            call.wheelNext.wheelPrev = call.wheelPrev;
        }
        call.wheelPrev = null;
        call.wheelNext = null;
        call.wheelSlot = null;
    }

    private void sweep() {
        long done = tickOf(System.nanoTime()) - 1;
        long lastBusy = System.nanoTime();
        List<Call> expired = new ArrayList<>();
        while (!closed) {
            long now = System.nanoTime();
            if (pending.get() > 0) {
                lastBusy = now;
            } else if (now - lastBusy > LINGER_NANOS) {
                idle = true;
                if (pending.get() == 0 && !closed) {
                    LockSupport.park(this);
                }
                idle = false;
                done = tickOf(System.nanoTime()) - 1;
                lastBusy = System.nanoTime();
                continue;
            }
            long current = (now - origin) / TICK_NANOS;
            // one pass over at most every slot: collect() takes whatever is due, however late
            for (long tick = Math.max(done + 1, current - SLOTS + 1); tick <= current; tick++) {
                collect(slots[(int) (tick & (SLOTS - 1))], current, expired);
            }
            done = current;
            for (Call call : expired) {
                pending.decrementAndGet();
                onExpiry.accept(call);
            }
            expired.clear();
            LockSupport.parkNanos(this, origin + (current + 1) * TICK_NANOS - System.nanoTime());
        }
    }

    /** Moves the calls of {@code slot} whose tick has come to {@code into}. */
    private static void collect(Slot slot, long current, List<Call> into) {
        synchronized (slot) {
            Call call = slot.head;
            while (call != null) {
                Call next = call.wheelNext;
                if (call.wheelTick <= current) {
                    unlink(slot, call);
                    into.add(call);
                }
                call = next;
            }
        }
    }

    /** The calls whose deadlines are armed: every call from {@code send} until it ends (for {@code close()}). */
    List<Call> armed() {
        List<Call> calls = new ArrayList<>();
        for (Slot slot : slots) {
            synchronized (slot) {
                for (Call call = slot.head; call != null; call = call.wheelNext) {
                    calls.add(call);
                }
            }
        }
        return calls;
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(sweeper);
    }

    /** One bucket of the wheel: an intrusive list of calls, guarded by its own monitor. */
    static final class Slot {
        Call head;
    }
}
