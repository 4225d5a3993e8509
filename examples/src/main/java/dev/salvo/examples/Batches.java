package dev.salvo.examples;

import dev.salvo.client.Batch;
import dev.salvo.client.BatchResult;
import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import java.util.List;

/**
 * Ordered steps, batches in parallel: each batch's steps run one after another (a step may use the
 * previous response), and the batches run at the same time.
 */
public final class Batches {
    public static void main(String[] args) {
        try (Examples target = Examples.target(args);
             Salvo http = Salvo.create()) {
            Request post = Request.postJson(target.url("/post"), "{\"test\": \"someData\"}");
            List<Batch> batches = List.of(
                    Batch.of(post, post),
                    Batch.startWith(Request.get(target.url("/uuid")))
                            .then(previous -> Request.postJson(target.url("/post"), previous.bodyString()))
                            .build());
            List<BatchResult> results = http.batches(batches,
                    (batch, step, outcome) -> System.out.println("batch #" + batch + ", step #" + step + " done")).join();
            List<List<Integer>> statuses = results.stream().map(BatchResult::statuses).toList();
            System.out.println("statuses: " + statuses);
            if (!statuses.equals(List.of(List.of(200, 200), List.of(200, 200)))) {
                throw new IllegalStateException("unexpected statuses " + statuses);
            }
        }
    }
}
