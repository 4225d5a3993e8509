package dev.salvo.flink.job;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 250ms}, {@code 30s}, {@code 2m} or an ISO-8601 duration ({@code PT30S}) for picocli. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String s = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("pt")) {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("s")) {
                double seconds = Double.parseDouble(s.substring(0, s.length() - 1));
                if (Double.isFinite(seconds) && Math.abs(seconds) < 1e9) {
                    return Duration.ofMillis(Math.round(seconds * 1000));
                }
            }
            if (s.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)) * 60);
            }
        } catch (RuntimeException e) {
            throw new TypeConversionException("not a duration: '" + value + "' (use 250ms, 30s, 2m or PT30S)");
        }
        throw new TypeConversionException("not a duration: '" + value + "' (use 250ms, 30s, 2m or PT30S)");
    }
}
