package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The default callback executor's rules: stages run in the order they were handed over; a slow
 * stage does not hold up the others for long; a stage may wait for another call's stage.
 */
class CallbackLaneTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    @Test
    void tasksRunInTheOrderTheyWereHandedOver() {
        try (Salvo http = Salvo.create()) {
            Executor callbacks = http.callbackExecutor();
            List<Integer> order = new ArrayList<>();
            CompletableFuture<Void> last = new CompletableFuture<>();
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                callbacks.execute(() -> order.add(n)); // one thread at a time: no lock needed if in order
            }
            callbacks.execute(() -> last.complete(null));
            Await.value(last);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                expected.add(i);
            }
            assertEquals(expected, order);
        }
    }

    @Test
    void aBlockedStageDoesNotStallOtherCallsCompletions() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocking = new CountDownLatch(1);
        try (Salvo http = Salvo.create()) {
            CompletableFuture<Response> first = http.send(server.get("/get"));
            CompletableFuture<Boolean> slow = first.thenApply(r -> {
                blocking.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            assertTrue(blocking.await(20, TimeUnit.SECONDS), "the slow stage began");
            // queued behind the blocked stage, with no further completion coming to notice it
            CompletableFuture<String> after = CompletableFuture.completedFuture("x").thenApplyAsync(x -> x,
                    http.callbackExecutor());
            CompletableFuture<Integer> other = http.send(server.get("/get")).thenApply(Response::status);
            assertEquals("x", Await.value(after));
            assertEquals(200, Await.value(other));
            assertFalse(slow.isDone(), "the slow stage is still blocked");
            release.countDown();
            assertTrue(Await.value(slow));
        }
    }

    @Test
    void aStageMayWaitForAStageOfAnotherCall() {
        try (Salvo http = Salvo.create()) {
            CompletableFuture<Integer> outer = http.send(server.get("/get"))
                    .thenApply(r -> http.send(server.get("/status/201")).thenApply(Response::status).join());
            assertEquals(201, Await.value(outer));
        }
    }

    @Test
    void anIdleCallbackThreadStillEndsAfterABusySpell() {
        try (Salvo http = Salvo.create()) {
            // a spell of work keeps the watchdog ticking, so the worker parks without a timeout between tasks
            CompletableFuture<Thread> last = null;
            for (int i = 0; i < 200; i++) {
                last = http.send(server.get("/get")).thenApply(r -> Thread.currentThread());
                Await.value(last);
            }
            Thread worker = Await.value(last);
            // once the lane is quiet the watchdog stops and wakes it; it then ends after its keep-alive (5 s)
            Await.until("the idle callback thread ends after its keep-alive", () -> !worker.isAlive());
            CompletableFuture<Thread> late = CompletableFuture.supplyAsync(Thread::currentThread, http.callbackExecutor());
            assertTrue(Await.value(late).getName().startsWith("salvo-callback-"));
        }
    }

    @Test
    void aCallbackThreadStopsWithTheClientAndLaterTasksStillRun() {
        Salvo http = Salvo.create();
        Thread worker = Await.value(http.send(server.get("/get")).thenApply(r -> Thread.currentThread()));
        http.close();
        Await.until("the idle callback thread ends after close", () -> !worker.isAlive());
        CompletableFuture<Thread> late = CompletableFuture.supplyAsync(Thread::currentThread, http.callbackExecutor());
        assertTrue(Await.value(late).getName().startsWith("salvo-callback-"));
    }
}
