package dev.salvo.client.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.ConnectFailedException;
import dev.salvo.client.ConnectionClosedException;
import dev.salvo.client.DeadlineExceededException;
import dev.salvo.client.LocalServer;
import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "User code never runs on an I/O thread", over one transport with the default callback executor:
 * the stages a caller chains ({@code whenComplete}, {@code thenApply}, {@code handle}, and what is
 * chained on those) run on the client's callback threads, whatever ends the call: a response, a
 * refused connection, a connection closed mid-body, a deadline, a cancel. A subclass names the
 * transport and how to tell its I/O threads.
 */
public abstract class CallbackThreadContract {
    @RegisterExtension
    static final LocalServer server = new LocalServer();
    private Salvo http;

    /** A client builder on the transport under test, everything else at the defaults. */
    protected abstract Salvo.Builder client();

    /** True for the transport's own threads (event loops, selector and worker threads). */
    protected abstract boolean isIoThread(Thread thread);

    @BeforeEach
    void open() {
        http = client().build();
    }

    @AfterEach
    void close() {
        http.close();
    }

    @Test
    void stagesOfAResponseRunOnCallbackThreads() {
        // attached while the call is in flight: the transport's thread completes it
        assertStagesOnCallbackThreads(http.send(server.get("/delay/0.2")), 200);
        assertStagesOnCallbackThreads(http.send(server.get("/bytes/1024")), 200);
        // attached after it completed
        CompletableFuture<Response> done = http.send(server.get("/get"));
        Await.value(done);
        assertStagesOnCallbackThreads(done, 200);
    }

    @Test
    void stagesOfFailuresRunOnCallbackThreads() {
        Request refused = Request.get("http://127.0.0.1:" + Await.refusedPort() + "/get");
        assertStagesOnCallbackThreads(http.send(refused), ConnectFailedException.class);
        assertStagesOnCallbackThreads(http.send(server.get("/fault/close-mid-body")), ConnectionClosedException.class);
    }

    @Test
    void stagesOfADeadlineRunOnCallbackThreads() {
        Request stalled = Request.newBuilder(server.url("/fault/stall")).deadline(Duration.ofMillis(100)).build();
        assertStagesOnCallbackThreads(http.send(stalled), DeadlineExceededException.class);
    }

    @Test
    void stagesOfACancelRunOnCallbackThreads() {
        CompletableFuture<Response> call = http.send(server.get("/fault/stall"));
        List<CompletableFuture<Thread>> stages = stages(call);
        assertTrue(call.cancel(true));
        assertOnCallbackThreads(stages);
        Await.failure(call, CancellationException.class);
    }

    @Test
    void stagesOfAMappedCallRunOnCallbackThreads() {
        CompletableFuture<Integer> mapped = http.send(server.get("/delay/0.1"), Response::status);
        assertOnCallbackThreads(stages(mapped));
        assertEquals(200, Await.value(mapped));
    }

    private void assertStagesOnCallbackThreads(CompletableFuture<Response> call, int status) {
        assertOnCallbackThreads(stages(call));
        assertEquals(status, Await.value(call).status());
    }

    private void assertStagesOnCallbackThreads(CompletableFuture<Response> call, Class<? extends Throwable> failure) {
        assertOnCallbackThreads(stages(call));
        Await.failure(call, failure);
    }

    /** whenComplete, handle, thenApply (and exceptionally after it) and a stage chained on a stage. */
    private static <T> List<CompletableFuture<Thread>> stages(CompletableFuture<T> call) {
        List<CompletableFuture<Thread>> stages = new ArrayList<>();
        CompletableFuture<Thread> whenComplete = new CompletableFuture<>();
        call.whenComplete((value, error) -> whenComplete.complete(Thread.currentThread()));
        stages.add(whenComplete);
        stages.add(call.handle((value, error) -> Thread.currentThread()));
        Function<Throwable, Thread> here = error -> Thread.currentThread();
        stages.add(call.thenApply(value -> Thread.currentThread()).exceptionally(here));
        stages.add(call.handle((value, error) -> 0).thenApply(value -> Thread.currentThread()));
        return stages;
    }

    private void assertOnCallbackThreads(List<CompletableFuture<Thread>> stages) {
        for (CompletableFuture<Thread> stage : stages) {
            Thread thread = Await.value(stage);
            assertFalse(isIoThread(thread), "a stage ran on the transport's thread " + thread);
            assertTrue(thread.getName().startsWith("salvo-callback-") && thread.isVirtual(),
                    "a stage ran on " + thread + ", not a callback thread");
        }
    }
}
