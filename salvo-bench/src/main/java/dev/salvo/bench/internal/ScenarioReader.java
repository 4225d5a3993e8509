package dev.salvo.bench.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.salvo.bench.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a scenario file: YAML (JSON is YAML too) into a tree while noting the line of every
 * field, then checks it field by field, so that each error names the file, the line and the
 * field, as in {@code s.yaml:7: flows[0].steps[1].think: '5 parsecs' is not a time}.
 */
public final class ScenarioReader {
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    static final int MAX_ROWS = 1_000_000;
    private static final Set<String> TOP = Set.of("flows", "variables", "think");
    private static final Set<String> FLOW = Set.of("name", "weight", "steps");
    private static final Set<String> STEP = Set.of("method", "url", "headers", "body", "extract", "think");
    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");
    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,20}");

    private final Path file;
    private final Map<String, Integer> lines = new HashMap<>();

    private ScenarioReader(Path file) {
        this.file = file;
    }

    public static Scenario read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(file + ": larger than 16 MiB, not a scenario");
        }
        return new ScenarioReader(file).scenario();
    }

    private Scenario scenario() throws IOException {
        JsonNode root = tree();
        if (root == null || !root.isObject()) {
            throw bad("", "a scenario is a mapping with 'flows' (see docs/bench.md)");
        }
        unknownFields(root, "", TOP);
        Duration think = root.has("think") ? time(root.get("think"), "think") : Duration.ZERO;
        List<Map<String, String>> rows = root.has("variables") ? rows(text(root, "variables", ""), "variables") : List.of();
        Set<String> columns = rows.isEmpty() ? Set.of() : rows.getFirst().keySet();
        JsonNode flows = root.get("flows");
        if (flows == null || !flows.isArray() || flows.isEmpty()) {
            throw bad("flows", "give a list of at least one flow");
        }
        List<Scenario.Flow> result = new ArrayList<>();
        for (int i = 0; i < flows.size(); i++) {
            result.add(flow(flows.get(i), "flows[" + i + "]", think, columns));
        }
        return new Scenario(result, rows);
    }

    private Scenario.Flow flow(JsonNode node, String where, Duration think, Set<String> columns) {
        if (!node.isObject()) {
            throw bad(where, "a flow is a mapping with 'steps'");
        }
        unknownFields(node, where, FLOW);
        String name = node.has("name") ? text(node, "name", where) : where;
        int weight = 1;
        if (node.has("weight")) {
            JsonNode w = node.get("weight");
            if (!w.isIntegralNumber() || w.asLong() < 1 || w.asLong() > 1_000_000) {
                throw bad(where + ".weight", "'" + w.asText() + "' is not a whole number from 1 to 1000000");
            }
            weight = w.asInt();
        }
        JsonNode steps = node.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw bad(where + ".steps", "give a list of at least one step");
        }
        Set<String> known = new HashSet<>(columns);
        List<Scenario.Step> result = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Scenario.Step step = step(steps.get(i), where + ".steps[" + i + "]", think, known);
            known.addAll(step.extract().keySet());
            result.add(step);
        }
        return new Scenario.Flow(name, weight, result);
    }

    private Scenario.Step step(JsonNode node, String where, Duration think, Set<String> known) {
        if (!node.isObject()) {
            throw bad(where, "a step is a mapping with 'url'");
        }
        unknownFields(node, where, STEP);
        String method = node.has("method") ? text(node, "method", where).toUpperCase(Locale.ROOT) : "GET";
        if (!METHOD.matcher(method).matches()) {
            throw bad(where + ".method", "'" + method + "' is not an HTTP method");
        }
        String url = placeholders(text(node, "url", where), where + ".url", known);
        Map<String, String> headers = new LinkedHashMap<>();
        if (node.has("headers")) {
            JsonNode h = node.get("headers");
            if (!h.isObject()) {
                throw bad(where + ".headers", "give a mapping of header name to value");
            }
            h.properties().forEach(e -> {
                String field = where + ".headers." + e.getKey();
                if (!e.getKey().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                    throw bad(field, "'" + e.getKey() + "' is not a header name");
                }
                if (!e.getValue().isValueNode()) {
                    throw bad(field, "a header value is text");
                }
                String value = e.getValue().asText();
                if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                    throw bad(field, "a header value cannot hold a line break");
                }
                headers.put(e.getKey(), placeholders(value, field, known));
            });
        }
        String body = node.has("body") ? placeholders(node.get("body").isValueNode() ? node.get("body").asText()
                : node.get("body").toString(), where + ".body", known) : "";
        Map<String, Scenario.Extract> extract = new LinkedHashMap<>();
        if (node.has("extract")) {
            JsonNode x = node.get("extract");
            if (!x.isObject()) {
                throw bad(where + ".extract", "give a mapping of variable name to {json: /pointer} or {header: Name}");
            }
            x.properties().forEach(e -> extract.put(e.getKey(), extract(e.getValue(), where + ".extract." + e.getKey())));
        }
        Duration pause = node.has("think") ? time(node.get("think"), where + ".think") : think;
        return new Scenario.Step(method, url, headers, body, extract, pause);
    }

    private Scenario.Extract extract(JsonNode node, String where) {
        if (node.isObject() && node.size() == 1 && node.has("json") && node.get("json").isTextual()) {
            String pointer = node.get("json").asText();
            try {
                JsonPointer.compile(pointer);
            } catch (IllegalArgumentException e) {
                throw bad(where + ".json", "'" + pointer + "' is not a JSON pointer (as /json/user)");
            }
            return new Scenario.Extract(pointer, "");
        }
        if (node.isObject() && node.size() == 1 && node.has("header") && node.get("header").isTextual()) {
            return new Scenario.Extract("", node.get("header").asText());
        }
        throw bad(where, "give {json: /pointer} or {header: Name}");
    }

    /** {@code text} if every {@code ${name}} in it is known at this step. */
    private String placeholders(String text, String where, Set<String> known) {
        Matcher m = Template.PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                throw bad(where, "${" + m.group(1) + "} is neither a column of the variables file nor extracted"
                        + " by an earlier step");
            }
        }
        return text;
    }

    private List<Map<String, String>> rows(String name, String where) throws IOException {
        Path csv = file.resolveSibling(name);
        if (!Files.isRegularFile(csv)) {
            throw bad(where, "no such file: " + csv);
        }
        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        try (var it = mapper.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(csv.toFile())) {
            while (it.hasNext()) {
                if (rows.size() == MAX_ROWS) {
                    throw bad(where, csv + " has more than " + MAX_ROWS + " rows");
                }
                rows.add(it.next());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(csv + ":" + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof JsonProcessingException j) {
                throw new IllegalArgumentException(csv + ":" + j.getLocation().getLineNr() + ": " + j.getOriginalMessage(), e);
            }
            throw e;
        }
        if (rows.isEmpty()) {
            throw bad(where, csv + " has a header but no rows");
        }
        return rows;
    }

    private Duration time(JsonNode node, String where) {
        Matcher m = TIME.matcher(node.asText().strip());
        if (!node.isValueNode() || !m.matches()) {
            throw bad(where, "'" + node.asText() + "' is not a time (as 250ms, 1.5s, 2m)");
        }
        double value = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
        if (millis > 3_600_000) {
            throw bad(where, "'" + node.asText() + "' is longer than an hour");
        }
        return Duration.ofNanos((long) (millis * 1e6));
    }

    private String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        String at = where.isEmpty() ? field : where + "." + field;
        if (value == null || !value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            throw bad(at, "is missing or empty");
        }
        return value.asText();
    }

    private void unknownFields(JsonNode node, String where, Set<String> allowed) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw bad(where.isEmpty() ? name : where + "." + name, "unknown field; expected one of "
                        + allowed.stream().sorted().toList());
            }
        });
    }

    /** Parses the file, noting the line of every field by its path (flows[0].steps[1].url). */
    private JsonNode tree() throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        try (JsonParser parser = mapper.getFactory().createParser(file.toFile())) {
            JsonNode root = mapper.readTree(new LineNoter(parser, lines));
            return root == null ? new ObjectNode(mapper.getNodeFactory()) : root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(file + ":" + (at == null ? "?" : at.getLineNr()) + ": not valid YAML or "
                    + "JSON: " + e.getOriginalMessage().replaceAll("\\s*\\n\\s*", "; "), e);
        }
    }

    private IllegalArgumentException bad(String field, String problem) {
        Integer line = null;
        for (String at = field; line == null && !at.isEmpty(); at = parent(at)) {
            line = lines.get(at);
        }
        return new IllegalArgumentException(file + (line == null ? "" : ":" + line) + ": "
                + (field.isEmpty() ? "" : field + ": ") + problem);
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    /** A parser that records, for every token, the line where its path first appears. */
    private static final class LineNoter extends com.fasterxml.jackson.core.util.JsonParserDelegate {
        private final Map<String, Integer> lines;

        LineNoter(JsonParser parser, Map<String, Integer> lines) {
            super(parser);
            this.lines = lines;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (token != null && token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                lines.putIfAbsent(path(), currentTokenLocation().getLineNr());
            }
            return token;
        }

        private String path() {
            StringBuilder path = new StringBuilder();
            var context = getParsingContext();
            if (currentToken() == JsonToken.START_OBJECT || currentToken() == JsonToken.START_ARRAY) {
                context = context.getParent();
            }
            List<String> parts = new ArrayList<>();
            for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inArray()) {
                    parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
                } else if (c.getCurrentName() != null) {
                    parts.addFirst("." + c.getCurrentName());
                }
            }
            parts.forEach(path::append);
            return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
        }
    }
}
