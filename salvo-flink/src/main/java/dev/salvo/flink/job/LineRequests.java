package dev.salvo.flink.job;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.client.Request;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * One input line as a request: a bare URL (a GET), or a JSON object
 * {@code {"method": "POST", "url": "...", "headers": {"Name": "value"}, "body": "text"}} where
 * only {@code url} is required. Anything else is refused with an IllegalArgumentException that
 * says what is wrong (it becomes the line's {@code bad_input} record).
 */
final class LineRequests {
    /** Strict: text after the object, or a field given twice, is an error, not silently dropped. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> FIELDS = Set.of("method", "url", "headers", "body");
    /** How much of a bad line an error message quotes. */
    static final int QUOTE_LIMIT = 200;

    private LineRequests() {
    }

    /** True for lines that carry no request: blank, or a {@code #} comment. */
    static boolean isRequestLine(String line) {
        String s = line.strip();
        return !s.isEmpty() && !s.startsWith("#");
    }

    static Request parse(String line) {
        String s = line.strip();
        return isJson(s) ? parseJson(s) : Request.get(s);
    }

    /** The method and URL a line asks for, as the output names them; a URL line is not parsed again. */
    static Target target(String line) {
        String s = line.strip();
        if (!isJson(s)) {
            return new Target("GET", s);
        }
        Request request = parseJson(s);
        return new Target(request.method(), request.uri().toString());
    }

    /** What a request line asks for. */
    record Target(String method, String url) {
    }

    private static boolean isJson(String stripped) {
        return stripped.startsWith("{") || stripped.startsWith("[");
    }

    /** The line, cut to {@link #QUOTE_LIMIT} characters, for an error record. */
    static String quote(String line) {
        String s = line.strip();
        return s.length() <= QUOTE_LIMIT ? s : s.substring(0, QUOTE_LIMIT) + "…";
    }

    private static Request parseJson(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("malformed JSON line: " + e.getOriginalMessage(), e);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("a JSON line must be an object, got " + node.getNodeType());
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "' (expected method, url, headers, body)");
            }
        }
        Request.Builder request = Request.newBuilder(text(node, "url", true));
        String body = text(node, "body", false);
        String method = text(node, "method", false);
        if (method != null || body != null) {
            request.method(method != null ? method : "POST",
                    body != null ? body.getBytes(StandardCharsets.UTF_8) : new byte[0]);
        }
        JsonNode headers = node.get("headers");
        if (headers != null && !headers.isNull()) {
            if (!headers.isObject()) {
                throw new IllegalArgumentException("'headers' must be an object of name: value");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                if (!header.getValue().isTextual()) {
                    throw new IllegalArgumentException("header '" + header.getKey() + "' must be a string");
                }
                request.header(header.getKey(), header.getValue().asText());
            }
        }
        return request.build();
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing field '" + field + "'");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return value.asText();
    }
}
