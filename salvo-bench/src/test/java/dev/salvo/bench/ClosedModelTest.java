package dev.salvo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClosedModelTest extends LoadFixture {

    @Test
    void countedRunSendsExactlyThatManyRequests() throws Exception {
        long before = SEEN.get();
        BenchResult result = run(config("/get").connections(16).requests(1000).build());

        assertEquals(1000, result.requests());
        assertEquals(1000, result.responses());
        assertEquals(Map.of(200, 1000L), result.statuses());
        assertEquals(0, result.errorCount());
        assertEquals(1000, result.latency().getTotalCount());
        assertEquals(1000, awaitSeen(before, 1000), "requests the server saw");
        assertTrue(result.bytes() > 1000 * 100, "bytes counted: " + result.bytes());
        assertFalse(result.stoppedEarly());
    }

    @Test
    void moreConnectionsThanRequestsStillSendsExactly() throws Exception {
        long before = SEEN.get();
        BenchResult result = run(config("/get").connections(64).requests(5).build());

        assertEquals(5, result.requests());
        assertEquals(5, awaitSeen(before, 5));
    }

    @Test
    void timedRunEndsOnTimeWithOneSamplePerSecondAndWarmupLeftOut() throws Exception {
        long start = System.nanoTime();
        BenchResult result = run(config("/get").connections(4).duration(Duration.ofSeconds(2))
                .warmup(Duration.ofMillis(500)).build());
        double took = (System.nanoTime() - start) / 1e9;

        assertTrue(took < 4, "took " + took + " s");
        assertEquals(2.0, result.durationSeconds(), 0.1);
        assertTrue(result.requests() > 50, "requests " + result.requests());
        assertEquals(2, result.series().size(), "series " + result.series());
        long inSeries = result.series().stream().mapToLong(SecondSample::requests).sum();
        assertTrue(Math.abs(inSeries - result.requests()) <= result.requests() / 20,
                "series sums to " + inSeries + " of " + result.requests());
    }

    @Test
    void stopEndsTheRunAtOnceWithAPartialResult() throws Exception {
        long before = SEEN.get();
        BenchRun run = BenchRun.start(config("/get").connections(4).duration(Duration.ofSeconds(30)).build(), transport);
        assertTrue(awaitSeen(before, 10) >= 10, "the run is under way"); // stop lands mid-run, inside the warmup
        long stopAt = System.nanoTime();
        run.stop();
        BenchResult result = run.await();

        assertTrue((System.nanoTime() - stopAt) / 1e9 < 1, "stopped within a second");
        assertTrue(result.stoppedEarly());
        assertTrue(result.durationSeconds() < 1, "no warmup when stopped inside it: " + result.duration());
    }
}
