package dev.salvo.server.internal;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Formats one access-log line per request in Common Log Format plus the time taken, e.g.
 * {@code 127.0.0.1 - - [21/Nov/2026:22:13:17 +0000] "GET /get HTTP/1.1" 200 312 1.204ms}, and
 * hands it to the configured sink. Thread-safe when the sink is.
 */
final class AccessLog {
    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    private final Consumer<String> sink;

    AccessLog(Consumer<String> sink) {
        this.sink = sink;
    }

    /**
     * Logs a request. {@code status} 0 means no HTTP status was sent (a fault); {@code bytes} &lt; 0
     * means unknown; both print as {@code -}.
     */
    void log(String origin, String requestLine, int status, long bytes, long startNanos) {
        double millis = (System.nanoTime() - startNanos) / 1e6;
        String line = origin + " - - [" + CLF_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "] \""
                + requestLine + "\" " + (status > 0 ? Integer.toString(status) : "-") + " "
                + (bytes >= 0 ? Long.toString(bytes) : "-") + " " + String.format(Locale.ROOT, "%.3fms", millis);
        sink.accept(line);
    }
}
