package dev.salvo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SloTest extends LoadFixture {
    private static BenchResult result;

    @BeforeAll
    static void runOnce() throws Exception {
        result = run(config("/get").connections(4).requests(400).build());
    }

    @Test
    void latencyUnitsAreMilliseconds() {
        assertEquals(20, Slo.parse("p99<20ms").threshold());
        assertEquals(1500, Slo.parse("p99.9 <= 1.5s").threshold());
        assertEquals(0.25, Slo.parse("uncorrected.max<250us").threshold(), 1e-9);
        assertEquals(Slo.Comparison.AT_LEAST, Slo.parse("rps>=10").comparison());
    }

    @Test
    void objectivesAreCheckedAgainstTheMeasuredFigures() {
        double p99 = result.latencyMs(99);
        double generous = Math.max(1, p99 * 100);
        assertTrue(Slo.parse("p99<" + generous + "ms").check(result).passed());
        Slo.Verdict tooStrict = Slo.parse("p50<1us").check(result);
        assertFalse(tooStrict.passed());
        assertEquals(result.latencyMs(50), tooStrict.actual(), 1e-9);
        assertTrue(Slo.parse("errors<0.1%").check(result).passed());
        assertTrue(Slo.parse("errors<=0").check(result).passed());
        assertTrue(Slo.parse("rps>1").check(result).passed());
        assertFalse(Slo.parse("rps>100000000").check(result).passed());
        assertTrue(Slo.parse("uncorrected.p90<" + generous + "ms").check(result).passed());
    }

    @Test
    void aLatencyObjectiveFailsWithoutResponses() throws Exception {
        BenchResult none = run(config("/fault/garbage").connections(1).requests(2)
                .slo(Slo.parse("p99<10s")).slo(Slo.parse("errors<50%")).build());

        List<Slo.Verdict> verdicts = none.sloVerdicts();
        assertFalse(verdicts.get(0).passed(), "no responses: no latency to meet the objective with");
        assertFalse(verdicts.get(1).passed(), "100% errors");
        assertFalse(none.slosPassed());
        assertTrue(TextReport.render(none).contains("2 of 2 objectives FAILED"), TextReport.render(none));
    }

    @Test
    void theTextReportShowsThePassFailTable() throws Exception {
        BenchResult checked = run(config("/get").connections(2).requests(50).slo(Slo.parse("p99<60s"))
                .slo(Slo.parse("rps>100000000")).build());
        String text = TextReport.render(checked);

        assertTrue(text.contains("Objectives"), text);
        assertTrue(text.matches("(?s).*p99<60s\\s+\\d+\\.\\d{3}ms\\s+pass.*"), text);
        assertTrue(text.matches("(?s).*rps>100000000\\s+[\\d,.]+\\s+FAIL.*"), text);
        assertTrue(text.contains("1 of 2 objectives FAILED"), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "p99", "p99<", "p99<20", "p99<20kg", "p100<1ms", "p0<1ms", "latency<3ms", "errors<5ms",
        "errors<200%", "rps>5%", "uncorrected.rps>5", "p99=20ms", "p99<-1ms", "p99<<1ms", "rps>1e999"})
    void badExpressionsAreOneLineErrors(String expression) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Slo.parse(expression));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + expression + "'") || e.getMessage().contains(expression.strip()),
                e.getMessage());
    }
}
