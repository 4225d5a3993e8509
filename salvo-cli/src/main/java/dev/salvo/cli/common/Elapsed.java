package dev.salvo.cli.common;

import java.util.Locale;

/**
 * A measured duration, printed the ways the seeds print theirs.
 *
 * @param nanos the duration in nanoseconds, not negative
 */
public record Elapsed(long nanos) {
    public Elapsed {
        if (nanos < 0) {
            throw new IllegalArgumentException("elapsed time must not be negative, got " + nanos);
        }
    }

    public static Elapsed of(long nanos) {
        return new Elapsed(nanos);
    }

    /** The time since {@code startNanos} (a {@link System#nanoTime()}). */
    public static Elapsed since(long startNanos) {
        return new Elapsed(Math.max(0, System.nanoTime() - startNanos));
    }

    public double seconds() {
        return nanos / 1e9;
    }

    /** {@code 1.1}. */
    public String oneDecimal() {
        return String.format(Locale.ROOT, "%.1f", seconds());
    }

    /** {@code 1.10}: seed 001's {@code {:.2f}}. */
    public String twoDecimals() {
        return String.format(Locale.ROOT, "%.2f", seconds());
    }

    /** {@code 0.690}: seed 002's {@code {t:.3f}}. */
    public String threeDecimals() {
        return String.format(Locale.ROOT, "%.3f", seconds());
    }

    /** {@code 0:00:05.250000}: Python's {@code str(timedelta)} as seed 000 prints it. */
    public String clock() {
        long micros = nanos / 1_000;
        long totalSeconds = micros / 1_000_000;
        return String.format(Locale.ROOT, "%d:%02d:%02d.%06d",
                totalSeconds / 3600, totalSeconds / 60 % 60, totalSeconds % 60, micros % 1_000_000);
    }
}
