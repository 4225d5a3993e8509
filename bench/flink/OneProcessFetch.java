import dev.salvo.client.Request;
import dev.salvo.client.Salvo;
import dev.salvo.netty.NettyTransport;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one-process baseline of bench/flink.sh: every URL of FILE through one Salvo client on the
 * Netty transport, at most CONCURRENCY in flight, fed by a semaphore (as Flink's capacity feeds
 * the job) so no call waits in Salvo's queue. Prints the count by outcome and requests/s.
 * bench/flink.sh compiles it against salvo-flink-job.jar and runs: OneProcessFetch FILE CONCURRENCY
 */
public class OneProcessFetch {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        Semaphore slots = new Semaphore(concurrency);
        ConcurrentHashMap<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long count = 0;
        try (NettyTransport transport = NettyTransport.create();
                Salvo http = Salvo.newBuilder().transport(transport).maxInFlight(concurrency).maxPerHost(concurrency)
                        .build();
                BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                slots.acquire();
                count++;
                http.send(Request.get(line)).whenComplete((response, error) -> {
                    String key = error == null ? Integer.toString(response.status()) : error.getClass().getSimpleName();
                    outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
                    slots.release();
                });
            }
            slots.acquire(concurrency);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d requests %s in %.2f s, %.0f requests/s%n", count, outcomes, seconds, count / seconds);
    }
}
