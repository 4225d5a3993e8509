package dev.salvo.cli.serve;

import dev.salvo.cli.common.BadInputException;
import dev.salvo.cli.common.Output;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Where {@code salvo serve}'s access log goes ({@code --access-log}): {@code -} for stderr,
 * {@code off}, or a file (appended to, one flushed line per request); and which lines
 * ({@code --access-log-sample N}: one request in N). Thread-safe: server threads call
 * {@link #accept} concurrently; {@link #close} is idempotent.
 */
final class AccessLogSink implements Consumer<String>, AutoCloseable {
    private final Consumer<String> target;
    private final BufferedWriter file;
    private final long sampleEvery;
    private final AtomicLong seen = new AtomicLong();
    private boolean broken;

    private AccessLogSink(Consumer<String> target, BufferedWriter file, long sampleEvery) {
        this.target = target;
        this.file = file;
        this.sampleEvery = sampleEvery;
    }

    /** The sink for {@code where} ({@code -}, {@code off}, a path); empty for off. */
    static Optional<AccessLogSink> open(String where, long sampleEvery, Output output) {
        if (where.equals("off")) {
            return Optional.empty();
        }
        if (where.equals("-")) {
            return Optional.of(new AccessLogSink(output::message, null, sampleEvery));
        }
        try {
            BufferedWriter writer = Files.newBufferedWriter(Path.of(where), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            return Optional.of(new AccessLogSink(null, writer, sampleEvery));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("cannot write the access log to " + where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(String line) {
        if ((seen.getAndIncrement() % sampleEvery) != 0) {
            return;
        }
        if (file == null) {
            target.accept(line);
            return;
        }
        synchronized (this) {
            if (broken) {
                return;
            }
            try {
                file.write(line);
                file.newLine();
                file.flush();
            } catch (IOException e) {
                broken = true; // a full disk stops the log, never the server
                org.slf4j.LoggerFactory.getLogger(AccessLogSink.class).warn("access log stopped: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
