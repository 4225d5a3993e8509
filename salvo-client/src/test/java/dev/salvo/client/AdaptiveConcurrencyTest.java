package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adaptive limit settles near the capacity of the server's /capacity/{n} (n workers). */
class AdaptiveConcurrencyTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    /** How many calls were running each time one started, in order. */
    private static List<Integer> concurrencyAtStarts(boolean adaptive, int capacity, int calls) {
        return run(adaptive, capacity, calls, new CopyOnWriteArrayList<>());
    }

    /** Runs the calls; returns the concurrency at each start, and adds each LIMIT_CHANGED to {@code limits}. */
    private static List<Integer> run(boolean adaptive, int capacity, int calls, List<CallEvent> limits) {
        AtomicInteger running = new AtomicInteger();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        try (Salvo http = Salvo.newBuilder().maxInFlight(64).adaptiveConcurrency(adaptive).eventListener(event -> {
            switch (event.phase()) {
                case STARTED -> seen.add(running.incrementAndGet());
                case COMPLETED, FAILED -> running.decrementAndGet();
                case LIMIT_CHANGED -> limits.add(event);
                default -> { }
            }
        }).build()) {
            List<CompletableFuture<Response>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(http.send(server.get("/capacity/" + capacity + "?work=20ms")));
            }
            futures.forEach(f -> assertEquals(200, Await.value(f).status()));
            assertEquals(0, http.inFlight() + http.queued());
        }
        return seen;
    }

    private static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void theLimitSettlesNearTheServersCapacity() {
        int capacity = 8;
        List<Integer> seen = concurrencyAtStarts(true, capacity, 600);
        double settled = median(seen.subList(seen.size() / 2, seen.size()));
        assertTrue(settled >= capacity / 2.0 && settled <= capacity * 2, "settled at " + settled + " for capacity " + capacity);
        List<Integer> fixed = concurrencyAtStarts(false, capacity, 200);
        assertTrue(median(fixed) > capacity * 2, "without it all 64 slots are used: " + median(fixed));
    }

    @Test
    void eachMoveOfTheLimitIsAnEventCarryingTheNewLimit() {
        int capacity = 8;
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        run(true, capacity, 400, events);
        assertTrue(events.size() > 2, "the limit moved only " + events.size() + " times");
        List<Integer> limits = new ArrayList<>();
        for (CallEvent event : events) {
            assertEquals(server.get("/").origin(), event.request().origin());
            limits.add((int) event.value());
        }
        // each event is one AIMD move from the one before; the listener runs outside the dispatcher's
        // lock, so two moves made back to back by two threads may arrive swapped (never lost)
        int previous = 4; // where every origin starts
        for (int i = 0; i < limits.size(); i++) {
            int value = limits.get(i);
            if (!isMove(previous, value)) {
                assertTrue(i + 1 < limits.size() && isMove(previous, limits.get(i + 1)) && isMove(limits.get(i + 1), value),
                        "from " + previous + " to " + value + " at " + i + " in " + limits);
                i++;
            }
            previous = value;
        }
        assertTrue(limits.stream().anyMatch(v -> v > 4), "it grew: " + limits);
        double settled = median(limits.subList(limits.size() / 2, limits.size()));
        assertTrue(settled >= capacity / 2.0 && settled <= capacity * 2, "limit settled at " + settled + ": " + limits);

        List<CallEvent> fixed = new CopyOnWriteArrayList<>();
        run(false, capacity, 50, fixed);
        assertEquals(List.of(), fixed, "no adaptive limit, no LIMIT_CHANGED");
    }

    /** Additive increase: up by one; multiplicative decrease: down by at most a tenth (rounded down), not below 1. */
    private static boolean isMove(int from, int to) {
        return to == from + 1 || (to < from && to >= Math.max(1, (int) (from * 0.9)));
    }
}
