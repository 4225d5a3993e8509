package dev.salvo.cli.fetch;

import dev.salvo.cli.common.Elapsed;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The progress line over a list of URLs: a bar, done of total, failed, rate and time left, as in
 * {@code [#########...........] 4500/10000  3 failed  880/s  0:06 left}. Thread-safe.
 */
final class FetchProgress {
    private static final int BAR = 20;

    private final int total;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    FetchProgress(int total) {
        this.total = total;
    }

    /** Counts one finished URL. */
    void finished(boolean success) {
        done.incrementAndGet();
        if (!success) {
            failed.incrementAndGet();
        }
    }

    /** The progress line, without a newline. */
    String status() {
        int finished = done.get();
        int filled = total == 0 ? BAR : (int) ((long) finished * BAR / total);
        double seconds = Elapsed.since(started).seconds();
        double rate = seconds > 0 ? finished / seconds : 0;
        String left = rate > 0 ? clock((total - finished) / rate) + " left" : "";
        return String.format(Locale.ROOT, "[%s%s] %d/%d  %d failed  %.0f/s  %s",
                "#".repeat(filled), ".".repeat(BAR - filled), finished, total, failed.get(), rate, left).strip();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
