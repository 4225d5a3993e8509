package dev.salvo.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The running calls' slots and the map beyond them: every call found until removed, whichever holds it. */
class RunningCallsTest {
    private record Call(long id) implements RunningCalls.Entry {
    }

    @Test
    void callsBeyondTheSlotsGoToTheMapAndAreFoundAndRemovedAsTheOthers() {
        RunningCalls<Call> calls = new RunningCalls<>(2);
        List<Call> added = new ArrayList<>();
        for (long id = 1; id <= 7; id++) {
            Call call = new Call(id);
            calls.add(call);
            added.add(call);
        }
        assertEquals(7, calls.size());
        for (Call call : added) {
            assertSame(call, calls.get(call.id()));
        }
        assertNull(calls.get(8));
        assertSame(added.get(2), calls.remove(3));
        assertNull(calls.remove(3), "removed once");
        assertNull(calls.get(3));
        Call late = new Call(9);
        calls.add(late); // takes a slot a removed call freed, or the map
        assertSame(late, calls.get(9));
        for (Call call : added) {
            if (call.id() != 3) {
                assertSame(call, calls.remove(call.id()));
            }
        }
        assertSame(late, calls.remove(9));
        assertEquals(0, calls.size());
    }

    @Test
    void threadsAddingAndRemovingTheirOwnCallsLeaveNoneBehind() throws InterruptedException {
        RunningCalls<Call> calls = new RunningCalls<>(8);
        int threads = 4;
        int perThread = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            long first = (long) t * perThread;
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    for (long id = first; id < first + perThread; id++) {
                        Call call = new Call(id);
                        calls.add(call);
                        if (calls.get(id) != call || calls.remove(id) != call || calls.get(id) != null) {
                            throw new AssertionError("call " + id + " was lost");
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(0, calls.size());
    }

    @Test
    void slotsMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new RunningCalls<Call>(3));
        assertThrows(IllegalArgumentException.class, () -> new RunningCalls<Call>(0));
    }
}
