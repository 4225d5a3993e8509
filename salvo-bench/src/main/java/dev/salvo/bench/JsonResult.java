package dev.salvo.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.bench.internal.HistogramCodec;
import dev.salvo.client.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Reads a {@link JsonReport} back into a {@link BenchResult}, full histograms included, so that
 * the runs of several machines can be {@link BenchMerge merged}. Stateless.
 */
public final class JsonResult {
    /** Larger files are refused: a report is a few KiB plus about 2 KiB per second of run. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private final Path file;

    private JsonResult(Path file) {
        this.file = file;
    }

    /**
     * The result {@code file} holds.
     *
     * @throws IOException              when the file cannot be read
     * @throws IllegalArgumentException when it is not a {@code salvo bench --json} report; the message
     *                                  names the file and the field (or line) at fault
     */
    public static BenchResult read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(file + ": larger than " + MAX_FILE_BYTES / 1024 / 1024
                    + " MiB, not a bench report");
        }
        JsonNode root;
        try {
            root = JsonReport.MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": line " + e.getLocation().getLineNr() + ": not valid JSON ("
                    + e.getOriginalMessage() + ")", e);
        }
        return new JsonResult(file).result(root);
    }

    private BenchResult result(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw bad("", "the top level is not a JSON object");
        }
        if (!JsonReport.FORMAT.equals(root.path("format").asText())) {
            throw bad("format", "is '" + root.path("format").asText() + "', expected '" + JsonReport.FORMAT
                    + "' (a report of salvo bench --json from this version)");
        }
        BenchConfig config;
        try {
            BenchConfig.Builder builder = BenchConfig.builder(Request.newBuilder(text(root, "url"))
                    .method(text(root, "method"), new byte[0]).build())
                    .connections((int) number(root, "connections"))
                    .warmup(seconds(root, "warmup_s")).timeout(seconds(root, "timeout_s"));
            if (root.has("target_requests")) {
                builder.requests((long) number(root, "target_requests"));
            } else {
                builder.duration(seconds(root, "target_duration_s"));
            }
            if ("open".equals(text(root, "model"))) {
                builder.rate(number(root, "target_rps"));
            }
            for (JsonNode slo : root.path("slo")) {
                builder.slo(Slo.parse(text(slo, "objective")));
            }
            config = builder.build();
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(file.toString()) ? e : bad("", e.getMessage());
        }
        JsonNode histograms = object(root, "histograms");
        Histogram latency = histogram(histograms, "latency", "histograms.latency");
        Histogram uncorrected = histogram(histograms, "latency_uncorrected", "histograms.latency_uncorrected");
        Map<ErrorKind, ErrorSummary> errors = new EnumMap<>(ErrorKind.class);
        JsonNode messages = root.path("error_messages");
        for (ErrorKind kind : ErrorKind.values()) {
            Map<String, Long> perMessage = new LinkedHashMap<>();
            messages.path(kind.key()).properties().forEach(e -> perMessage.put(e.getKey(), e.getValue().asLong()));
            errors.put(kind, new ErrorSummary((long) number(object(root, "errors"), kind.key(), "errors." + kind.key()),
                    perMessage));
        }
        List<SecondSample> series = new ArrayList<>();
        JsonNode points = root.path("series");
        for (int i = 0; i < points.size(); i++) {
            series.add(sample(points.get(i), "series[" + i + "]"));
        }
        double runs = number(root, "runs");
        if (runs < 1 || runs > Integer.MAX_VALUE) {
            throw bad("runs", "is not a whole number of runs from 1 up");
        }
        return new BenchResult(config, seconds(root, "duration_s"), (long) number(root, "requests"),
                (long) number(root, "bytes"), latency, uncorrected, statuses(object(root, "status"), "status"),
                protocols(root.path("protocol")), errors, series, (long) number(root, "late_sends"), (long) number(root, "missed_sends"),
                root.path("stopped_early").asBoolean(), (int) runs);
    }

    private SecondSample sample(JsonNode point, String where) {
        Histogram latency = histogram(point, "histogram", where + ".histogram");
        Map<ErrorKind, Long> kinds = new EnumMap<>(ErrorKind.class);
        Iterator<Map.Entry<String, JsonNode>> fields = object(point, "error_kinds", where + ".error_kinds").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            ErrorKind kind = kind(field.getKey(), where + ".error_kinds");
            kinds.put(kind, (long) number(point.get("error_kinds"), field.getKey(), where + ".error_kinds." + field.getKey()));
        }
        return SecondSample.of(number(point, "t_s", where + ".t_s"), number(point, "length_s", where + ".length_s"),
                latency, statuses(object(point, "status", where + ".status"), where + ".status"), kinds);
    }

    private ErrorKind kind(String key, String where) {
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind.key().equals(key)) {
                return kind;
            }
        }
        throw bad(where, "has an unknown error kind '" + key + "'");
    }

    /** Protocol name → responses; absent in results written before it was recorded. */
    private SortedMap<String, Long> protocols(JsonNode node) {
        SortedMap<String, Long> protocols = new TreeMap<>();
        if (node.isMissingNode()) {
            return protocols;
        }
        if (!node.isObject()) {
            throw bad("protocol", "is not an object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("HTTP/1.1") && !name.equals("HTTP/2")) {
                throw bad("protocol", "has '" + name + "', not HTTP/1.1 or HTTP/2");
            }
            protocols.put(name, (long) number(node, name, "protocol." + name));
        }
        return protocols;
    }

    private SortedMap<Integer, Long> statuses(JsonNode node, String where) {
        SortedMap<Integer, Long> statuses = new TreeMap<>();
        Iterator<String> codes = node.fieldNames();
        while (codes.hasNext()) {
            String code = codes.next();
            int value;
            try {
                value = Integer.parseInt(code);
            } catch (NumberFormatException e) {
                throw bad(where, "has '" + code + "', not a status code");
            }
            if (value < 100 || value > 999) {
                throw bad(where, "has '" + code + "', not a status code");
            }
            statuses.put(value, (long) number(node, code, where + "." + code));
        }
        return statuses;
    }

    private Histogram histogram(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw bad(where, "is missing or not a string");
        }
        try {
            return HistogramCodec.decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw bad(where, e.getMessage());
        }
    }

    private String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw bad(field, "is missing or not a string");
        }
        return value.asText();
    }

    private double number(JsonNode node, String field) {
        return number(node, field, field);
    }

    private double number(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || value.asDouble() < 0 || !Double.isFinite(value.asDouble())) {
            throw bad(where, "is missing or not a number of at least 0");
        }
        return value.asDouble();
    }

    private Duration seconds(JsonNode node, String field) {
        return Duration.ofNanos((long) (number(node, field) * 1e9));
    }

    private JsonNode object(JsonNode node, String field) {
        return object(node, field, field);
    }

    private JsonNode object(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw bad(where, "is missing or not an object");
        }
        return value;
    }

    private IllegalArgumentException bad(String field, String problem) {
        return new IllegalArgumentException(file + (field.isEmpty() ? "" : ": field '" + field + "'") + ": " + problem);
    }
}
