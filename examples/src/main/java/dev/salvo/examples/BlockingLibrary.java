package dev.salvo.examples;

import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import dev.salvo.client.Transports;
import dev.salvo.client.spi.BlockingClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A blocking library made concurrent: any blocking call (request in, response out) becomes a
 * transport on virtual threads. Here it is {@code HttpURLConnection}; fourteen 0.5 s lookups
 * wait at the same time and take about 0.5 s, not 7 s.
 */
public final class BlockingLibrary {
    public static void main(String[] args) {
        BlockingClient stuckWith = Transports.urlConnection(Duration.ofSeconds(5), Duration.ofSeconds(30));
        try (Examples target = Examples.target(args);
             Salvo http = Salvo.newBuilder().transport(Transports.blocking(stuckWith)).build()) {
            List<Request> lookups = new ArrayList<>();
            for (int i = 0; i < 14; i++) {
                lookups.add(Request.get(target.url("/delay/0.5")));
            }
            long start = System.nanoTime();
            http.gather(lookups).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("14 blocking calls of 0.5 s: %.2f s (one after another: 7 s)%n", seconds);
            if (seconds >= 7) {
                throw new IllegalStateException("the calls did not overlap: " + seconds + " s");
            }
        }
    }
}
