package dev.salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.salvo.server.SalvoServer;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salvo bench --html}: the page renders in headless Chromium with every chart, the objectives and a clean console. */
class BenchHtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void theReportRendersWithItsChartsAndObjectives() throws Exception {
        Path report = dir.resolve("bench.html");
        CliRun run;
        try (SalvoServer server = SalvoServer.start()) {
            run = CliRun.of("bench", server.url("/status/200,200,200,404"), "-R", "300", "-c", "4", "-d", "2500ms",
                    "--warmup", "0s", "--slo", "p99<30s", "--slo", "rps>100000000", "--html", report.toString());
        }
        assertEquals(3, run.exitCode(), run::toString);

        HeadlessChromium.Rendered page = HeadlessChromium.dumpDom(report, dir);
        assertEquals(List.of(), page.consoleErrors());
        String dom = page.dom();
        assertEquals(5, count(dom, "<svg"), "five charts");
        for (String title : List.of("Latency by percentile", "Latency distribution", "Requests per second",
                "Latency over time", "Status codes and errors per second")) {
            assertTrue(dom.contains(title), title);
        }
        assertTrue(dom.contains(">200/s<") && dom.contains(">404/s<"), "a line per status code");
        assertTrue(count(dom, "<polyline") >= 10, "percentile, rate, latency-over-time and status lines");
        assertTrue(dom.contains("<td>p99&lt;30s</td>") && dom.contains("pass</td>"), "the objectives table");
        assertTrue(dom.contains("<td>rps&gt;100000000</td>") && dom.contains("FAIL</td>"));
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
