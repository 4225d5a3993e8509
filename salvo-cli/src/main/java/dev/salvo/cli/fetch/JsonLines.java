package dev.salvo.cli.fetch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.salvo.cli.common.BadInputException;
import dev.salvo.cli.common.FileReason;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --jsonl FILE}: one JSON object per URL, written and flushed as each finishes:
 * {@code {"url":…,"status":200,"seconds":0.12,"bytes":345,"error":null}}; a failed URL has
 * {@code "status":null} and {@code "error"} one of {@link FailureKind}'s names. Thread-safe.
 */
final class JsonLines implements ResultSink {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream out;

    private JsonLines(OutputStream out) {
        this.out = out;
    }

    /** Creates (or truncates) {@code file}; a file that cannot be written is bad input, found before any request. */
    static JsonLines create(Path file) {
        try {
            return new JsonLines(Files.newOutputStream(file));
        } catch (IOException e) {
            throw new BadInputException("cannot write " + file + ": " + FileReason.of(e), e);
        }
    }

    /** Writes {@code result}'s line to the file. */
    @Override
    public synchronized void accept(FetchResult result) {
        try {
            out.write(line(result).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code result} as one line of JSON, without the newline. */
    static String line(FetchResult result) {
        ObjectNode line = JSON.createObjectNode();
        line.put("url", result.request().uri().toString());
        result.status().ifPresentOrElse(status -> line.put("status", status), () -> line.putNull("status"));
        result.version().ifPresentOrElse(version -> line.put("protocol", version.toString()), () -> line.putNull("protocol"));
        line.put("seconds", Math.round(result.elapsed().seconds() * 1000) / 1000.0);
        line.put("bytes", result.bytes());
        result.failure().ifPresentOrElse(kind -> line.put("error", kind.jsonName()), () -> line.putNull("error"));
        return line.toString();
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
