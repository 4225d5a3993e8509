package dev.salvo.bench;

import dev.salvo.bench.internal.LatencyBuckets;
import dev.salvo.bench.internal.SvgChart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Renders a {@link BenchResult} as one self-contained HTML page (well-formed XHTML, no scripts, no
 * external files): the objectives table, the text report, then inline SVG charts: latency by
 * percentile, a latency histogram (the text report's buckets), requests per second, each second's
 * latency percentiles, and status codes and errors per second. Charts take the page width.
 */
public final class HtmlReport {
    private static final String CORRECTED_COLOR = "#c0392b";
    private static final String UNCORRECTED_COLOR = "#2980b9";
    private static final String[] PALETTE = {"#2980b9", "#27ae60", "#f39c12", "#8e44ad", "#c0392b", "#16a085",
        "#d35400", "#7f8c8d"};

    private HtmlReport() {
    }

    public static String render(BenchResult result) {
        BenchConfig config = result.config();
        String title = "salvo bench " + config.request().method() + " " + config.request().uri();
        StringBuilder page = new StringBuilder(32_768);
        page.append("<!DOCTYPE html>\n<html xmlns='http://www.w3.org/1999/xhtml' lang='en'><head><meta charset='utf-8'/>")
                .append("<title>").append(SvgChart.escape(title)).append("</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}")
                .append("pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:12px}")
                .append("figure{margin:1.5em 0;width:100%}table{border-collapse:collapse;margin:1em 0}")
                .append("td,th{border:1px solid #ccc;padding:.3em .8em;text-align:left}")
                .append(".pass{color:#1e7b34}.fail{color:#c0392b;font-weight:bold}</style></head><body>\n");
        page.append("<h1>").append(SvgChart.escape(title)).append("</h1>\n");
        sloTable(page, result);
        page.append("<pre>").append(SvgChart.escape(TextReport.render(result))).append("</pre>\n");
        page.append("<figure>").append(percentileChart(result)).append("</figure>\n");
        page.append("<figure>").append(histogramChart(result)).append("</figure>\n");
        page.append("<figure>").append(rateChart(result)).append("</figure>\n");
        page.append("<figure>").append(latencyOverTimeChart(result)).append("</figure>\n");
        page.append("<figure>").append(outcomesOverTimeChart(result)).append("</figure>\n");
        page.append("</body></html>\n");
        return page.toString();
    }

    /** Writes the page to {@code file}, replacing it. */
    public static void write(BenchResult result, Path file) {
        TextReport.writeFile(file, render(result));
    }

    private static String percentileChart(BenchResult result) {
        Histogram corrected = result.latency();
        double xMax = Math.max(2, Math.min(6, Math.ceil(Math.log10(Math.max(10, corrected.getTotalCount())))));
        List<SvgChart.Line> lines = new ArrayList<>();
        if (result.config().isOpenModel()) {
            lines.add(percentileLine("from intended send (corrected)", CORRECTED_COLOR, corrected, xMax));
            lines.add(percentileLine("from actual send (uncorrected)", UNCORRECTED_COLOR, result.uncorrectedLatency(), xMax));
        } else {
            lines.add(percentileLine("from send", CORRECTED_COLOR, corrected, xMax));
        }
        List<SvgChart.Tick> ticks = new ArrayList<>();
        String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%"};
        for (int i = 0; i <= xMax; i++) {
            ticks.add(new SvgChart.Tick(i, labels[i]));
        }
        return SvgChart.lines("Latency by percentile", "percentile", "latency (ms)", lines, 0, xMax, ticks);
    }

    private static SvgChart.Line percentileLine(String name, String color, Histogram h, double xMax) {
        List<double[]> points = new ArrayList<>();
        if (h.getTotalCount() > 0) {
            for (HistogramIterationValue value : h.percentiles(5)) {
                double share = Math.min(value.getPercentileLevelIteratedTo() / 100.0, 1 - Math.pow(10, -xMax));
                points.add(new double[] {-Math.log10(1 - share), value.getValueIteratedTo() / 1000.0});
            }
        }
        return new SvgChart.Line(name, color, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
    }

    private static String histogramChart(BenchResult result) {
        List<SvgChart.Bar> bars = LatencyBuckets.of(result.latency(), TextReport.HISTOGRAM_BUCKETS).stream()
                .map(b -> new SvgChart.Bar(String.format(Locale.ROOT, "≤%.3g", b.toMs()), b.count()))
                .toList();
        return SvgChart.bars("Latency distribution", "latency (ms, bucket upper bound)", "responses", bars,
                CORRECTED_COLOR);
    }

    private static void sloTable(StringBuilder page, BenchResult result) {
        List<Slo.Verdict> verdicts = result.sloVerdicts();
        if (verdicts.isEmpty()) {
            return;
        }
        page.append("<table class='slo'><caption>Objectives</caption><tr><th>objective</th><th>measured</th>")
                .append("<th>result</th></tr>\n");
        for (Slo.Verdict verdict : verdicts) {
            page.append("<tr><td>").append(SvgChart.escape(verdict.slo().expression())).append("</td><td>")
                    .append(SvgChart.escape(verdict.actualText())).append("</td><td class='")
                    .append(verdict.passed() ? "pass'>pass" : "fail'>FAIL").append("</td></tr>\n");
        }
        page.append("</table>\n");
    }

    private static String rateChart(BenchResult result) {
        return timeChart(result, "Requests per second", "requests/s", List.of(
                series(result, "requests/s", UNCORRECTED_COLOR, SecondSample::requestsPerSecond),
                series(result, "errors/s", CORRECTED_COLOR, s -> perSecond(s, s.errors()))));
    }

    private static String latencyOverTimeChart(BenchResult result) {
        return timeChart(result, "Latency over time (each second's own percentiles)", "latency (ms)", List.of(
                series(result, "p50", "#27ae60", SecondSample::p50Ms),
                series(result, "p90", "#f39c12", SecondSample::p90Ms),
                series(result, "p99", CORRECTED_COLOR, SecondSample::p99Ms),
                series(result, "max", "#7f8c8d", SecondSample::maxMs)));
    }

    private static String outcomesOverTimeChart(BenchResult result) {
        java.util.SortedSet<Integer> codes = new java.util.TreeSet<>();
        java.util.Set<ErrorKind> kinds = java.util.EnumSet.noneOf(ErrorKind.class);
        for (SecondSample sample : result.series()) {
            codes.addAll(sample.statuses().keySet());
            kinds.addAll(sample.errorKinds().keySet());
        }
        List<SvgChart.Line> lines = new ArrayList<>();
        int i = 0;
        for (int code : codes) {
            lines.add(series(result, code + "/s", PALETTE[i++ % PALETTE.length],
                    s -> perSecond(s, s.statuses().getOrDefault(code, 0L))));
        }
        for (ErrorKind kind : kinds) {
            lines.add(series(result, kind.key() + " errors/s", PALETTE[i++ % PALETTE.length],
                    s -> perSecond(s, s.errorKinds().getOrDefault(kind, 0L))));
        }
        return timeChart(result, "Status codes and errors per second", "responses or errors per second", lines);
    }

    private static double perSecond(SecondSample sample, long count) {
        return sample.lengthSeconds() > 0 ? count / sample.lengthSeconds() : 0;
    }

    private static SvgChart.Line series(BenchResult result, String name, String color,
            java.util.function.ToDoubleFunction<SecondSample> value) {
        return new SvgChart.Line(name, color, result.series().stream().mapToDouble(SecondSample::endSeconds).toArray(),
                result.series().stream().mapToDouble(value).toArray());
    }

    private static String timeChart(BenchResult result, String title, String yTitle, List<SvgChart.Line> lines) {
        List<SecondSample> series = result.series();
        double xMax = Math.max(1, Math.ceil(series.isEmpty() ? 1 : series.getLast().endSeconds()));
        List<SvgChart.Tick> ticks = new ArrayList<>();
        int step = (int) Math.max(1, Math.ceil(xMax / 10));
        for (int t = 0; t <= xMax; t += step) {
            ticks.add(new SvgChart.Tick(t, t + "s"));
        }
        return SvgChart.lines(title, "time since measuring began (s)", yTitle, lines, 0, xMax, ticks);
    }
}
