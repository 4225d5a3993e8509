package dev.salvo.bench;

import dev.salvo.bench.internal.DurationText;
import dev.salvo.bench.internal.LatencyBuckets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Renders a {@link BenchResult} as the plain-text report {@code salvo bench} prints. */
public final class TextReport {
    /** The percentiles of the latency table, with their column titles. */
    static final double[] PERCENTILES = {50, 75, 90, 99, 99.9, 99.99};
    static final String[] PERCENTILE_TITLES = {"p50", "p75", "p90", "p99", "p99.9", "p99.99"};
    /** Bars of the latency histogram, the same in the text and the HTML report. */
    static final int HISTOGRAM_BUCKETS = 12;
    private static final int BAR_WIDTH = 40;

    private TextReport() {
    }

    /** The whole report, ending with a newline. */
    public static String render(BenchResult result) {
        StringBuilder out = new StringBuilder();
        BenchConfig config = result.config();
        line(out, "Target    %s %s", config.request().method(), config.request().uri());
        line(out, "Model     %s", model(result));
        config.scenario().ifPresent(scenario -> line(out, "Scenario  %s%s; latency per request%s", scenario.flows().stream()
                .map(f -> f.name() + " ×" + f.weight() + " (" + f.steps().size() + (f.steps().size() == 1 ? " step)" : " steps)"))
                .collect(java.util.stream.Collectors.joining(", ")), scenario.rows().isEmpty() ? ""
                : String.format(Locale.ROOT, ", %,d variable rows", scenario.rows().size()),
                config.isOpenModel() ? ", the rate counts flow starts" : ""));
        if (result.runs() > 1) {
            line(out, "Merged    %d runs (connections and rate are their sums; latency from their combined histograms)",
                    result.runs());
        }
        line(out, "Requests  %,d in %.2fs: %,.1f req/s, %s/s%s", result.requests(), result.durationSeconds(),
                result.requestsPerSecond(), bytes(result.bytesPerSecond()),
                result.stoppedEarly() ? "  (stopped early: partial result)" : "");
        line(out, "          %,d responses, %,d errors, %s received", result.responses(), result.errorCount(),
                bytes(result.bytes()));
        if (config.isOpenModel()) {
            line(out, "Sends     %,d late (more than %s after their intended time), %,d missed", result.lateSends(),
                    DurationText.of(BenchResult.LATE_AFTER), result.missedSends());
        }
        out.append('\n');
        latencyTable(out, result);
        out.append('\n');
        statuses(out, result.statuses());
        protocols(out, result.protocols());
        errors(out, result);
        if (result.rateMissed()) {
            line(out, "");
            line(out, "WARNING: the target rate of %,.0f req/s was not reached (%,.1f req/s done, %,d sends late, %,d"
                    + " missed): the server or this generator is saturated; raise -c or lower -R.",
                    config.rate(), result.requestsPerSecond(), result.lateSends(), result.missedSends());
        }
        objectives(out, result);
        out.append('\n');
        histogram(out, result.latency());
        return out.toString();
    }

    private static void objectives(StringBuilder out, BenchResult result) {
        List<Slo.Verdict> verdicts = result.sloVerdicts();
        if (verdicts.isEmpty()) {
            return;
        }
        out.append('\n');
        int width = Math.max(12, verdicts.stream().mapToInt(v -> v.slo().expression().length()).max().orElse(0) + 2);
        line(out, "%-" + (width + 2) + "s%16s  %s", "Objectives", "measured", "result");
        for (Slo.Verdict verdict : verdicts) {
            line(out, "  %-" + width + "s%16s  %s", verdict.slo().expression(), verdict.actualText(),
                    verdict.passed() ? "pass" : "FAIL");
        }
        long failed = verdicts.stream().filter(v -> !v.passed()).count();
        line(out, failed == 0 ? "  all %d objectives met" : "  %d of %d objectives FAILED", failed == 0
                ? verdicts.size() : failed, verdicts.size());
    }

    /** Writes the report to {@code file}, replacing it. */
    public static void write(BenchResult result, Path file) {
        writeFile(file, render(result));
    }

