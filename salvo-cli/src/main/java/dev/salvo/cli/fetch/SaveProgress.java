package dev.salvo.cli.fetch;

import dev.salvo.cli.common.Elapsed;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress line of {@code salvo fetch -o/-O}: bytes so far, rate and time left, as {@code curl -o}
 * shows. One file: {@code [######..............] 312.0 MB/1.0 GB  95.3 MB/s  0:07 left} (bar and time
 * left once the length is announced). Several: {@code [###.................] 14/100 files  1.2 GB
 * 210.4 MB/s  0:41 left}, time left from the files done. Thread-safe.
 */
final class SaveProgress {
    private static final int BAR = 20;

    private final int files;
    private final long started = System.nanoTime();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong expected = new AtomicLong(-1);
    private final AtomicInteger done = new AtomicInteger();

    SaveProgress(int files) {
        this.files = files;
    }

    /** A response announced {@code length} bytes (one file only: the bar and time left follow it). */
    void expect(long length) {
        expected.set(length);
    }

    /** {@code delta} more bytes arrived. */
    void received(long delta) {
        bytes.addAndGet(delta);
    }

    /** One file is finished (saved or failed). */
    void finished() {
        done.incrementAndGet();
    }

    /** The progress line, without a newline. */
    String status() {
        double seconds = Elapsed.since(started).seconds();
        long got = bytes.get();
        double rate = seconds > 0 ? got / seconds : 0;
        if (files == 1) {
            long length = expected.get();
            if (length < 0) {
                return String.format(Locale.ROOT, "%s  %s/s", size(got), size(rate));
            }
            String left = rate > 0 ? FetchProgress.clock((length - got) / rate) + " left" : "";
            return String.format(Locale.ROOT, "%s %s/%s  %s/s  %s", bar(got, length), size(got), size(length),
                    size(rate), left).strip();
        }
        int finished = done.get();
        String left = finished > 0 ? FetchProgress.clock((files - finished) * seconds / finished) + " left" : "";
        return String.format(Locale.ROOT, "%s %d/%d files  %s  %s/s  %s", bar(finished, files), finished, files,
                size(got), size(rate), left).strip();
    }

    private static String bar(long part, long whole) {
        int filled = whole <= 0 ? BAR : (int) Math.min(BAR, part * BAR / whole);
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
    }

    /** {@code 999 B}, {@code 12.3 kB}, {@code 1.0 GB}: decimal units, as curl and the benchmarks use. */
    static String size(double bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int unit = 0;
        while (bytes >= 1000 && unit < units.length - 1) {
            bytes /= 1000;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0f B", bytes) : String.format(Locale.ROOT, "%.1f %s", bytes, units[unit]);
    }
}
