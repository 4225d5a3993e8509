package dev.salvo.cli.bench;

import dev.salvo.bench.ErrorKind;
import dev.salvo.bench.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The live view of a running bench on a terminal: a block of a few lines on stderr, redrawn four
 * times a second in place with ANSI cursor moves (warm-up countdown, progress bar with time or
 * count left, requests/s now and on average, live p50/p90/p99, status and error counts). Closing
 * it erases the block, so the report starts on a clean line. Thread-safe.
 */
final class LiveView implements AutoCloseable {
    static final long REDRAW_MILLIS = 250;
    /** Lines are cut to this many columns, so that a narrow terminal never wraps the block. */
    static final int WIDTH = 78;
    private static final int BAR = 30;
    private static final String CLEAR_TO_END = "\033[J";

    private final PrintWriter err;
    private final Supplier<List<String>> frame;
    private final ScheduledExecutorService ticker;
    private final Object lock = new Object();
    private int shown;
    private boolean closed;

    private LiveView(PrintWriter err, Supplier<List<String>> frame) {
        this.err = err;
        this.frame = frame;
        this.ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "salvo-bench-view");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::draw, 0, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts drawing {@code frame}'s lines on {@code err}. */
    static LiveView start(PrintWriter err, Supplier<List<String>> frame) {
        return new LiveView(err, frame);
    }

    /** The lines of a run's view. */
    static List<String> lines(Progress p) {
        List<String> lines = new ArrayList<>();
        if (p.warmingUp()) {
            lines.add(fit(String.format(Locale.ROOT, "warming up  %s left  %,.0f req/s", seconds(p.warmupLeft()),
                    p.requestsPerSecond())));
            return lines;
        }
        int filled = (int) Math.round(p.fraction() * BAR);
        String left = p.target() > 0
                ? String.format(Locale.ROOT, "%,d / %,d  %,d left", p.done(), p.target(), Math.max(0, p.target() - p.done()))
                : String.format(Locale.ROOT, "%s / %s  %s left", seconds(p.measured()), seconds(p.measureFor()),
                        seconds(p.measureFor().minus(p.measured())));
        lines.add(fit(String.format(Locale.ROOT, "[%s%s] %3.0f%%  %s", "█".repeat(filled), "░".repeat(BAR - filled),
                p.fraction() * 100, left)));
        lines.add(fit(String.format(Locale.ROOT, "  %,.0f req/s now   %,.0f req/s avg   %,d done", p.requestsPerSecond(),
                p.averagePerSecond(), p.done())));
        lines.add(fit(String.format(Locale.ROOT, "  latency  p50 %s   p90 %s   p99 %s", ms(p.p50Ms()), ms(p.p90Ms()),
                ms(p.p99Ms()))));
        StringBuilder status = new StringBuilder("  status  ");
        if (p.statuses().isEmpty()) {
            status.append("(no responses yet)");
        }
        p.statuses().forEach((code, count) -> status.append(String.format(Locale.ROOT, "%d: %,d   ", code, count)));
        lines.add(fit(status.toString().stripTrailing()));
        StringBuilder errors = new StringBuilder("  errors  ");
        if (p.errors().isEmpty()) {
            errors.append("none");
        }
        for (Map.Entry<ErrorKind, Long> e : p.errors().entrySet()) {
            errors.append(String.format(Locale.ROOT, "%s: %,d   ", e.getKey().key(), e.getValue()));
        }
        lines.add(fit(errors.toString().stripTrailing()));
        return lines;
    }

    /** Ctrl-C: one more line ({@code ^C} and the stop message) sits under the block; erase it too, and stop drawing. */
    void interrupted() {
        synchronized (lock) {
            if (!closed) {
                shown++;
            }
        }
        close();
    }

    /** Stops drawing and erases the block; idempotent. */
    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (!closed) {
                closed = true;
                err.print(up() + CLEAR_TO_END);
                err.flush();
                shown = 0;
            }
        }
    }

    private void draw() {
        List<String> lines = frame.get();
        synchronized (lock) {
            if (closed) {
                return;
            }
            StringBuilder out = new StringBuilder(up());
            for (String line : lines) {
                out.append(line).append("\033[K\n");
            }
            err.print(out.append(CLEAR_TO_END));
            err.flush();
            shown = lines.size();
        }
    }

    /** Moves the cursor to the first column of the block's first line. */
    private String up() {
        return shown == 0 ? "\r" : "\r\033[" + shown + "A";
    }

    private static String fit(String line) {
        return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 1) + "…";
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", Math.max(0, d.toMillis()) / 1000.0);
    }

    private static String ms(double ms) {
        return ms == 0 ? "-" : String.format(Locale.ROOT, "%.3f ms", ms);
    }
}
