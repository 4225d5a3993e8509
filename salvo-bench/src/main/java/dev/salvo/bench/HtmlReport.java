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
 * external files): the summary table, the latency by percentile, a latency histogram and the
 * requests per second over time, each an inline SVG.
 */
public final class HtmlReport {
    private static final String CORRECTED_COLOR = "#c0392b";
    private static final String UNCORRECTED_COLOR = "#2980b9";

    private HtmlReport() {
    }

    public static String render(BenchResult result) {
        BenchConfig config = result.config();
        String title = "salvo bench " + config.request().method() + " " + config.request().uri();
        StringBuilder page = new StringBuilder(32_768);
        page.append("<!DOCTYPE html>\n<html xmlns='http://www.w3.org/1999/xhtml' lang='en'><head><meta charset='utf-8'/>")
                .append("<title>").append(SvgChart.escape(title)).append("</title>")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:60em}")
                .append("pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:12px}")
                .append("figure{margin:1.5em 0}</style></head><body>\n");
        page.append("<h1>").append(SvgChart.escape(title)).append("</h1>\n");
        page.append("<pre>").append(SvgChart.escape(TextReport.render(result))).append("</pre>\n");
        page.append("<figure>").append(percentileChart(result)).append("</figure>\n");
        page.append("<figure>").append(histogramChart(result)).append("</figure>\n");
        page.append("<figure>").append(rateChart(result)).append("</figure>\n");
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
        List<SvgChart.Bar> bars = LatencyBuckets.of(result.latency(), 16).stream()
                .map(b -> new SvgChart.Bar(String.format(Locale.ROOT, "≤%.3g", b.toMs()), b.count()))
                .toList();
        return SvgChart.bars("Latency distribution", "latency (ms, bucket upper bound)", "responses", bars,
                CORRECTED_COLOR);
    }

    private static String rateChart(BenchResult result) {
        List<SecondSample> series = result.series();
        double[] xs = series.stream().mapToDouble(SecondSample::endSeconds).toArray();
        double[] rates = series.stream().mapToDouble(SecondSample::requestsPerSecond).toArray();
        double[] errors = series.stream().mapToDouble(s -> s.lengthSeconds() > 0 ? s.errors() / s.lengthSeconds() : 0)
                .toArray();
        double xMax = Math.max(1, Math.ceil(xs.length == 0 ? 1 : xs[xs.length - 1]));
        List<SvgChart.Tick> ticks = new ArrayList<>();
        int step = (int) Math.max(1, Math.ceil(xMax / 10));
        for (int t = 0; t <= xMax; t += step) {
            ticks.add(new SvgChart.Tick(t, t + "s"));
        }
        return SvgChart.lines("Requests per second", "time since measuring began (s)", "requests/s",
                List.of(new SvgChart.Line("requests/s", UNCORRECTED_COLOR, xs, rates),
                        new SvgChart.Line("errors/s", CORRECTED_COLOR, xs, errors)), 0, xMax, ticks);
    }
}