    /** Writes one report's text, UTF-8; a failure names the file. */
    static void writeFile(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String model(BenchResult result) {
        BenchConfig config = result.config();
        String length = config.requests().isPresent() ? String.format(Locale.ROOT, "%,d requests",
                config.requests().getAsLong()) : DurationText.of(config.duration());
        String warmup = config.warmup().isZero() ? "" : " after a " + DurationText.of(config.warmup()) + " warmup";
        if (config.isOpenModel()) {
            return String.format(Locale.ROOT, "open, %,.0f req/s target, at most %d in flight, %s%s", config.rate(),
                    config.connections(), length, warmup);
        }
        return String.format(Locale.ROOT, "closed, %d connections, %s%s", config.connections(), length, warmup);
    }

    private static void latencyTable(StringBuilder out, BenchResult result) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-22s%9s%9s", "Latency (ms)", "mean", "stdev"));
        for (String title : PERCENTILE_TITLES) {
            header.append(String.format(Locale.ROOT, "%9s", title));
        }
        line(out, "%s%9s", header, "max");
        if (result.config().isOpenModel()) {
            latencyRow(out, "  from intended send", result.latency());
            latencyRow(out, "  from actual send", result.uncorrectedLatency());
            line(out, "  (the first row corrects coordinated omission; the second is what a closed-loop tool shows)");
        } else {
            latencyRow(out, "  from send", result.latency());
        }
    }

    private static void latencyRow(StringBuilder out, String title, Histogram h) {
        boolean any = h.getTotalCount() > 0;
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-22s%9s%9s", title,
                ms(any ? h.getMean() : 0), ms(any ? h.getStdDeviation() : 0)));
        for (double p : PERCENTILES) {
            row.append(String.format(Locale.ROOT, "%9s", ms(any ? h.getValueAtPercentile(p) : 0)));
        }
        line(out, "%s%9s", row, ms(any ? h.getMaxValue() : 0));
    }

    private static void statuses(StringBuilder out, Map<Integer, Long> statuses) {
        StringBuilder text = new StringBuilder();
        statuses.forEach((code, count) -> text.append(String.format(Locale.ROOT, "%d: %,d   ", code, count)));
        line(out, "Status    %s", statuses.isEmpty() ? "(no responses)" : text.toString().strip());
    }

    private static void protocols(StringBuilder out, Map<String, Long> protocols) {
        if (!protocols.isEmpty()) {
            StringBuilder text = new StringBuilder();
            protocols.forEach((name, count) -> text.append(String.format(Locale.ROOT, "%s: %,d   ", name, count)));
            line(out, "Protocol  %s", text.toString().strip());
        }
    }

    private static void errors(StringBuilder out, BenchResult result) {
        if (result.errorCount() == 0) {
            line(out, "Errors    none");
            return;
        }
        String label = "Errors";
        for (Map.Entry<ErrorKind, ErrorSummary> entry : result.errors().entrySet()) {
            ErrorSummary summary = entry.getValue();
            if (summary.count() == 0) {
                continue;
            }
            line(out, "%-10s%s: %,d", label, entry.getKey().key(), summary.count());
            label = "";
            summary.messages().forEach((message, count) -> line(out, "            %,d × %s", count, message));
        }
    }

    private static void histogram(StringBuilder out, Histogram latency) {
        List<LatencyBuckets.Bucket> buckets = LatencyBuckets.of(latency, HISTOGRAM_BUCKETS);
        if (buckets.isEmpty()) {
            return;
        }
        line(out, "Latency histogram (ms, up to)");
        long most = buckets.stream().mapToLong(LatencyBuckets.Bucket::count).max().orElse(1);
        for (LatencyBuckets.Bucket bucket : buckets) {
            int width = (int) Math.round((double) bucket.count() / Math.max(1, most) * BAR_WIDTH);
            line(out, "  %10s [%,10d] |%s", ms(bucket.toMs() * 1000), bucket.count(),
                    "■".repeat(bucket.count() > 0 ? Math.max(1, width) : 0));
        }
    }

    /** Microseconds as milliseconds with three decimals. */
    private static String ms(double micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1000.0);
    }

    static String bytes(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        while (bytes >= 1024 && unit < units.length - 1) {
            bytes /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.2f %s", bytes, units[unit]);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
