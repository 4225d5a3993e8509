package dev.salvo.flink.job;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.salvo.flink.ErrorKind;
import dev.salvo.flink.OnFailure;
import dev.salvo.flink.ToOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The job's output: one JSON object per input line, {@code url}, {@code method},
 * {@code latency_ms}, {@code status}, {@code bytes}, then {@code sha256} of the body (or
 * {@code body} itself) and {@code error} ({@code null}, or {@code kind} and {@code message}). A
 * line that made no request has {@code url: null} and the line itself, cut short, as
 * {@code input}. Written with Jackson's streaming generator: no tree per record.
 */
final class ResultRecords {
    private static final JsonFactory JSON = new JsonFactory();

    private ResultRecords() {
    }

    /** Successes: status, size and the body's SHA-256, or the body when {@code withBody}. */
    static ToOutput<String, String> responses(boolean withBody) {
        return (line, response, latency) -> write(json -> {
            start(json, line, latency);
            json.writeNumberField("status", response.status());
            json.writeNumberField("bytes", response.bodyLength());
            if (withBody) {
                json.writeStringField("body", response.bodyString());
            } else {
                json.writeStringField("sha256", sha256(response.body()));
            }
            json.writeNullField("error");
        });
    }

    /** Failures as records with {@code status: null} and the error's kind and message. */
    static OnFailure<String, String> failures() {
        return (line, failure) -> write(json -> {
            if (failure.kind() == ErrorKind.BAD_INPUT) {
                json.writeNullField("url");
                json.writeStringField("input", LineRequests.quote(line));
                json.writeNumberField("latency_ms", 0);
            } else {
                start(json, line, failure.elapsed());
            }
            json.writeNullField("status");
            json.writeNumberField("bytes", 0);
            json.writeObjectFieldStart("error");
            json.writeStringField("kind", failure.kind().label());
            json.writeStringField("message", failure.message());
            json.writeEndObject();
        });
    }

    /** The line's URL and method (the first hop's, whatever redirects followed) and the latency. */
    private static void start(JsonGenerator json, String line, Duration latency) throws IOException {
        LineRequests.Target target = LineRequests.target(line);
        json.writeStringField("url", target.url());
        json.writeStringField("method", target.method());
        json.writeNumberField("latency_ms", latency.toNanos() / 1_000_000.0);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The fields one record writes. */
    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Fields fields) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
