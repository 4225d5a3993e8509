package dev.salvo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpenModelTest extends LoadFixture {

    @Test
    void holdsTheTargetRateWithinFivePercent() throws Exception {
        BenchResult result = run(config("/get").rate(1000).connections(256).duration(Duration.ofSeconds(5))
                .warmup(Duration.ofMillis(500)).build());

        assertEquals(1000, result.requestsPerSecond(), 50, () -> TextReport.render(result) + result.series());
        assertEquals(5000, result.requests(), 250, "requests");
        assertEquals(0, result.errorCount());
        assertFalse(result.rateMissed(), "rate reached");
        assertTrue(result.missedSends() < 250, "missed " + result.missedSends());
        long inSeries = result.series().stream().mapToLong(SecondSample::requests).sum();
        assertEquals(result.requests(), inSeries, result.requests() / 50.0, "the per-second series adds up");
    }

    /**
     * The server freezes once for 1 s at the start. Two slots are stuck in the freeze, so a
     * closed-loop view (latency from the actual send) sees only two slow responses out of ~5000
     * and its p99.9 stays small; the requests that were due during the freeze leave late, and
     * measured from their intended send time they show the freeze in p99.9.
     */
    @Test
    void correctedLatencyShowsAOneSecondStallThatUncorrectedLatencyHides() throws Exception {
        String path = "/fault/stall-once/1000?key=" + UUID.randomUUID();
        BenchResult result = run(config(path).rate(1000).connections(2).duration(Duration.ofSeconds(5))
                .warmup(Duration.ZERO).build());

        double correctedP999 = result.latencyMs(99.9);
        double uncorrectedP999 = result.uncorrectedLatencyMs(99.9);
        String figures = "corrected p99.9 " + correctedP999 + " ms, uncorrected p99.9 " + uncorrectedP999 + " ms, "
                + result.requests() + " requests";
        assertTrue(correctedP999 >= 800, figures);
        assertTrue(uncorrectedP999 < 500, figures);
        assertTrue(result.uncorrectedLatency().getMaxValue() >= 900_000, "the stalled sends themselves: " + figures);
        assertTrue(result.latencyMs(90) > result.uncorrectedLatencyMs(90), figures);
        assertTrue(result.lateSends() > 500, "sends held back by the stall: " + result.lateSends());
        assertEquals(0, result.errorCount());
    }

    @Test
    void aRateTheSlotsCannotHoldIsReportedAsMissed() throws Exception {
        BenchResult result = run(config("/delay/0.2").rate(100).connections(2).duration(Duration.ofSeconds(2))
                .warmup(Duration.ZERO).build());

        assertTrue(result.rateMissed(), "2 slots × 5 req/s cannot make 100 req/s");
        assertTrue(result.missedSends() > 100, "missed " + result.missedSends());
        assertTrue(TextReport.render(result).contains("WARNING: the target rate"), TextReport.render(result));
    }

    @Test
    void countedOpenRunSendsExactly() throws Exception {
        long before = SEEN.get();
        BenchResult result = run(config("/get").rate(500).connections(8).requests(300).build());

        assertEquals(300, result.requests());
        assertEquals(300, awaitSeen(before, 300));
        assertTrue(result.durationSeconds() >= 0.59 && result.durationSeconds() < 3, "paced at 500/s: " + result.duration());
    }
}
