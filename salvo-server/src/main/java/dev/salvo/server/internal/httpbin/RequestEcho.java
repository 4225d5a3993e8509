package dev.salvo.server.internal.httpbin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.salvo.server.internal.http.Exchange;
import dev.salvo.server.internal.http.HttpError;
import dev.salvo.server.internal.http.JsonBody;
import dev.salvo.server.internal.http.JsonRenderer;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The httpbin echo document: {@code args}, {@code headers}, {@code origin}, {@code url}, and with a
 * body {@code data}, {@code files}, {@code form}, {@code json}. Headers are single strings (httpbin
 * style; repeated headers joined with {@code ", "}), names in Title-Case; a repeated query or form
 * parameter becomes a list. Built eagerly so a bad body fails (400) before any reply.
 */
final class RequestEcho implements JsonBody {
    /** More form fields than this in one multipart body → 400. */
    static final int MAX_FORM_FIELDS = 1024;
    private final Exchange ex;
    private final boolean withBody;
    private Map<String, List<String>> form = Map.of();
    private Map<String, List<String>> files = Map.of();
    private JsonNode json;
    private String data = "";

    private RequestEcho(Exchange ex, boolean withBody) {
        this.ex = ex;
        this.withBody = withBody;
    }

    /** The echo without body fields ({@code /get}, {@code /delay}). */
    static RequestEcho of(Exchange ex) {
        return new RequestEcho(ex, false);
    }

    /** The echo with the body parsed by its content type; invalid JSON → 400. */
    static RequestEcho withBody(Exchange ex) {
        RequestEcho echo = new RequestEcho(ex, true);
        echo.parseBody();
        return echo;
    }

    private void parseBody() {
        String type = ex.header(HttpHeaderNames.CONTENT_TYPE).orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            form = ex.formParameters();
        } else if (type.startsWith("multipart/form-data")) {
            parseMultipart();
        } else {
            data = ex.bodyText();
            if ((type.startsWith("application/json") || type.contains("+json")) && ex.body().isReadable()) {
                try {
                    json = JsonRenderer.MAPPER.readTree(data);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw HttpError.badRequest("invalid JSON body: " + e.getOriginalMessage());
                }
            }
        }
    }

    private void parseMultipart() {
        HttpPostRequestDecoder decoder;
        try {
            decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), ex.request(), StandardCharsets.UTF_8,
                    MAX_FORM_FIELDS, ex.config().maxBody());
        } catch (RuntimeException e) { // bad boundary, unknown charset, too many fields
            throw HttpError.badRequest("invalid multipart body: " + multipartProblem(e));
        }
        form = new LinkedHashMap<>();
        files = new LinkedHashMap<>();
        try {
            for (InterfaceHttpData part : decoder.getBodyHttpDatas()) {
                if (part instanceof FileUpload f) {
                    files.computeIfAbsent(f.getName(), k -> new java.util.ArrayList<>()).add(f.getString(StandardCharsets.UTF_8));
                } else if (part instanceof Attribute a) {
                    form.computeIfAbsent(a.getName(), k -> new java.util.ArrayList<>()).add(a.getValue());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw HttpError.badRequest("invalid multipart body: " + multipartProblem(e));
        } finally {
            decoder.destroy();
        }
    }

    /** What is wrong with a multipart body, in words (Netty's exceptions nest the cause's class name). */
    private static String multipartProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.nio.charset.UnsupportedCharsetException c) {
                return "unknown charset " + c.getCharsetName();
            }
            if (t instanceof java.nio.charset.IllegalCharsetNameException c) {
                return "invalid charset name " + c.getCharsetName();
            }
            if (t instanceof HttpPostRequestDecoder.TooManyFormFieldsException) {
                return "more than " + MAX_FORM_FIELDS + " fields";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.contains("Exception") ? "malformed" : message;
    }

    @Override
    public void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeFieldName("args");
        writeMultiMap(g, ex.queryParameters());
        if (withBody) {
            g.writeStringField("data", data);
            g.writeFieldName("files");
            writeMultiMap(g, files);
            g.writeFieldName("form");
            writeMultiMap(g, form);
        }
        g.writeFieldName("headers");
        writeHeaders(g, ex);
        if (withBody) {
            g.writeFieldName("json");
            if (json == null) {
                g.writeNull();
            } else {
                g.writeTree(json);
            }
        }
        g.writeStringField("method", ex.method().name());
        g.writeStringField("origin", ex.origin());
        g.writeStringField("url", ex.url());
        g.writeEndObject();
    }

    /** A map of names to one value (a string) or several (a list). */
    static void writeMultiMap(JsonGenerator g, Map<String, List<String>> map) throws IOException {
        g.writeStartObject();
        writeMultiMapFields(g, map);
        g.writeEndObject();
    }

    /** The fields of {@link #writeMultiMap}, inside an object the caller opened. */
    static void writeMultiMapFields(JsonGenerator g, Map<String, List<String>> map) throws IOException {
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            List<String> values = e.getValue();
            if (values.size() == 1) {
                g.writeStringField(e.getKey(), values.getFirst());
            } else {
                g.writeArrayFieldStart(e.getKey());
                for (String v : values) {
                    g.writeString(v);
                }
                g.writeEndArray();
            }
        }
    }

    /** The request headers as an object of Title-Case names to strings. */
    static void writeHeaders(JsonGenerator g, Exchange ex) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : ex.headers()) {
            headers.merge(titleCase(h.getKey()), h.getValue(), (a, b) -> a + ", " + b);
        }
        g.writeStartObject();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            g.writeStringField(h.getKey(), h.getValue());
        }
        g.writeEndObject();
    }

    static String titleCase(String name) {
        if (isTitleCase(name)) {
            return name;
        }
        char[] c = name.toCharArray();
        boolean up = true;
        for (int i = 0; i < c.length; i++) {
            c[i] = up ? Character.toUpperCase(c[i]) : Character.toLowerCase(c[i]);
            up = c[i] == '-';
        }
        return new String(c);
    }

    private static boolean isTitleCase(String name) {
        boolean up = true;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (up ? Character.isLowerCase(ch) : Character.isUpperCase(ch)) {
                return false;
            }
            up = ch == '-';
        }
        return true;
    }
}
