package dev.salvo.examples;

import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Twenty one-second calls with at most ten in flight: the first ten run at once, the other ten
 * wait in the queue and start as slots free up, so the whole takes about two seconds, not twenty.
 */
public final class FanOut {
    public static void main(String[] args) {
        try (Examples target = Examples.target(args);
             Salvo http = Salvo.newBuilder().maxInFlight(10).maxPerHost(10).build()) {
            long start = System.nanoTime();
            List<CompletableFuture<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(http.send(Request.get(target.url("/delay/1"))));
            }
            System.out.println("sent 20: " + http.inFlight() + " in flight, " + http.queued() + " queued");
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("20 calls of 1 s, 10 at a time: %.2f s%n", seconds);
            if (seconds >= 10) {
                throw new IllegalStateException("the calls did not overlap: " + seconds + " s");
            }
        }
    }
}
