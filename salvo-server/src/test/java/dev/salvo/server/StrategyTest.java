package dev.salvo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seed 003's experiment in miniature: 4 concurrent {@code /?cost=0.5} per strategy (0.5 rather
 * than the 0.3 so that serial, 2.0 s, and overlapped, 0.5 s, stay apart on a loaded
 * machine). Bounds are generous; what must show is serial vs overlapped vs pool-limited.
 */
class StrategyTest {
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ParameterizedTest(name = "{0} threads={1} kind={2}: {3}..{4} s")
    @CsvSource({
        // strategy, threads, kind, min s, max s   (ideal; serial would be 2.0)
        "SYNC,     5, io,  1.9,  4.0",   // 2.0: one at a time
        "BLOCKING, 5, io,  1.9,  4.0",   // 2.0: the only event loop sleeps
        "ASYNC,    5, io,  0.48, 1.5",   // 0.5: timers overlap
        "THREADS,  2, io,  0.97, 1.8",   // 1.0: two at a time
        "THREADS,  5, io,  0.48, 1.5",   // 0.5: pool bigger than the load
        "CPU,      5, cpu, 0.48, 8.0",   // 0.5 s of CPU each, one per core: 1.0 on 2 idle cores
    })
    void fourConcurrentRequestsTakeWhatTheStrategySays(Strategy strategy, int threads, String kind, double min, double max) {
        ServerConfig config = ServerConfig.newBuilder().strategy(strategy).threads(threads).build();
        try (SalvoServer server = SalvoServer.start(config)) {
            double seconds = fourAtOnce(server, "/?cost=0.5&kind=" + kind);
            assertTrue(seconds >= min && seconds <= max,
                    strategy + " took " + seconds + " s, expected between " + min + " and " + max);
        }
    }

    @Test
    void cpuPoolRunsAsManyComputationsAsCores() {
        int cores = Runtime.getRuntime().availableProcessors();
        try (SalvoServer server = SalvoServer.start(ServerConfig.newBuilder().strategy(Strategy.CPU).build())) {
            double seconds = fourAtOnce(server, "/?cost=0.3&kind=cpu");
            double ideal = 0.3 * Math.ceil(4.0 / cores);
            assertTrue(seconds >= ideal * 0.9, "4 × 0.3 s of CPU on " + cores + " cores took only " + seconds + " s");
        }
    }

    @Test
    void syncServesEvenCheapRequestsOneAtATime() throws Exception {
        try (SalvoServer server = SalvoServer.start(ServerConfig.newBuilder().strategy(Strategy.SYNC).build())) {
            HttpClient client = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                    HttpRequest.newBuilder(URI.create(server.url("/?cost=0.5"))).build(), HttpResponse.BodyHandlers.ofString());
            TestHttp.awaitInFlight(server, 1); // the slow request is being served
            long start = System.nanoTime();
            HttpResponse<String> fast = client.send(HttpRequest.newBuilder(URI.create(server.url("/get"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            double waited = (System.nanoTime() - start) / 1e9;
            assertEquals(200, fast.statusCode());
            assertEquals(200, slow.join().statusCode());
            assertTrue(waited >= 0.3, "/get should wait behind the expensive request under sync, waited " + waited + " s");
        }
    }

    @Test
    void delayGoesThroughTheStrategyToo() {
        try (SalvoServer server = SalvoServer.start(ServerConfig.newBuilder().strategy(Strategy.THREADS).threads(1).build())) {
            double seconds = fourAtOnce(server, "/delay/0.2");
            assertTrue(seconds >= 0.75, "4 × /delay/0.2 on one pool thread took only " + seconds + " s");
        }
    }

    /** Sends 4 requests at once on 4 connections and returns the seconds until all 4 answered 200. */
    static double fourAtOnce(SalvoServer server, String path) {
        // a warmed-up client, so that its own start-up does not count
        assertEquals(200, CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(server.url("/get"))).build(),
                HttpResponse.BodyHandlers.ofString()).join().statusCode());
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> all = IntStream.range(0, 4)
                .mapToObj(i -> CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(server.url(path))).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        all.forEach(f -> assertEquals(200, f.join().statusCode()));
        return (System.nanoTime() - start) / 1e9;
    }
}
