package dev.salvo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.client.contract.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** gather: input order, hooks in completion order, every outcome; batches: ordered steps, concurrent batches. */
class GatherAndBatchesTest {
    @RegisterExtension
    static final LocalServer server = new LocalServer();

    private Salvo http;

    @BeforeEach
    void open() {
        http = Salvo.newBuilder().maxInFlight(16).build();
    }

    @AfterEach
    void close() {
        http.close();
    }

    @Test
    void resultsInInputOrderHooksInCompletionOrder() {
        List<Request> requests = List.of(server.get("/delay/0.6"), server.get("/delay/0.1"), server.get("/delay/0.35"));
        List<Integer> completionOrder = new ArrayList<>();
        List<Response> responses = Await.value(http.gather(requests, (index, outcome) -> completionOrder.add(index)));
        assertEquals(List.of(1, 2, 0), completionOrder);
        for (int i = 0; i < requests.size(); i++) {
            assertEquals(requests.get(i).uri(), responses.get(i).uri());
        }
    }

    @Test
    void gatherFailsWithTheFirstFailureAndCancelsTheRest() {
        CompletableFuture<Response> slowCall = new CompletableFuture<>();
        List<Request> requests = List.of(server.get("/delay/5"),
                Request.get("http://127.0.0.1:" + Await.refusedPort() + "/"));
        CompletableFuture<List<Response>> all = http.gather(requests, (index, outcome) -> {
            if (index == 0) {
                slowCall.complete(null);
            }
        });
        Await.failure(all, ConnectFailedException.class);
        Await.value(slowCall); // the slow call ended (cancelled) instead of running 5 s
        Await.until("nothing left in flight", () -> http.inFlight() == 0);
    }

    @Test
    void gatherOutcomesShowsEveryResult() {
        List<Request> requests = List.of(server.get("/status/200"), server.get("/fault/garbage"), server.get("/status/404"));
        List<Outcome<Response>> outcomes = Await.value(http.gatherOutcomes(requests));
        assertTrue(outcomes.get(0).isSuccess());
        assertEquals(200, outcomes.get(0).value().status());
        assertInstanceOf(MalformedResponseException.class, ((Outcome.Failure<Response>) outcomes.get(1)).error());
        assertEquals(404, outcomes.get(2).value().status(), "4xx is data");
    }

    @Test
    void emptyGatherCompletesAtOnce() {
        assertEquals(List.of(), Await.value(http.gather(List.of())));
        assertEquals(List.of(), Await.value(http.batches(List.of())));
    }

    @Test
    void stepsRunInOrderAndBatchesConcurrently() {
        // three batches (2, 3, 2 steps) of 0.3 s POSTs: sequential inside, concurrent across
        List<Batch> batches = new ArrayList<>();
        for (int size : new int[] {2, 3, 2}) {
            List<Request> steps = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                steps.add(Request.newBuilder(server.url("/delay/0.3")).method("POST", "{\"test\": \"someData\"}".getBytes())
                        .header("Content-Type", "application/json").build());
            }
            batches.add(Batch.of(steps));
        }
        List<String> order = new ArrayList<>();
        long start = System.nanoTime();
        List<BatchResult> results = Await.value(http.batches(batches, (b, s, outcome) -> order.add(b + ":" + s)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(List.of(List.of(200, 200), List.of(200, 200, 200), List.of(200, 200)),
                results.stream().map(BatchResult::statuses).toList());
        assertTrue(seconds >= 0.85 && seconds < 2.0, "longest batch is 3 × 0.3 s; took " + seconds);
        for (int b = 0; b < 3; b++) {
            String prefix = b + ":";
            List<String> steps = order.stream().filter(x -> x.startsWith(prefix)).toList();
            List<String> sorted = new ArrayList<>(steps);
            sorted.sort(String::compareTo);
            assertEquals(sorted, steps, "steps of batch " + b + " in order");
        }
    }

    @Test
    void aStepBuildsItsRequestFromThePreviousResponse() {
        Batch login = Batch.startWith(server.get("/uuid"))
                .then(previous -> Request.newBuilder(server.url("/headers"))
                        .header("X-Previous", String.valueOf(previous.status())).build())
                .build();
        BatchResult result = Await.value(http.batches(List.of(login))).get(0);
        assertTrue(result.isComplete());
        assertTrue(result.responses().get(1).bodyString().contains("X-Previous"), result.responses().get(1).bodyString());
    }

    @Test
    void aFailedStepEndsItsOwnBatchOnly() {
        Batch failing = Batch.of(server.get("/get"), server.get("/fault/garbage"), server.get("/get"));
        Batch fine = Batch.of(server.get("/get"), server.get("/get"));
        Batch badBuilder = Batch.startWith(server.get("/get")).then(previous -> {
            throw new IllegalStateException("no token in reply");
        }).build();
        List<BatchResult> results = Await.value(http.batches(List.of(failing, fine, badBuilder)));
        assertFalse(results.get(0).isComplete());
        assertEquals(List.of(200), results.get(0).statuses(), "the step after the failure never ran");
        assertInstanceOf(MalformedResponseException.class, results.get(0).failure().orElseThrow());
        assertTrue(results.get(1).isComplete());
        assertEquals(List.of(200, 200), results.get(1).statuses());
        assertInstanceOf(IllegalStateException.class, results.get(2).failure().orElseThrow());
    }
}
