package dev.salvo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole demo at a small scale, its summary, and its report rendered in headless Chromium. */
class DemoCommandTest {
    /** Requests per scenario over all its runs: S1 22 searches x 3 calls x 2 runs, S4 14 x 4, S5 10 x 5, S6 8+8+10. */
    private static final Map<String, Integer> BARS = Map.of("S1", 132, "S2", 12, "S3", 14, "S4", 56, "S5", 50, "S6", 26);
    private static final Pattern SUMMARY = Pattern.compile(
            "(S\\d) .{20,}? +(\\d+\\.\\d\\d) s +(\\d+\\.\\d\\d) s +(\\d+\\.\\d)x  \\S.*");

    @TempDir
    Path dir;

    @Test
    void everyScenarioRunsFasterConcurrentlyAndTheReportDrawsEveryRequest() throws Exception {
        Path report = dir.resolve("demo.html");
        CliRun run = CliRun.of("demo", "--scale", "0.1", "--report", report.toString());
        assertEquals(0, run.exitCode(), run::toString);
        run.assertLine(0, "Salvo demo: S1 S2 S3 S4 S5 S6 at scale 0\\.1 .*");
        List<String> out = run.out();
        for (String marker : List.of("**** SYNC ****", "**** ASYNC ****", "**** SEQUENTIAL ****", "**** CONCURRENT ****",
                "**** 8 requests, 5 workers ****", "**** errors surface on access ****")) {
            assertTrue(out.contains(marker), () -> marker + " missing: " + run);
        }
        assertTrue(out.stream().anyMatch(l -> l.matches("Elapsed Time: 0:00:\\d\\d\\.\\d{6}")), run::toString);
        assertTrue(out.stream().anyMatch(l -> l.matches("Batch #\\d -- URL #\\d \\d+\\.\\d\\d")), run::toString);
        assertTrue(out.stream().anyMatch(l -> l.matches("async_main_sep_tasks {11}took \\d+\\.\\d{3} seconds")), run::toString);
        assertTrue(out.stream().anyMatch(l -> l.matches("accessing the response raised ConnectFailedException: .*")), run::toString);
        assertTrue(out.stream().anyMatch(l -> l.matches("callback ran on worker-\\d, failed")), run::toString);

        Map<String, double[]> summary = summary(out);
        assertEquals(BARS.keySet(), summary.keySet(), run::toString);
        summary.forEach((id, times) -> assertTrue(times[1] < times[0],
                () -> id + ": concurrent " + times[1] + " s is not faster than sequential " + times[0] + " s\n" + run));

        HeadlessChromium.Rendered page = HeadlessChromium.dumpDom(report, dir);
        assertEquals(List.of(), page.consoleErrors());
        int total = BARS.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(page.dom().contains("<html lang=\"en\" data-bars=\"" + total + "\""), () -> head(page.dom()));
        BARS.forEach((id, bars) -> assertTrue(
                page.dom().contains("<section class=\"scenario\" id=\"" + id + "\" data-bars=\"" + bars + "\""),
                () -> id + " should show " + bars + " bars"));
        assertEquals(total, count(Files.readString(report), "<rect class=\"bar"), "one bar per request in the file");
    }

    @Test
    void theConsoleCheckCatchesAScriptError() throws Exception {
        Path broken = dir.resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html><body><script>missingFunction();</script></body></html>");
        assertFalse(HeadlessChromium.dumpDom(broken, dir).consoleErrors().isEmpty(),
                "a page with a script error must be caught, or the report check proves nothing");
    }

    @Test
    void overHttp2TheReportSaysEachResponseCameOnIt() throws Exception {
        Path report = dir.resolve("h2.html");
        CliRun run = CliRun.of("demo", "--only", "S2", "--scale", "0.1", "--http2", "--report", report.toString());
        assertEquals(0, run.exitCode(), run::toString);
        String html = Files.readString(report);
        assertEquals(BARS.get("S2"), count(html, " over HTTP/2: queued"), "every response came on HTTP/2");
        assertEquals(0, count(html, "HTTP/1.1"), html);
        assertTrue(html.contains(" requests over HTTP/2<"), html);
    }

    @Test
    void onlyRunsTheChosenScenariosInOrder() {
        CliRun run = CliRun.of("demo", "--only", "S6,s3", "--scale", "0.05");
        assertEquals(0, run.exitCode(), run::toString);
        run.assertLine(0, "Salvo demo: S3 S6 at scale 0\\.05 .*");
        assertEquals(List.of("S3", "S6"), List.copyOf(summary(run.out()).keySet()));
    }

    @Test
    void badFlagsAreOneLine() {
        CliRun.of("demo", "--only", "S9").assertBadInput("unknown scenario 'S9'");
        CliRun.of("demo", "--scale", "0").assertBadInput("--scale");
        CliRun.of("demo", "--scale", "-1").assertBadInput("--scale");
        CliRun.of("demo", "--scale", "fast").assertBadInput("'fast'");
    }

    @Test
    void anUnwritableReportIsOneLineBeforeAnythingRuns() {
        CliRun run = CliRun.of("demo", "--only", "S3", "--report", dir.resolve("no/such/dir/r.html").toString())
                .assertBadInput("cannot write the report: no directory");
        assertTrue(run.out().isEmpty(), run::toString);
    }

    private static Map<String, double[]> summary(List<String> out) {
        int start = out.indexOf("==== Summary ====");
        assertTrue(start >= 0, () -> "no summary in " + out);
        assertTrue(out.get(start + 1).matches("scenario +sequential +concurrent +speedup +seed's figure"), out.get(start + 1));
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (String line : out.subList(start + 2, out.size())) {
            Matcher row = SUMMARY.matcher(line);
            if (row.matches()) {
                rows.put(row.group(1), new double[] {Double.parseDouble(row.group(2)), Double.parseDouble(row.group(3))});
            }
        }
        return rows;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String head(String dom) {
        return dom.substring(0, Math.min(400, dom.length()));
    }
}
