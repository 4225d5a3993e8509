package dev.salvo.cli.batches;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.cli.common.BadInputException;
import dev.salvo.client.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a batch file: {@code {"batches": [[request, …], …]}} where a request is
 * {@code {"url": …, "method": …, "headers": {…}, "json": any | "body": "text"}}; only {@code url}
 * is required; the method defaults to POST when there is a body, else GET. Every fault is a
 * {@link BadInputException} naming the file and the place, e.g. {@code batches[1][0].url}.
 */
public final class BatchFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("url", "method", "headers", "json", "body");

    private BatchFile() {
    }

    /** The batches of {@code file}, each a non-empty list of requests in step order. */
    public static List<List<Request>> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file: " + file, e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** The batches of a batch document; {@code source} names it in messages. */
    static List<List<Request>> parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new BadInputException(source + ": malformed JSON" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.isObject() || !root.path("batches").isArray() || root.get("batches").isEmpty()) {
            throw new BadInputException(source + ": expected {\"batches\": [[request, ...], ...]} with at least one batch");
        }
        List<List<Request>> batches = new ArrayList<>();
        JsonNode array = root.get("batches");
        for (int b = 0; b < array.size(); b++) {
            JsonNode batch = array.get(b);
            String at = source + ": batches[" + b + "]";
            if (!batch.isArray() || batch.isEmpty()) {
                throw new BadInputException(at + " must be a non-empty array of requests");
            }
            List<Request> steps = new ArrayList<>();
            for (int s = 0; s < batch.size(); s++) {
                steps.add(request(batch.get(s), at + "[" + s + "]"));
            }
            batches.add(List.copyOf(steps));
        }
        return List.copyOf(batches);
    }

    private static Request request(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new BadInputException(at + " must be an object like {\"url\": \"http://...\"}");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadInputException(at + ": unknown field '" + name + "' (known: url, method, headers, json, body)");
            }
        }
        JsonNode url = node.get("url");
        if (url == null || !url.isTextual()) {
            throw new BadInputException(at + ".url: missing or not a string");
        }
        if (node.has("json") && node.has("body")) {
            throw new BadInputException(at + ": give either json or body, not both");
        }
        try {
            return build(node, url.asText(), at);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(at + ": " + e.getMessage(), e);
        }
    }

    private static Request build(JsonNode node, String url, String at) {
        byte[] body = null;
        String contentType = null;
        if (node.has("json")) {
            body = node.get("json").toString().getBytes(StandardCharsets.UTF_8);
            contentType = "application/json";
        } else if (node.has("body")) {
            body = text(node.get("body"), at + ".body").getBytes(StandardCharsets.UTF_8);
            contentType = "text/plain; charset=UTF-8";
        }
        String method = node.has("method") ? text(node.get("method"), at + ".method") : body == null ? "GET" : "POST";
        Request.Builder builder = Request.newBuilder(url).method(method, body == null ? new byte[0] : body);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        JsonNode headers = node.get("headers");
        if (headers != null) {
            if (!headers.isObject()) {
                throw new BadInputException(at + ".headers must be an object of name: value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = headers.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                builder.header(field.getKey(), text(field.getValue(), at + ".headers." + field.getKey()));
            }
        }
        return builder.build();
    }

    private static String text(JsonNode node, String at) {
        if (!node.isTextual()) {
            throw new BadInputException(at + " must be a string");
        }
        return node.asText();
    }
}
