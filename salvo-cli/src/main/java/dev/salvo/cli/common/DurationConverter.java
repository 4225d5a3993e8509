package dev.salvo.cli.common;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a duration flag: {@code 10s}, {@code 250ms}, {@code 2m} or plain (fractional) seconds. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            Duration duration;
            if (text.endsWith("ms")) {
                duration = Duration.ofNanos(Math.round(Double.parseDouble(text.substring(0, text.length() - 2)) * 1e6));
            } else if (text.endsWith("s")) {
                duration = seconds(text.substring(0, text.length() - 1));
            } else if (text.endsWith("m")) {
                duration = seconds(text.substring(0, text.length() - 1)).multipliedBy(60);
            } else {
                duration = seconds(text);
            }
            if (duration.isNegative()) {
                throw new TypeConversionException("'" + value + "' is negative");
            }
            return duration;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a duration (examples: 10s, 250ms, 1.5)");
        }
    }

    private static Duration seconds(String number) {
        double seconds = Double.parseDouble(number);
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new NumberFormatException(number);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
