package dev.salvo.server.internal.http;

import java.time.Duration;
import java.util.Locale;

/**
 * Parses path and query values the way go-httpbin does: anything malformed or out of range is a
 * 400 {@link HttpError} naming the parameter and the value, never a silent clamp. Stateless.
 */
public final class ParamParser {
    private ParamParser() {
    }

    /** A base-10 integer in {@code [min, max]}. */
    public static long integer(String raw, String name, long min, long max) {
        long v;
        try {
            v = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(name + " must be an integer, got '" + raw + "'");
        }
        if (v < min || v > max) {
            throw HttpError.badRequest(name + " must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    /** A finite decimal number in {@code [min, max]}. */
    public static double decimal(String raw, String name, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw HttpError.badRequest(name + " must be a number, got '" + raw + "'");
        }
        if (!Double.isFinite(v) || v < min || v > max) {
            throw HttpError.badRequest(name + " must be in [" + min + ", " + max + "], got '" + raw + "'");
        }
        return v;
    }

    /**
     * A duration: plain seconds ({@code 1}, {@code 0.25}) or with a unit ({@code 100ms}, {@code 2s},
     * {@code 1m}); negative or over {@code max} → 400.
     */
    public static Duration duration(String raw, String name, Duration max) {
        Duration d;
        try {
            d = parseDuration(raw);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(name + " " + e.getMessage());
        }
        if (d.compareTo(max) > 0) {
            throw HttpError.badRequest(name + " " + raw + " is over the maximum duration of " + seconds(max) + " s");
        }
        return d;
    }

    /**
     * Parses {@code 1}, {@code 0.25} (seconds), {@code 100ms}, {@code 250us}, {@code 2s}, {@code 1m}.
     *
     * @throws IllegalArgumentException for anything else or a negative value
     */
    public static Duration parseDuration(String raw) {
        String s = raw.trim().toLowerCase(Locale.ROOT);
        double factorNanos = 1e9;
        if (s.endsWith("ms")) {
            factorNanos = 1e6;
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("us")) {
            factorNanos = 1e3;
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s")) {
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("m")) {
            factorNanos = 60e9;
            s = s.substring(0, s.length() - 1);
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a duration such as 1, 0.5, 100ms or 2s, got '" + raw + "'");
        }
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException("must be a non-negative duration, got '" + raw + "'");
        }
        return Duration.ofNanos(Math.round(v * factorNanos));
    }

    /** Seconds with up to three decimals, for messages. */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9).replaceAll("\\.?0+$", "");
    }
}
