package dev.salvo.flink.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.flink.CallFailure;
import dev.salvo.flink.ErrorKind;
import dev.salvo.flink.OnFailure;
import dev.salvo.flink.ToOutput;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The job's output: one JSON object per input line, {@code url}, {@code method}, {@code status},
 * {@code latency_ms}, {@code bytes}, then {@code sha256} of the body (or {@code body} itself) and
 * {@code error} ({@code null}, or {@code kind} and {@code message}). A line that made no request
 * has {@code url: null} and the line itself, cut short, as {@code input}.
 */
final class ResultRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultRecords() {
    }

    /** Successes: status, size and the body's SHA-256, or the body when {@code withBody}. */
    static ToOutput<String, String> responses(boolean withBody) {
        return (line, response, latency) -> {
            ObjectNode record = start(line, latency);
            record.put("status", response.status());
            record.put("bytes", response.bodyLength());
            if (withBody) {
                record.put("body", response.bodyString());
            } else {
                record.put("sha256", sha256(response.body()));
            }
            record.putNull("error");
            return write(record);
        };
    }

    /** Failures as records with {@code status: null} and the error's kind and message. */
    static OnFailure<String, String> failures() {
        return (line, failure) -> {
            ObjectNode record;
            if (failure.kind() == ErrorKind.BAD_INPUT) {
                record = JSON.createObjectNode();
                record.putNull("url");
                record.put("input", LineRequests.quote(line));
                record.put("latency_ms", 0);
            } else {
                record = start(line, failure.elapsed());
            }
            record.putNull("status");
            record.put("bytes", 0);
            ObjectNode error = record.putObject("error");
            error.put("kind", failure.kind().label());
            error.put("message", failure.message());
            return write(record);
        };
    }

    /** The line's URL and method (the first hop's, whatever redirects followed) and the latency. */
    private static ObjectNode start(String line, Duration latency) {
        LineRequests.Target target = LineRequests.target(line);
        ObjectNode record = JSON.createObjectNode();
        record.put("url", target.url());
        record.put("method", target.method());
        record.put("latency_ms", latency.toNanos() / 1_000_000.0);
        return record;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String write(ObjectNode record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
