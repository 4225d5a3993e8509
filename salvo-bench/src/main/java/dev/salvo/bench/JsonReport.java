package dev.salvo.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.bench.internal.HistogramCodec;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;

/**
 * Renders a {@link BenchResult} as JSON: {@code requests}, {@code duration_s}, {@code rps},
 * {@code latency_ms} {mean, stdev, p50, p75, p90, p99, p999, p9999, max}, {@code status}
 * {code: count}, {@code errors} {kind: count}, {@code slo} (one verdict per objective) and
 * {@code series} (one object per second), plus the uncorrected latency, error messages, bytes,
 * the open model's late and missed sends, and {@code histograms}: the full latency histograms in
 * HdrHistogram's compressed encoding (base64, microseconds), which {@link JsonResult#read} reads
 * back so that runs merge exactly. Latencies are milliseconds, rates per second.
 */
public final class JsonReport {
    /** The value of the {@code format} field: the layout {@link JsonResult} reads. */
    public static final String FORMAT = "salvo-bench/2";
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String[] PERCENTILE_KEYS = {"p50", "p75", "p90", "p99", "p999", "p9999"};

    private JsonReport() {
    }

    /** The report as a JSON document tree. */
    public static ObjectNode tree(BenchResult result) {
        BenchConfig config = result.config();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("method", config.request().method());
        root.put("url", config.request().uri().toString());
        root.put("model", config.isOpenModel() ? "open" : "closed");
        root.put("connections", config.connections());
        if (config.isOpenModel()) {
            root.put("target_rps", config.rate());
        }
        config.requests().ifPresent(n -> root.put("target_requests", n));
        root.put("target_duration_s", config.duration().toMillis() / 1000.0);
        root.put("warmup_s", config.warmup().toMillis() / 1000.0);
        root.put("timeout_s", config.timeout().toMillis() / 1000.0);
        root.put("runs", result.runs());
        root.put("requests", result.requests());
        root.put("responses", result.responses());
        root.put("duration_s", result.durationSeconds());
        root.put("rps", result.requestsPerSecond());
        root.put("bytes", result.bytes());
        root.put("bytes_per_s", result.bytesPerSecond());
        root.set("latency_ms", latency(result.latency()));
        root.set("latency_uncorrected_ms", latency(result.uncorrectedLatency()));
        ObjectNode status = root.putObject("status");
        result.statuses().forEach((code, count) -> status.put(Integer.toString(code), count));
        ObjectNode protocol = root.putObject("protocol");
        result.protocols().forEach(protocol::put);
        ObjectNode errors = root.putObject("errors");
        ObjectNode messages = root.putObject("error_messages");
        result.errors().forEach((kind, summary) -> {
            errors.put(kind.key(), summary.count());
            if (!summary.messages().isEmpty()) {
                ObjectNode perMessage = messages.putObject(kind.key());
                summary.messages().forEach(perMessage::put);
            }
        });
        root.put("late_sends", result.lateSends());
        root.put("missed_sends", result.missedSends());
        root.put("rate_reached", !result.rateMissed());
        root.put("stopped_early", result.stoppedEarly());
        ArrayNode slo = root.putArray("slo");
        for (Slo.Verdict verdict : result.sloVerdicts()) {
            slo.addObject().put("objective", verdict.slo().expression()).put("actual", verdict.actual())
                    .put("passed", verdict.passed());
        }
        root.put("slo_passed", result.slosPassed());
        ArrayNode series = root.putArray("series");
        for (SecondSample sample : result.series()) {
            ObjectNode point = series.addObject();
            point.put("t_s", sample.endSeconds());
            point.put("length_s", sample.lengthSeconds());
            point.put("requests", sample.requests());
            point.put("rps", sample.requestsPerSecond());
            point.put("errors", sample.errors());
            point.put("p50_ms", sample.p50Ms());
            point.put("p90_ms", sample.p90Ms());
            point.put("p99_ms", sample.p99Ms());
            point.put("max_ms", sample.maxMs());
            ObjectNode pointStatus = point.putObject("status");
            sample.statuses().forEach((code, count) -> pointStatus.put(Integer.toString(code), count));
            ObjectNode pointErrors = point.putObject("error_kinds");
            sample.errorKinds().forEach((kind, count) -> pointErrors.put(kind.key(), count));
            point.put("histogram", sample.latency());
        }
        ObjectNode histograms = root.putObject("histograms");
        histograms.put("encoding", "HdrHistogram compressed, base64, microseconds");
        histograms.put("latency", HistogramCodec.encode(result.latency()));
        histograms.put("latency_uncorrected", HistogramCodec.encode(result.uncorrectedLatency()));
        return root;
    }

    /** The report as indented JSON text. */
    public static String render(BenchResult result) {
        try {
            return MAPPER.writeValueAsString(tree(result)) + '\n';
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }

    /** Writes the report to {@code file}, replacing it. */
    public static void write(BenchResult result, Path file) {
        TextReport.writeFile(file, render(result));
    }

    private static ObjectNode latency(Histogram h) {
        ObjectNode node = MAPPER.createObjectNode();
        boolean any = h.getTotalCount() > 0;
        node.put("mean", any ? h.getMean() / 1000.0 : 0);
        node.put("stdev", any ? h.getStdDeviation() / 1000.0 : 0);
        for (int i = 0; i < TextReport.PERCENTILES.length; i++) {
            node.put(PERCENTILE_KEYS[i], any ? h.getValueAtPercentile(TextReport.PERCENTILES[i]) / 1000.0 : 0);
        }
        node.put("max", any ? h.getMaxValue() / 1000.0 : 0);
        return node;
    }
}
