package dev.salvo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MergeTest extends LoadFixture {
    private static BenchResult fast;
    private static BenchResult slow;

    @BeforeAll
    static void runTwo() throws Exception {
        fast = run(config("/get").rate(300).connections(4).duration(Duration.ofMillis(2200)).warmup(Duration.ZERO)
                .slo(Slo.parse("p99<30s")).build());
        slow = run(config("/delay/0.02").rate(100).connections(8).duration(Duration.ofMillis(2200))
                .warmup(Duration.ZERO).build());
    }

    @Test
    void jsonReadsBackWithItsFullHistograms(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fast.json");
        JsonReport.write(fast, file);
        BenchResult back = JsonResult.read(file);

        assertEquals(fast.latency(), back.latency(), "the histogram, exactly");
        assertEquals(fast.uncorrectedLatency(), back.uncorrectedLatency());
        assertEquals(fast.requests(), back.requests());
        assertEquals(fast.statuses(), back.statuses());
        assertEquals(fast.series().size(), back.series().size());
        assertEquals(fast.series().getFirst().latencyHistogram(), back.series().getFirst().latencyHistogram());
        assertEquals(fast.config().rate(), back.config().rate());
        assertEquals(List.of("p99<30s"), back.config().slos().stream().map(Slo::expression).toList());
        assertEquals(TextReport.render(fast), TextReport.render(back), "the same report from the file");
    }

    @Test
    void mergedPercentilesComeFromTheAddedHistogramsNotAnAverage(@TempDir Path dir) throws Exception {
        JsonReport.write(fast, dir.resolve("a.json"));
        JsonReport.write(slow, dir.resolve("b.json"));
        BenchResult merged = BenchMerge.of(List.of(JsonResult.read(dir.resolve("a.json")),
                JsonResult.read(dir.resolve("b.json"))), List.of());

        Histogram both = fast.latency();
        both.add(slow.latency());
        assertEquals(both, merged.latency());
        assertEquals(both.getValueAtPercentile(90) / 1000.0, merged.latencyMs(90));
        assertEquals(fast.requests() + slow.requests(), merged.requests());
        assertEquals(12, merged.config().connections());
        assertEquals(400, merged.config().rate());
        assertEquals(2, merged.runs());
        assertEquals(1, merged.sloVerdicts().size(), "the first run's objectives");
        long inSeries = merged.series().stream().mapToLong(SecondSample::requests).sum();
        assertEquals(merged.requests(), inSeries, "the merged series adds up");
        assertTrue(TextReport.render(merged).contains("Merged    2 runs"), TextReport.render(merged));
        assertEquals(2, JsonResult.read(write(dir.resolve("m.json"), merged)).runs(), "a merge merges again");
    }

    @Test
    void objectivesGivenToTheMergeReplaceTheRuns() {
        BenchResult merged = BenchMerge.of(List.of(fast, slow), List.of(Slo.parse("rps>100000000")));

        assertEquals(1, merged.sloVerdicts().size());
        assertTrue(!merged.slosPassed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{}", "{\"format\":\"salvo-bench/2\"}", "not json", "{\"format\":\"salvo-bench/1\"}"})
    void aFileThatIsNotAReportNamesTheFileAndTheField(String content, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), content);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonResult.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void aDamagedHistogramIsNamed(@TempDir Path dir) throws Exception {
        String json = JsonReport.render(fast).replaceFirst("\"latency\" : \"[^\"]+\"", "\"latency\" : \"AAAA\"");
        Path file = Files.writeString(dir.resolve("damaged.json"), json);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonResult.read(file));
        assertTrue(e.getMessage().contains("histograms.latency"), e.getMessage());
    }

    private static Path write(Path file, BenchResult result) {
        JsonReport.write(result, file);
        return file;
    }
}
